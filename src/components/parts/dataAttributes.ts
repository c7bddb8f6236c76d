/**
 * The `data-slot` values a component renders, each with the `data-state` values that element can carry. An
 * element carries no `data-state` while it has no state to report (a listed slot with `[]` never carries one).
 * Style with `[data-slot='…'][data-state='…']`; test/smoke/storybook.test.ts fails when the stories render a value
 * that is not listed here, or never render one that is.
 */
export type DataAttributes = { readonly [slot: string]: readonly string[] };

/** The kit's button; `pending` while its action runs. */
export const ButtonDataAttributes = {
  button: ['pending'],
} as const satisfies DataAttributes;

/** A confirmation dialog, with its buttons. */
export const AlertDialogDataAttributes = {
  ...ButtonDataAttributes,
  /** The `<dialog>`. */
  'alert-dialog': ['open', 'closed'],
  /** A failure shown inside the dialog (its confirm button retries). */
  'dialog-error': [],
} as const satisfies DataAttributes;

/** A failure notice with Try again and Dismiss. */
export const ErrorNoticeDataAttributes = {
  ...ButtonDataAttributes,
  error: [],
} as const satisfies DataAttributes;

/** A live region that announces outcomes. */
export const AnnouncerDataAttributes = {
  announcer: [],
} as const satisfies DataAttributes;

/** While Clerk loads (skeleton), and when it failed to load. */
export const NotLoadedDataAttributes = {
  loading: ['loading'],
  skeleton: [],
  'clerk-failed': ['error'],
} as const satisfies DataAttributes;
