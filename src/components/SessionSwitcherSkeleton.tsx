import { NotLoaded } from './parts/NotLoaded';
import { Skeleton } from './parts/Skeleton';

/** What `SessionSwitcher` shows until Clerk has loaded: its trigger (popover) or three account rows (inline). */
export function SessionSwitcherSkeleton({ variant }: { variant: 'inline' | 'popover' }) {
  return (
    <NotLoaded>
      {variant === 'popover' ? (
        <div className="csk:flex csk:items-center csk:gap-2 csk:p-1">
          <Skeleton className="csk:size-8 csk:rounded-full" />
          <Skeleton className="csk:h-4 csk:w-28" />
        </div>
      ) : (
        <div className="csk:flex csk:flex-col csk:gap-3 csk:p-2">
          {[0, 1, 2].map((row) => (
            <div key={row} className="csk:flex csk:items-center csk:gap-3">
              <Skeleton className="csk:size-8 csk:rounded-full" />
              <span className="csk:flex csk:flex-1 csk:flex-col csk:gap-1.5">
                <Skeleton className="csk:h-3.5 csk:w-2/5" />
                <Skeleton className="csk:h-3 csk:w-3/5" />
              </span>
              <Skeleton className="csk:h-8 csk:w-16" />
            </div>
          ))}
        </div>
      )}
    </NotLoaded>
  );
}
