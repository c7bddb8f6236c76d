import {
  AlertDialogDataAttributes,
  AnnouncerDataAttributes,
  type DataAttributes,
  ErrorNoticeDataAttributes,
  NotLoadedDataAttributes,
} from './parts/dataAttributes';

/**
 * The `data-slot` values `SessionSwitcher` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`): `[data-slot='row'][data-state='pending']`.
 */
export const SessionSwitcherDataAttributes = {
  ...AlertDialogDataAttributes,
  ...ErrorNoticeDataAttributes,
  ...NotLoadedDataAttributes,
  ...AnnouncerDataAttributes,
  /** The root (`classNames.root`): `open | closed` in the popover variant, none inline. */
  root: ['open', 'closed'],
  /** The frame around the current account's avatar and the trigger (`classNames.trigger`). */
  'trigger-frame': ['open', 'closed'],
  /** The button that opens the popover. */
  trigger: ['open', 'closed'],
  /** The popover. */
  panel: ['open', 'closed'],
  /** The message when nobody is signed in. */
  'signed-out': [],
  list: [],
  /** One account: `pending` while an action on it runs, `error` when the last one failed. */
  row: ['idle', 'pending', 'error'],
  /** The current account's cell, or another account's switch button (`pending` while switching to it). */
  account: ['pending'],
  /** An account's sign-out button (`pending` while it runs). */
  'sign-out': ['pending'],
  'add-account': [],
  /** "Sign out of all accounts" and its confirmation. */
  'sign-out-all': [],
  avatar: [],
  badge: [],
} as const satisfies DataAttributes;
