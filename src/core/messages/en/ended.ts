import type { Messages } from '../types';

/** English strings of the notice that says why this tab was signed out (`SessionEndedNotice`). */
export const enEnded: Messages['ended'] = {
  title: 'You have been signed out',
  reason: {
    'other-tab': 'You signed out in another tab or window of this browser.',
    revoked: 'This device was signed out from another device.',
    expired: 'Your session reached its maximum lifetime.',
    inactivity: 'You were signed out after a period of inactivity.',
  },
  signInAgain: 'Sign in again',
};
