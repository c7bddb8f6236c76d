import type { DeviceKind } from '../../core/device';
import { cn } from './cn';

// Outline glyphs on a 24 px grid drawn with `currentColor`, so they follow the text colour in light and dark.
const paths: Record<DeviceKind, string> = {
  desktop: 'M3 5a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1zM8 20h8M12 16v4',
  mobile: 'M7 3a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1zM11 18h2',
  tablet: 'M4 4a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1zM11 18h2',
  unknown:
    'M4 5a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.2M12 16.5v.01',
};

/**
 * The icon for a kind of device. Decorative (`aria-hidden`): the device is always named in text next to it, and
 * the row states the kind in words for assistive technology.
 */
export function DeviceIcon({ kind, className }: { kind: DeviceKind; className?: string }) {
  return (
    <svg
      data-slot="device-icon"
      data-kind={kind}
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={cn('csk-icon', className)}
    >
      <path d={paths[kind]} />
    </svg>
  );
}
