import { AnnouncerDataAttributes, ButtonDataAttributes, type DataAttributes } from './parts/dataAttributes';

/**
 * The `data-slot` values `SessionExpiryNotice` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`).
 */
export const SessionExpiryNoticeDataAttributes = {
  ...ButtonDataAttributes,
  ...AnnouncerDataAttributes,
  /** The notice, shown only while the session is about to end. */
  'session-expiry': ['expiring'],
} as const satisfies DataAttributes;
