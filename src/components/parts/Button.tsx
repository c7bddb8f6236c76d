import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { cn } from './cn';

/** Visual weight of a {@link Button}. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Shows a spinner and sets `aria-busy`; the button stays focusable but ignores clicks. */
  pending?: boolean;
}

/** The kit's button: 24 px minimum target (WCAG 2.5.8), visible focus ring, pending and disabled states. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', pending = false, className, children, onClick, type = 'button', ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      data-slot="button"
      data-variant={variant}
      data-state={pending ? 'pending' : undefined}
      aria-busy={pending || undefined}
      onClick={pending ? undefined : onClick}
      // `csk-btn-<variant>` and `csk-btn-<size>` are in kit.css (they also reset what browsers give buttons: no
      // preflight in the kit).
      className={cn(`csk-btn-${variant} csk-btn-${size}`, className)}
      {...props}
    >
      {pending ? <span aria-hidden="true" className="csk-spinner" /> : null}
      {children}
    </button>
  );
});
