/**
 * A logger that writes at most once per `intervalMs`: a store that is down fails on every request, and one line
 * a minute says as much as thousands. Returns whether this call was written.
 * @internal
 */
export function throttledLog(
  intervalMs: number,
  log: (message: string, error: unknown) => void,
): (message: string, error: unknown) => boolean {
  let lastLogged = Number.NEGATIVE_INFINITY;
  return (message, error) => {
    const now = Date.now();
    if (now - lastLogged < intervalMs) return false;
    lastLogged = now;
    log(message, error);
    return true;
  };
}
