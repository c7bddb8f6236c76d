import type { Messages } from '../types';

/** English strings of the account switcher (`SessionSwitcher`). */
export const enSwitcher: Messages['switcher'] = {
  label: 'Accounts in this browser',
  trigger: (name) => `Account: ${name}. Switch account`,
  switchTo: (name, identifier) => `Switch to ${name} (${identifier})`,
  current: 'Current account',
  pending: 'Needs attention',
  signOutOf: (name) => `Sign out of ${name}`,
  addAccount: 'Add account',
  signOutAll: 'Sign out of all accounts',
  switched: (name) => `Switched to ${name}.`,
  switchFailed: (name) => `Could not switch to ${name}.`,
  signedOutOf: (name) => `Signed out of ${name}.`,
};
