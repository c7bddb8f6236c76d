import { cn } from './cn';

/** A placeholder block shown while Clerk loads; hidden from assistive technology (the container says "loading"). */
export function Skeleton({ className }: { className?: string }) {
  return <span data-slot="skeleton" aria-hidden="true" className={cn('csk-skeleton', className)} />;
}
