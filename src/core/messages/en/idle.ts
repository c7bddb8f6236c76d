import type { Messages } from '../types';

/** English strings of the inactivity warning (`IdleTimeoutDialog`). */
export const enIdle: Messages['idle'] = {
  title: 'Are you still there?',
  body: (time) => `You have been inactive for a while. For your security you will be signed out in ${time}.`,
  stay: 'Stay signed in',
  signOutNow: 'Sign out now',
  secondsLeft: (seconds) => `${seconds} seconds left before you are signed out.`,
  failed: 'Could not sign you out.',
};
