import type { Messages } from '../types';

const plural = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

/** English strings of signing out of many sessions at once (`SignOutAllButton`, the switcher's "all accounts"). */
export const enSignOutAll: Messages['signOutAll'] = {
  action: {
    'other-devices': 'Sign out of all other devices',
    'this-browser': 'Sign out of all accounts',
    everywhere: 'Sign out everywhere',
  },
  title: {
    'other-devices': (count) => `Sign out of ${plural(count, 'other device', 'other devices')}?`,
    'this-browser': (count) => `Sign out of ${plural(count, 'account', 'accounts')} in this browser?`,
    everywhere: (devices, accounts) =>
      `Sign out of ${plural(devices, 'other device', 'other devices')} and ${plural(accounts, 'account', 'accounts')} here?`,
  },
  body: {
    'other-devices': 'Every other device signed in to your account must sign in again. This device stays signed in.',
    'this-browser': 'Every account in this browser is signed out. Your other devices stay signed in.',
    everywhere: 'Your other devices are signed out first, then every account in this browser.',
  },
  confirm: 'Sign out',
  nothingToDo: {
    'other-devices': 'No other device is signed in.',
    'this-browser': 'No account is signed in in this browser.',
    everywhere: 'Nothing is signed in.',
  },
  done: (count) => `Signed out of ${plural(count, 'session', 'sessions')}.`,
  partial: (failed, total) => `${failed} of ${total} could not be signed out. They are still listed; try again.`,
};
