import { AlertDialogDataAttributes, AnnouncerDataAttributes, type DataAttributes } from './parts/dataAttributes';

/**
 * The `data-slot` values `IdleTimeoutDialog` renders, each with the `data-state` values it can carry (see
 * `DataAttributes`): its `alert-dialog` is `open` while the countdown runs.
 */
export const IdleTimeoutDialogDataAttributes = {
  ...AlertDialogDataAttributes,
  ...AnnouncerDataAttributes,
} as const satisfies DataAttributes;
