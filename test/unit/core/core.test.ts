import { ClerkOfflineError, ClerkRuntimeError } from '@clerk/shared/error';
import { describe, expect, it } from 'vitest';
import { ClerkAPIResponseError } from '../../../src/clerk';
import { errorText } from '../../../src/components/parts/ErrorNotice';
import { toActionError } from '../../../src/core/action';
import { describeDevice, maskIpAddress } from '../../../src/core/device';
import { deepEqual } from '../../../src/core/equal';
import { enCommon } from '../../../src/core/messages/en/common';
import { currentFirst } from '../../../src/core/sort';
import { formatRelative, isExpiringSoon } from '../../../src/core/time';
import { initialsOf } from '../../../src/headless/summaries';

const NOW = Date.parse('2026-11-26T12:00:00Z');

describe('time', () => {
  it('formats relative times in the locale', () => {
    expect(formatRelative(new Date(NOW - 5 * 60_000), NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelative(new Date(NOW + 2 * 86_400_000), NOW, 'de')).toBe('übermorgen');
    expect(formatRelative(new Date(NOW - 10_000), NOW, 'en')).toBe('now');
  });
  it('flags expiry inside the window only', () => {
    expect(isExpiringSoon(new Date(NOW + 3_600_000), NOW)).toBe(true);
    expect(isExpiringSoon(new Date(NOW + 3 * 86_400_000), NOW)).toBe(false);
    expect(isExpiringSoon(new Date(NOW - 1), NOW)).toBe(false);
  });
});

describe('device', () => {
  it('labels what Clerk reported and invents nothing', () => {
    expect(
      describeDevice({
        browserName: 'Safari',
        browserVersion: '19.1.2',
        deviceType: 'iPhone',
        isMobile: true,
        city: 'Paris',
        country: 'FR',
      }),
    ).toEqual({
      kind: 'mobile',
      deviceType: 'iPhone',
      browser: 'Safari 19',
      os: 'iOS',
      location: 'Paris, FR',
      ipAddress: null,
    });
    expect(describeDevice({})).toMatchObject({ kind: 'unknown', browser: null, os: null, location: null });
    expect(describeDevice({ deviceType: 'iPad' }).kind).toBe('tablet');
  });
  it('masks the host part of IP addresses', () => {
    expect(maskIpAddress('203.0.113.24')).toBe('203.0.113.•••');
    expect(maskIpAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3:••••');
  });
  it('never shows a short (compressed) IPv6 address whole', () => {
    // `::` stands for zero groups: expanded first, so only the first 3 of the 8 groups remain.
    expect(maskIpAddress('2001::1')).toBe('2001:0:0:••••');
    expect(maskIpAddress('2001:db8::8a2e:370:7348')).toBe('2001:db8:0:••••');
    expect(maskIpAddress('::1')).toBe('0:0:0:••••');
    expect(maskIpAddress('fe80::1%eth0')).toBe('fe80:0:0:••••');
    expect(maskIpAddress('::ffff:203.0.113.24')).toBe('::ffff:203.0.113.•••');
    expect(maskIpAddress('2001:db8:1:2:3:4:203.0.113.24')).toBe('2001:db8:1:••••');
    for (const ip of ['2001::1', '2001:db8::7348', '1::2', '::1', 'fe80::1%eth0', '::ffff:203.0.113.24']) {
      const masked = maskIpAddress(ip);
      expect(masked).toContain('•');
      expect(masked.replace(/[:.•]/g, '')).not.toContain(ip.split('%')[0]?.replace(/[:.]/g, ''));
    }
    expect(maskIpAddress('1::2::3')).toBe('•••');
  });
});

describe('sort and equality', () => {
  it('puts the current entry first, then the most recent', () => {
    const items = [
      { id: 'a', lastActiveAt: new Date(1) },
      { id: 'b', lastActiveAt: new Date(3) },
      { id: 'c', lastActiveAt: new Date(2) },
    ];
    expect(currentFirst(items, 'a').map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
  it('compares dates by time and objects by value', () => {
    expect(deepEqual({ at: new Date(5), list: [1, { x: 'y' }] }, { at: new Date(5), list: [1, { x: 'y' }] })).toBe(
      true,
    );
    expect(deepEqual({ at: new Date(5) }, { at: new Date(6) })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
  it('builds initials from names, else the identifier', () => {
    expect(initialsOf('Ada Lovelace', null)).toBe('AL');
    expect(initialsOf(null, 'grace@navy.example')).toBe('GE');
    expect(initialsOf(null, null)).toBe('?');
  });
});

describe('action errors', () => {
  it('normalises Clerk API errors, keeping the code and whether a retry can help', () => {
    const error = new ClerkAPIResponseError('nope', {
      data: [{ code: 'resource_not_found', message: 'not found', long_message: 'Session not found' }],
      status: 404,
    });
    expect(toActionError(error)).toMatchObject({
      code: 'resource_not_found',
      status: 404,
      message: 'Session not found',
      retryable: false,
    });
    expect(toActionError(new TypeError('Failed to fetch'))).toMatchObject({ code: 'network_error', retryable: true });
    expect(toActionError({ status: 503, errors: [] })).toMatchObject({ retryable: true });
  });
  it('calls only a failed request a network error ("Could not reach Clerk"), not any TypeError', () => {
    const network = { code: 'network_error', retryable: true };
    for (const wording of [
      'Failed to fetch',
      'NetworkError when attempting to fetch resource.',
      'Load failed',
      'fetch failed',
      'Network request failed',
    ]) {
      expect(toActionError(new TypeError(wording))).toMatchObject(network);
    }
    // What clerk-js 6 throws when a Frontend API request gets no answer (see test/fidelity), online and offline.
    const clerkJs = new Error(
      'ClerkJS: Network error at "https://x.clerk.accounts.dev/v1/client/sessions/sess_1/remove" - TypeError: Failed to fetch. Please try again.',
    );
    expect(toActionError(clerkJs)).toMatchObject(network);
    expect(
      toActionError(new ClerkRuntimeError('Network request failed while offline', { code: 'network_error' })),
    ).toMatchObject(network);
    expect(toActionError(new ClerkOfflineError('Network request failed while offline.'))).toMatchObject(network);
    expect(errorText(toActionError(new TypeError('Failed to fetch')), enCommon)).toBe(enCommon.errors.network);

    // A bug is not a connection problem, and trying again would only repeat it.
    const bug = toActionError(new TypeError("Cannot read properties of undefined (reading 'revoke')"));
    expect(bug).toMatchObject({ code: 'unknown', retryable: false });
    expect(errorText(bug, enCommon)).toBe(enCommon.errors.generic);
    expect(toActionError(new Error('Session sess_1 is no longer in this browser.'))).toMatchObject({
      code: 'unknown',
      retryable: false,
    });
  });
});
