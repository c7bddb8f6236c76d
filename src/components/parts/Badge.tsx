import type { ReactNode } from 'react';
import { cn } from './cn';

/** Colour of a {@link Badge}. */
export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'primary';

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
      // Colours per `data-tone` in kit.css.
      className={cn('csk-badge', className)}
    >
      {children}
    </span>
  );
}
