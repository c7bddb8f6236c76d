import { useCallback, useEffect, useRef, useState } from 'react';

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

/**
 * State for an {@link Announcer}: `announce(text)` clears the region, then sets the text a moment later, so the
 * same sentence twice (two devices with the same name, a second switch to the same account) is announced twice.
 */
export function useAnnouncer() {
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((text: string) => {
    setAnnouncement('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setAnnouncement(text), 50);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { announcement, announce };
}
