import {
  AlertDialogDataAttributes,
  type DataAttributes,
  ErrorNoticeDataAttributes,
  NotLoadedDataAttributes,
} from './parts/dataAttributes';

/**
 * The `data-slot` values `RevokeButton` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`): `[data-slot='revoke-button'][data-state='pending']`.
 */
export const RevokeButtonDataAttributes = {
  ...AlertDialogDataAttributes,
  ...ErrorNoticeDataAttributes,
  ...NotLoadedDataAttributes,
  /**
   * The root (`classNames.root`): `loading` until Clerk has loaded, then the revoke's status; `done` once Clerk
   * confirmed (the trigger is replaced by a status line).
   */
  'revoke-button': ['loading', 'idle', 'confirming', 'verifying', 'pending', 'error', 'done'],
  /**
   * The trigger (`classNames.trigger`), with the revoke's status; the confirmation dialog's buttons are
   * `button` too, `pending` while the revoke runs.
   */
  button: ['idle', 'confirming', 'verifying', 'pending', 'error'],
  /** Why the session in use cannot be revoked here (`classNames.reason`). */
  reason: [],
  /** The live region, and the status line once done. */
  announcer: [],
} as const satisfies DataAttributes;
