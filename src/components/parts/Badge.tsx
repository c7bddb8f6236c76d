import type { ReactNode } from 'react';
import { cn } from './cn';

/** Colour of a {@link Badge}. */
export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'primary';

const tones: Record<BadgeTone, string> = {
  neutral: 'csk:bg-muted csk:text-muted-foreground',
  success: 'csk:bg-muted csk:text-success',
  warning: 'csk:bg-warning-muted csk:text-warning',
  danger: 'csk:bg-danger-muted csk:text-danger',
  primary: 'csk:bg-muted csk:text-primary',
};

/** A small status label. */
export function Badge({
  tone = 'neutral',
  className,
  children,
}: {
  tone?: BadgeTone;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      data-slot="badge"
      data-tone={tone}
      className={cn(
        'csk:inline-flex csk:items-center csk:rounded-full csk:px-2 csk:py-0.5 csk:text-xs csk:font-medium',
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
