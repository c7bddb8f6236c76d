import { createContext } from 'react';

/**
 * `true` inside a component that announces its parts' outcomes in its own `Announcer` (ActiveDevices, its rows'
 * sign-outs): the parts then render no live region of their own, so a list has one, not one per row. In a module
 * of its own: the context is created at import, so only the components that use it pay for it.
 */
export const OutcomesAnnounced = createContext(false);
