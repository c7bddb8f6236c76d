/** Joins class names, skipping falsy ones: `cn(base, condition && extra, className)`. */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
