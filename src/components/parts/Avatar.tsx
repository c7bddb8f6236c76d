import { cn } from './cn';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** Image URL; when absent the initials show. */
  src: string | null;
  initials: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

const sizes = { sm: 'csk:size-8 csk:text-xs', md: 'csk:size-10 csk:text-sm', lg: 'csk:size-14 csk:text-lg' };

/** A round avatar; decorative, since the name is always written next to it. */
export function Avatar({ src, initials, size = 'md', className }: AvatarProps) {
  return (
    <span
      data-slot="avatar"
      aria-hidden="true"
      className={cn(
        'csk:inline-flex csk:shrink-0 csk:items-center csk:justify-center csk:overflow-hidden csk:rounded-full csk:bg-muted csk:font-semibold csk:text-muted-foreground csk:select-none',
        sizes[size],
        className,
      )}
    >
      {src ? <img src={src} alt="" className="csk:size-full csk:object-cover" /> : initials}
    </span>
  );
}
