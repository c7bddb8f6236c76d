import { describe, expect, it } from 'vitest';
import { scenarioFromCookies, scenarios } from '../../../src/testing';

/** An unsigned token carrying `claims`: the browser reads the payload only (the server verified the signature). */
const token = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') +
  '.signature';

describe('scenarioFromCookies: the mock starts where the server left it', () => {
  const many = scenarios.manyAccounts();

  it('a browser the app never saw (no __client_uat) gets the scenario as written', () => {
    expect(scenarioFromCookies(many, '')).toBe(many);
    expect(scenarioFromCookies(many, '__clerk_db_jwt=dvb_x')).toBe(many);
  });

  it('signed out on the server (__client_uat=0): no accounts in this browser', () => {
    const out = scenarioFromCookies(many, '__clerk_db_jwt=x; __client_uat=0');
    expect([out.sessions, out.currentSessionId, out.devices]).toEqual([[], null, undefined]);
  });

  it("the server's session becomes current, with its fva (a re-verification survives a reload)", () => {
    const cookies = `__client_uat=1700000000; __session=${token({ sub: 'user_grace', sid: 'sess_grace', fva: [0, -1] })}`;
    const restored = scenarioFromCookies(many, cookies);
    expect(restored.currentSessionId).toBe('sess_grace');
    expect(restored.sessions.find((s) => s.id === 'sess_grace')?.factorVerificationAge).toEqual([0, -1]);
    expect(restored.sessions.map((s) => s.id)).toEqual(many.sessions.map((s) => s.id));
  });

  it("a session the scenario does not have, or one that is not signed in, leaves the scenario's own", () => {
    const unknown = `__client_uat=1; __session=${token({ sub: 'user_x', sid: 'sess_x' })}`;
    expect(scenarioFromCookies(many, unknown)).toBe(many);
    const ended = `__client_uat=1; __session=${token({ sub: 'user_edsger', sid: 'sess_edsger' })}`;
    expect(scenarioFromCookies(many, ended)).toBe(many);
  });

  it("devices stay only when they list the restored session (they are the current user's)", () => {
    const devices = scenarios.otherDevices();
    const same = `__client_uat=1; __session=${token({ sub: 'user_ada', sid: 'sess_ada' })}`;
    expect(scenarioFromCookies(devices, same).devices).toEqual(devices.devices);
  });
});
