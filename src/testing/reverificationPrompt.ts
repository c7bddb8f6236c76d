/** What Clerk passes to `clerk.__internal_openReverification(...)` (its `__internal_UserVerificationModalProps`). */
export interface ReverificationModalProps {
  level?: string;
  afterVerification?: () => void;
  afterVerificationCancelled?: () => void;
}

/**
 * The mock's stand-in for Clerk's "verify it's you" modal (`UserVerification` in @clerk/ui, which the mock does
 * not load): a native modal `<dialog>` with Verify and Cancel. Verify calls `verify()` (the mock records a fresh
 * verification) and then `afterVerification`; Cancel, or Escape, calls `afterVerificationCancelled`. Focus goes
 * back to where it was when the prompt opened. Returns a function that closes it without calling either.
 */
let prompts = 0;

export function openReverificationPrompt(props: ReverificationModalProps, verify: () => void): () => void {
  const doc = globalThis.document;
  const dialog = doc.createElement('dialog');
  const opener = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  dialog.className = 'csk-dialog';
  dialog.dataset.slot = 'mock-reverification';
  prompts += 1;
  const id = `csk-mock-reverification-${prompts}`;
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-text`);
  dialog.innerHTML = `<h2 id="${id}-title" class="csk-dialog-title">Verify it's you</h2>
<p id="${id}-text" class="csk-dialog-text">Mock Clerk stands in for Clerk's verification here: Verify records a verification made just now.</p>
<div class="csk-dialog-actions"><button type="button" value="cancel">Cancel</button><button type="button" value="verify">Verify</button></div>`;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    dialog.close();
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  };
  const cancel = () => {
    if (!open) return;
    close();
    props.afterVerificationCancelled?.();
  };
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    cancel();
  });
  // Escape as a keydown too: simulated keys (Testing Library's userEvent) do not make the browser send `cancel`.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  });
  for (const button of dialog.querySelectorAll('button')) {
    button.addEventListener('click', () => {
      if (button.value === 'cancel') return cancel();
      close();
      verify();
      props.afterVerification?.();
    });
  }
  doc.body.append(dialog);
  dialog.showModal();
  dialog.querySelector<HTMLButtonElement>('button[value="verify"]')?.focus();
  return close;
}
