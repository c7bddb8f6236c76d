import type { Messages } from '../types';

/** English strings of the notice before the session's lifetime ends (`SessionExpiryNotice`). */
export const enExpiry: Messages['expiry'] = {
  title: 'Your session is ending',
  body: (time) => `Your session ends in ${time}. Sign in again to keep working; you will come back to this page.`,
  signInAgain: 'Sign in again',
};
