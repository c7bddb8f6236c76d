/** Props a confirmation hook (`useRevokeSession`, `useSignOutAll`) gives the button that opens its dialog. */
export interface ConfirmationTriggerProps {
  'aria-haspopup': 'dialog';
  'aria-expanded': boolean;
  /** The dialog's id while it is open. */
  'aria-controls': string | undefined;
  /** `aria-disabled` rather than `disabled`: the button stays focusable, so a reason beside it can be read out. */
  'aria-disabled': true | undefined;
  'aria-busy': true | undefined;
  /** Opens the confirmation (`undefined` or a no-op while the action cannot start). */
  onClick: (() => void) | undefined;
}

/**
 * Props a confirmation hook (`useRevokeSession`, `useSignOutAll`) gives its dialog: spread them on a modal
 * confirmation (the kit's own takes them as they are) and wire its confirm button to the hook's `confirm()`.
 */
export interface ConfirmationDialogProps {
  /** The dialog's id, which the trigger's `aria-controls` names while it is open. */
  id: string;
  /** Show the dialog. */
  open: boolean;
  /** The confirmed action runs: keep the dialog, ignore Escape and Cancel, show the confirm button busy. */
  pending: boolean;
  /** Escape, Cancel, or the browser closing the dialog: the hook's `closeConfirmation()`. */
  onCancel: () => void;
}
