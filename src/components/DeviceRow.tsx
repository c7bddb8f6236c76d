'use client';
import { memo, useCallback, useMemo, useRef } from 'react';
import { maskIpAddress } from '../core/device';
import { enCommon } from '../core/messages/en/common';
import { enDevices } from '../core/messages/en/devices';
import { enRevoke } from '../core/messages/en/revoke';
import type { Messages } from '../core/messages/types';
import { formatRelative } from '../core/time';
import type { DeviceRevokeOutcome } from '../headless/deviceStore';
import type { DeviceSummary } from '../headless/summaries';
import type { ReverificationOptions } from '../headless/useReverified';
import type { RevokeTarget } from '../headless/useRevokeSession';
import { useKitStrings } from './kitContext';
import { Badge } from './parts/Badge';
import { cn } from './parts/cn';
import { DeviceIcon } from './parts/DeviceIcon';
import { RelativeTime } from './parts/RelativeTime';
import { RevokeButton } from './RevokeButton';

/** The English this component renders when no `SessionKitProvider` gives a catalogue. */
const strings = { ...enCommon, revoke: enRevoke, devices: enDevices };

/** How a device's IP address shows: in full, masked (`203.0.113.•••`) or not at all. */
export type IpAddressDisplay = boolean | 'masked';

/**
 * The name of a device in the UI and in the confirmation ("Safari 19 · iPhone"), or "Unknown device" when Clerk
 * reported neither browser nor device. The middle dot is language-neutral: `Intl.ListFormat` would say "Safari
 * and iPhone" in some locales (Arabic "و"), which names two things instead of one.
 */
export function deviceLabel(device: DeviceSummary, messages: Pick<Messages, 'unknownDevice'>): string {
  const parts = [device.browser, device.deviceType].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? messages.unknownDevice : parts.join(' · ');
}

/** Props of {@link DeviceRow}. Every prop is a primitive or a stable reference, so `memo` can skip the row. */
export interface DeviceRowProps {
  device: DeviceSummary;
  showIpAddress: IpAddressDisplay;
  /**
   * The shared list's revoke WITHOUT the reverification step (the row's `RevokeButton` runs it, closing its dialog
   * first): resolves once Clerk confirmed (or said it was gone), and the list drops the row.
   */
  revoke: (id: string) => Promise<DeviceRevokeOutcome>;
  /** Your own verification prompt instead of Clerk's modal; see `RevokeButton`. */
  onNeedsReverification?: ReverificationOptions['onNeedsReverification'] | undefined;
  /** Called after Clerk confirmed, with the id, the label the row showed and how the revoke ended. */
  onRevoked: (id: string, label: string, outcome: DeviceRevokeOutcome) => void;
  rowClassName?: string | undefined;
  deviceClassName?: string | undefined;
  metaClassName?: string | undefined;
  revokeClassName?: string | undefined;
}

/**
 * One device of {@link ActiveDevices}: icon, name, "This device", kind and OS, location, IP and last activity,
 * and a revoke button for other devices. Memoised: a row re-renders only when its own device changes.
 */
export const DeviceRow = memo(function DeviceRow({
  device,
  showIpAddress,
  revoke,
  onRevoked,
  onNeedsReverification,
  rowClassName,
  deviceClassName,
  metaClassName,
  revokeClassName,
}: DeviceRowProps) {
  const { messages, now } = useKitStrings(strings);
  const label = deviceLabel(device, messages);
  const { id } = device;
  // How the last revoke ended, for onRevoked (useRevokeSession reports only that it succeeded).
  const outcome = useRef<DeviceRevokeOutcome>('revoked');
  // Revoking through the list (not the bare resource) lets the list drop the row once Clerk confirmed.
  const target = useMemo<RevokeTarget>(
    () => ({
      type: 'device',
      session: {
        id,
        revoke: async () => {
          outcome.current = await revoke(id);
        },
      },
    }),
    [id, revoke],
  );
  const handleRevoked = useCallback(() => onRevoked(id, label, outcome.current), [id, label, onRevoked]);
  // What tells two devices with the same label apart, for the button's name: where and when it was last used.
  const lastActive = `${messages.lastActive} ${formatRelative(device.lastActiveAt, now(), messages.locale)}`;
  const nameDetails = [label, device.location, lastActive].filter(Boolean).join(' · ');
  const ip =
    device.ipAddress && showIpAddress
      ? showIpAddress === 'masked'
        ? maskIpAddress(device.ipAddress)
        : device.ipAddress
      : null;
  // "Mobile · iOS"; an unknown kind is not repeated under a label that already says "Unknown device".
  const kind = device.kind === 'unknown' ? null : messages.devices.kind[device.kind];
  const kindAndOs = [kind, device.os].filter(Boolean).join(' · ');

  return (
    <li
      data-slot="row"
      data-session-id={id}
      data-current={device.isCurrent || undefined}
      className={cn('csk-device', rowClassName)}
    >
      <span className="csk-device-icon">
        <DeviceIcon kind={device.kind} />
      </span>
      <div data-slot="device" className={cn('csk-device-main', deviceClassName)}>
        <p className="csk-device-name">
          <span className="csk:min-w-0 csk:font-medium csk:wrap-anywhere">{label}</span>
          {device.isCurrent ? <Badge tone="primary">{messages.thisDevice}</Badge> : null}
        </p>
        {kindAndOs ? <p className="csk-device-os">{kindAndOs}</p> : null}
        <dl data-slot="meta" className={cn('csk-device-meta', metaClassName)}>
          {device.location ? (
            <div className="csk-device-fact">
              <dt className="csk:sr-only">{messages.devices.location}</dt>
              <dd className="csk:m-0 csk:wrap-anywhere">{device.location}</dd>
            </div>
          ) : null}
          {ip ? (
            <div className="csk-device-fact">
              <dt className="csk:sr-only">{messages.devices.ipAddress}</dt>
              {/* Addresses read left to right in every language. */}
              <dd dir="ltr" className="csk:m-0 csk:wrap-anywhere csk:tabular-nums">
                {ip}
              </dd>
            </div>
          ) : null}
          <div className="csk-device-fact">
            <dt>{messages.lastActive}</dt>
            <dd className="csk:m-0">
              <RelativeTime date={device.lastActiveAt} />
            </dd>
          </div>
        </dl>
      </div>
      {device.isCurrent ? null : (
        <div data-slot="revoke" className={cn('csk:ms-auto csk:max-w-full', revokeClassName)}>
          {/* max-w-full: a failure notice under the button wraps within the row instead of widening it. */}
          <RevokeButton
            target={target}
            label={label}
            onRevoked={handleRevoked}
            {...(onNeedsReverification ? { onNeedsReverification } : {})}
            classNames={{ root: 'csk:max-w-full' }}
          >
            {messages.revoke.deviceAction}
            {/* Names the device for screen readers, so 30 buttons are not all just "Sign out device", and two
                devices with the same name still differ (location, last activity). Visible text stays as is. */}
            <span className="csk:sr-only"> ({nameDetails})</span>
          </RevokeButton>
        </div>
      )}
    </li>
  );
});
