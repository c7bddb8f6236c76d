import {
  AlertDialogDataAttributes,
  AnnouncerDataAttributes,
  type DataAttributes,
  ErrorNoticeDataAttributes,
  NotLoadedDataAttributes,
} from './parts/dataAttributes';

/**
 * The `data-slot` values `SignOutAllButton` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`): `[data-slot='sign-out-all'][data-state='partial']`.
 */
export const SignOutAllButtonDataAttributes = {
  ...AlertDialogDataAttributes,
  ...ErrorNoticeDataAttributes,
  ...NotLoadedDataAttributes,
  ...AnnouncerDataAttributes,
  /**
   * The root (`classNames.root`), with the sign-out's status: `partial` when some devices could not be signed
   * out, `done` when all were.
   */
  'sign-out-all': ['loading', 'idle', 'confirming', 'pending', 'verifying', 'done', 'partial', 'error'],
  /** The button that opens the confirmation (`classNames.trigger`). */
  trigger: [],
  /** Why it is disabled, e.g. no other device (`classNames.reason`). */
  reason: [],
} as const satisfies DataAttributes;
