/**
 * Whether keyboard focus is nowhere: on the body, or on an element a re-render just removed. Components move focus
 * after an action only then, so they never take it from wherever the user has gone meanwhile.
 */
export function focusLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return !active || active === doc.body || !active.isConnected;
}
