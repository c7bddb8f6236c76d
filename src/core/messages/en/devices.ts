import type { Messages } from '../types';

/** English strings of the list of devices (`ActiveDevices`). */
export const enDevices: Messages['devices'] = {
  title: 'Active devices',
  description: 'Devices signed in to your account.',
  empty: 'No other device is signed in.',
  loadFailed: 'Could not load your devices.',
  ipAddress: 'IP address',
  location: 'Location',
  kind: { desktop: 'Desktop', mobile: 'Mobile', tablet: 'Tablet' },
};
