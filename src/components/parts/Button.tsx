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

const variants: Record<ButtonVariant, string> = {
  primary: 'csk:bg-primary csk:text-primary-foreground csk:hover:opacity-90',
  secondary: 'csk:border-border csk:bg-card csk:text-card-foreground csk:hover:bg-muted',
  ghost: 'csk:border-transparent csk:bg-transparent csk:text-foreground csk:hover:bg-muted',
  danger: 'csk:bg-danger csk:text-danger-foreground csk:hover:opacity-90',
};

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
      className={cn(
        // No preflight in the kit: reset what browsers give buttons (font, border) here.
        'csk:inline-flex csk:items-center csk:justify-center csk:gap-2 csk:rounded-kit csk:border csk:border-transparent csk:font-[inherit] csk:font-medium csk:whitespace-nowrap',
        'csk:cursor-pointer csk:transition-colors csk:outline-none csk:focus-visible:ring-2 csk:focus-visible:ring-ring csk:focus-visible:ring-offset-2 csk:ring-offset-background',
        'csk:disabled:cursor-not-allowed csk:disabled:opacity-60 csk:aria-disabled:cursor-not-allowed csk:aria-disabled:opacity-60',
        size === 'sm' ? 'csk:min-h-8 csk:px-3 csk:text-sm' : 'csk:min-h-10 csk:px-4 csk:text-sm',
        variants[variant],
        className,
      )}
      {...props}
    >
      {pending ? (
        <span
          aria-hidden="true"
          className="csk:size-3.5 csk:animate-spin csk:rounded-full csk:border-2 csk:border-current csk:border-t-transparent"
        />
      ) : null}
      {children}
    </button>
  );
});
