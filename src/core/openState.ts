/** The `data-state` of anything that opens and closes (a dialog, a popover and its trigger): `open` | `closed`. */
export type OpenState = 'open' | 'closed';

/** `data-state` for an element that is open or closed. */
export function openState(open: boolean): OpenState {
  return open ? 'open' : 'closed';
}
