import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  createMockClerk,
  device,
  deviceFor,
  type Scenario,
  ScenarioError,
  scenario,
  session,
  user,
} from '../../../src/testing';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Any day: the builders are relative to the clock when they run, whatever it says.
const now = Date.parse('2031-05-04T09:30:00.000Z');

describe('builders', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('user() defaults to Ada Lovelace with an email derived from the name and no image', () => {
    const u = user();
    expect(u).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      username: null,
      email: 'ada.lovelace@example.com',
      imageUrl: '',
      hasImage: false,
    });
    expect(u.id).toMatch(/^user_/);
  });

  test('user() gives every call its own id and derives the email from overridden names', () => {
    expect(user().id).not.toBe(user().id);
    expect(user({ firstName: 'Grace', lastName: 'Hopper' }).email).toBe('grace.hopper@example.com');
    expect(user({ firstName: null, lastName: null }).email).toBe('user@example.com');
  });

  test('user() overrides win, including null email and explicit ids', () => {
    const u = user({ id: 'user_x', email: null, username: 'xx', hasImage: true, imageUrl: 'https://img/x.png' });
    expect(u).toMatchObject({
      id: 'user_x',
      email: null,
      username: 'xx',
      hasImage: true,
      imageUrl: 'https://img/x.png',
    });
  });

  test('session() is active, signed in 2 days ago, last active a minute ago, with 7 days left', () => {
    const s = session();
    expect(s.id).toMatch(/^sess_/);
    expect(s.status).toBe('active');
    expect(s.lastActiveAt.getTime()).toBe(now - MINUTE);
    expect(s.expireAt.getTime()).toBe(now + 7 * DAY);
    expect(s.abandonAt.getTime()).toBe(now + 30 * DAY);
    expect(s.createdAt.getTime()).toBe(now - 2 * DAY);
    expect(s).toMatchObject({ actor: null, organization: null, factorVerificationAge: [5, -1] });
    expect(s.user.firstName).toBe('Ada');
  });

  test('session() overrides win', () => {
    const u = user({ id: 'user_g', firstName: 'Grace' });
    const s = session({ id: 'sess_g', status: 'pending', user: u, actor: { sub: 'user_admin' } });
    expect(s).toMatchObject({ id: 'sess_g', status: 'pending', actor: { sub: 'user_admin' } });
    expect(s.user).toBe(u);
  });

  test('device() is an active desktop Chrome in London, last active an hour ago', () => {
    const d = device();
    expect(d.id).toMatch(/^sess_/);
    expect(d.status).toBe('active');
    expect(d.lastActiveAt.getTime()).toBe(now - 60 * MINUTE);
    expect(d.latestActivity).toEqual({
      browserName: 'Chrome',
      browserVersion: '142.0.0.0',
      deviceType: 'Macintosh',
      ipAddress: '203.0.113.24',
      city: 'London',
      country: 'GB',
      isMobile: false,
    });
    expect(d.actor).toBeNull();
  });

  test('device() overrides replace latestActivity as a whole', () => {
    const d = device({ id: 'sess_phone', latestActivity: { deviceType: 'iPhone', isMobile: true } });
    expect(d.id).toBe('sess_phone');
    expect(d.latestActivity).toEqual({ deviceType: 'iPhone', isMobile: true });
  });

  test('deviceFor() mirrors the session (id, status, times, actor) and merges the activity over Berlin defaults', () => {
    const s = session({ status: 'pending', actor: { sub: 'user_support' } });
    const d = deviceFor(s, { browserName: 'Firefox' });
    expect(d).toMatchObject({
      id: s.id,
      status: 'pending',
      lastActiveAt: s.lastActiveAt,
      expireAt: s.expireAt,
      abandonAt: s.abandonAt,
      actor: { sub: 'user_support' },
    });
    expect(d.latestActivity).toMatchObject({
      browserName: 'Firefox',
      deviceType: 'Macintosh',
      city: 'Berlin',
      country: 'DE',
      ipAddress: '198.51.100.7',
    });
  });

  test('scenario() with no input is signed out and loads immediately', () => {
    expect(scenario()).toEqual({ sessions: [], currentSessionId: null, load: 'immediate', at: new Date(now) });
  });

  test('scenario() makes the first ACTIVE session current when none is named', () => {
    const pending = session({ status: 'pending' });
    const active = session();
    expect(scenario({ sessions: [pending, active] }).currentSessionId).toBe(active.id);
  });

  test('scenario() keeps an explicit current session, load and devices', () => {
    const a = session();
    const b = session();
    const s = scenario({ sessions: [a, b], currentSessionId: b.id, load: 'never', devices: [deviceFor(b)] });
    expect(s.currentSessionId).toBe(b.id);
    expect(s.load).toBe('never');
    expect(s.devices?.map((d) => d.id)).toEqual([b.id]);
  });

  test('scenario() with only ended sessions and no current one is signed out', () => {
    expect(scenario({ sessions: [session({ status: 'ended' })] }).currentSessionId).toBeNull();
  });
});

describe('bad input throws a ScenarioError naming the problem', () => {
  const a = session({ id: 'sess_a' });
  const b = session({ id: 'sess_b' });
  const cases: [string, () => Partial<Scenario>, RegExp][] = [
    ['current session not in the list', () => ({ sessions: [a], currentSessionId: 'sess_zz' }), /"sess_zz" is not in/],
    ['duplicate session ids', () => ({ sessions: [a, { ...b, id: 'sess_a' }] }), /Duplicate session id "sess_a"/],
    [
      'duplicate device ids',
      () => ({ sessions: [a], devices: [deviceFor(a), device({ id: 'sess_a' })] }),
      /Duplicate device session id "sess_a"/,
    ],
    [
      'a device list without the current session',
      () => ({ sessions: [a], devices: [device({ id: 'sess_other' })] }),
      /does not contain the current session "sess_a"/,
    ],
    [
      'devices while signed out',
      () => ({ sessions: [], currentSessionId: null, devices: [device()] }),
      /nobody is signed in/,
    ],
    [
      'an ended current session',
      () => ({ sessions: [session({ id: 'sess_e', status: 'ended' })], currentSessionId: 'sess_e' }),
      /"sess_e" has status "ended"/,
    ],
  ];

  test.each(cases)('scenario(): %s', (_name, input, message) => {
    expect(() => scenario(input())).toThrow(ScenarioError);
    expect(() => scenario(input())).toThrow(message);
  });

  test.each(cases)('createMockClerk(): %s', (_name, input, message) => {
    // Hand-built data skips scenario(); createMockClerk must still refuse it.
    const raw = { sessions: [], currentSessionId: a.id, load: 'immediate', ...input() } as Scenario;
    const error = (() => {
      try {
        createMockClerk(raw);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).name).toBe('ScenarioError');
    expect((error as Error).message).toMatch(message);
  });

  test('the error lists the ids it has when the current session is missing', () => {
    expect(() => scenario({ sessions: [a, b], currentSessionId: 'sess_x' })).toThrow('(ids: sess_a, sess_b)');
    expect(() => scenario({ sessions: [], currentSessionId: 'sess_x' })).toThrow('(ids: none)');
  });
});
