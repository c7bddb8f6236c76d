import { AnnouncerDataAttributes, type DataAttributes, NotLoadedDataAttributes } from './parts/dataAttributes';

/**
 * The `data-slot` values `SessionInfoCard` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`): `[data-slot='root'][data-state='pending']`. Its revoke button carries
 * `RevokeButtonDataAttributes`.
 */
export const SessionInfoCardDataAttributes = {
  ...NotLoadedDataAttributes,
  ...AnnouncerDataAttributes,
  /** The card (`classNames.root`), with the session's status, or `loading` / `signed-out`. */
  root: ['loading', 'signed-out', 'active', 'pending'],
  /** The message when nobody is signed in. */
  'signed-out': [],
  header: [],
  avatar: [],
  name: [],
  identifier: [],
  /** Status and "This device" badges. */
  status: [],
  badge: [],
  /** Impersonation or expiring-soon notice (`data-kind` tells which). */
  notice: [],
  /** The `<dl>` of sign-in time, last activity and expiry. */
  details: [],
  /** A relative time with the absolute one as its title. */
  time: [],
  /** Where the revoke button sits. */
  actions: [],
} as const satisfies DataAttributes;
