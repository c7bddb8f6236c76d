import type { Messages } from '../types';

/** English strings of signing out one account or device (`RevokeButton`, device rows). */
export const enRevoke: Messages['revoke'] = {
  accountAction: 'Sign out',
  deviceAction: 'Sign out device',
  accountTitle: (name) => `Sign out of ${name}?`,
  deviceTitle: (device) => `Sign out ${device}?`,
  accountBody: 'This account will be removed from this browser. Other accounts stay signed in.',
  deviceBody: 'That device will be signed out at once and must sign in again. This device stays signed in.',
  confirm: 'Sign out',
  currentRefused: 'This is the session you are using now. Use "Sign out" to end it.',
  done: (target) => `${target} was signed out.`,
  failed: (target) => `Could not sign out ${target}.`,
};
