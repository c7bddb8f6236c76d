import {
  AnnouncerDataAttributes,
  type DataAttributes,
  ErrorNoticeDataAttributes,
  NotLoadedDataAttributes,
} from './parts/dataAttributes';

/**
 * The `data-slot` values `ActiveDevices` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`): `[data-slot='root'][data-state='error']`. Each row's revoke button carries
 * `RevokeButtonDataAttributes`, the button under the list `SignOutAllButtonDataAttributes`.
 */
export const ActiveDevicesDataAttributes = {
  ...ErrorNoticeDataAttributes,
  ...NotLoadedDataAttributes,
  ...AnnouncerDataAttributes,
  /** The `<section>` (`classNames.root`), with the list's status. */
  root: ['loading', 'ready', 'error', 'signed-out'],
  header: [],
  list: [],
  /** No other device, or nobody signed in. */
  empty: [],
  /** One device (`data-current` on this device's). */
  row: [],
  'device-icon': [],
  /** Name, "This device" badge, kind and OS. */
  device: [],
  badge: [],
  /** The `<dl>` of location, IP address and last activity. */
  meta: [],
  time: [],
  /** Where a row's revoke button sits. */
  revoke: [],
} as const satisfies DataAttributes;
