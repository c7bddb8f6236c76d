/**
 * A polite live region that is always in the page, so screen readers announce the text put into it
 * (a live region inserted together with its text is often not announced).
 */
export function Announcer({ message }: { message: string }) {
  return (
    <p role="status" data-slot="announcer" className="csk:sr-only">
      {message}
    </p>
  );
}
