import type { CommonMessages } from '../types';

/** English strings every component shares: states, session facts, buttons, errors. */
export const enCommon: CommonMessages = {
  locale: 'en',
  dir: 'ltr',
  loading: 'Loading session…',
  signedOut: 'You are signed out.',
  signIn: 'Sign in',
  status: {
    active: 'Active',
    pending: 'Pending',
    ended: 'Ended',
    expired: 'Expired',
    revoked: 'Revoked',
    other: 'Inactive',
  },
  thisDevice: 'This device',
  created: 'Signed in',
  lastActive: 'Last active',
  expires: 'Expires',
  expiringSoon: (relative) => `This session expires ${relative}. Sign in again to keep working.`,
  impersonating: (actor) => `You are signed in as this user by ${actor} (impersonation).`,
  signOut: 'Sign out',
  cancel: 'Cancel',
  retry: 'Try again',
  dismiss: 'Dismiss',
  working: 'Working…',
  unknownUser: 'Unnamed user',
  unknownDevice: 'Unknown device',
  clerkFailed: {
    title: 'Your session could not be loaded.',
    body: 'Clerk, the sign-in service, did not start. A content blocker, a network problem or a Clerk outage can cause this. Check your connection, then reload the page.',
    reload: 'Reload page',
  },
  errors: {
    network: 'Could not reach Clerk. Check your connection and try again.',
    generic: 'Something went wrong. Try again.',
    rateLimited: 'Too many attempts. Wait a moment and try again.',
    notFound: 'This session no longer exists.',
    reverification:
      'Clerk could not confirm it is you, so the session stays signed in. Start again and verify when asked.',
  },
};
