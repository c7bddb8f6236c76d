import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { warnOnce } from '../../core/devWarning';
import { openState } from '../../core/openState';
import { Button } from './Button';
import { cn } from './cn';

/** Props of {@link AlertDialog}. */
export interface AlertDialogProps {
  open: boolean;
  /** Id for the dialog element (a trigger's `aria-controls`). */
  id?: string;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** The confirmation is running: buttons stay, Escape and Cancel are ignored, confirm shows a spinner. */
  pending?: boolean;
  /** An error to show inside the dialog (with the confirm button acting as retry). */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
  /** More content between the text and the buttons (e.g. a live region, which must be inside a modal to be heard). */
  children?: ReactNode;
}

/**
 * A modal confirmation for destructive actions, on the native `<dialog>` (top layer, inert page behind it):
 * `role="alertdialog"`, focus starts on Cancel, Escape cancels, a click outside does NOT dismiss, and focus goes
 * back to where it was when the dialog closes. A close by the browser itself (no cancelable `cancel` event) counts
 * as a cancel, or is undone while `pending`.
 *
 * The `<dialog>` is in the page only while open, and for the render that closes it (which gives focus back): a
 * list whose every row has a confirmation does not carry a closed dialog per row.
 */
export function AlertDialog(props: AlertDialogProps) {
  const [present, setPresent] = useState(props.open);
  if (props.open && !present) setPresent(true);
  const onClosed = useCallback(() => setPresent(false), []);
  return present ? <DialogElement {...props} onClosed={onClosed} /> : null;
}

/** The mounted `<dialog>` of an {@link AlertDialog}; `onClosed` once it closed and gave focus back. */
function DialogElement({
  open,
  id,
  title,
  description,
  confirmLabel,
  cancelLabel,
  pending = false,
  error,
  onConfirm,
  onCancel,
  className,
  children,
  onClosed,
}: AlertDialogProps & { onClosed: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      cancelRef.current?.focus();
      if (process.env.NODE_ENV !== 'production' && !dialog.querySelector('h2')?.textContent?.trim())
        warnOnce(`a dialog opened with an empty title, so screen readers give it no name: "${dialog.textContent}"`);
    } else if (!open) {
      if (dialog.open) {
        dialog.close();
        // The opener may be gone (its row was removed): then the owner component moves focus itself.
        if (returnFocus.current?.isConnected) returnFocus.current.focus();
      }
      onClosed();
    }
  }, [open, onClosed]);

  return (
    <dialog
      ref={ref}
      id={id}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-slot="alert-dialog"
      data-state={openState(open)}
      onCancel={(event) => {
        // The browser's own Escape handling: keep React in charge of `open`, and never while the action runs.
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onClose={() => {
        // Closed by the browser without a cancelable `cancel` (Chrome, on a second Escape): React still says open.
        const dialog = ref.current;
        if (!open || !dialog || dialog.open) return;
        if (pending) {
          // The action runs: the dialog stays until it settles, with focus on its busy button.
          dialog.showModal();
          confirmRef.current?.focus();
        } else {
          onCancel();
          if (returnFocus.current?.isConnected) returnFocus.current.focus();
        }
      }}
      onKeyDown={(event) => {
        // Escape from key events the browser does not turn into `cancel` (assistive tech, scripted input).
        if (event.key !== 'Escape') return;
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className={cn('csk-dialog', className)}
    >
      <h2 id={titleId} className="csk-dialog-title">
        {title}
      </h2>
      <p id={descriptionId} className="csk-dialog-text">
        {description}
      </p>
      {error ? (
        <p role="alert" data-slot="dialog-error" className="csk-dialog-error">
          {error}
        </p>
      ) : null}
      {children}
      <div className="csk-dialog-actions">
        <Button
          ref={cancelRef}
          variant="secondary"
          onClick={pending ? undefined : onCancel}
          aria-disabled={pending || undefined}
        >
          {cancelLabel}
        </Button>
        <Button ref={confirmRef} variant="danger" pending={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
