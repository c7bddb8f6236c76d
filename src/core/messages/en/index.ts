import type { Messages } from '../types';
import { enCommon } from './common';
import { enDevices } from './devices';
import { enEnded } from './ended';
import { enExpiry } from './expiry';
import { enIdle } from './idle';
import { enRevoke } from './revoke';
import { enSignOutAll } from './signOutAll';
import { enSwitcher } from './switcher';

/**
 * English, the default catalogue. Components import only the sections they render (see `useKitStrings`), so a
 * bundle with one component carries only that component's English.
 */
export const en: Messages = {
  ...enCommon,
  switcher: enSwitcher,
  revoke: enRevoke,
  signOutAll: enSignOutAll,
  devices: enDevices,
  idle: enIdle,
  expiry: enExpiry,
  ended: enEnded,
};
