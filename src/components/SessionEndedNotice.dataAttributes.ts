import { ButtonDataAttributes, type DataAttributes } from './parts/dataAttributes';

/**
 * The `data-slot` values `SessionEndedNotice` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`).
 */
export const SessionEndedNoticeDataAttributes = {
  ...ButtonDataAttributes,
  /** The notice; `data-state` is why the session ended. */
  'session-ended': ['other-tab', 'revoked', 'expired', 'inactivity'],
} as const satisfies DataAttributes;
