import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcementStep, formatCountdown, idlePhase, validateIdleDurations } from '../../../src/core/idleClock';
import { openTabChannel } from '../../../src/headless/tabChannel';

const durations = { timeout: 5 * 60_000, warningFor: 60_000 };

describe('the inactivity rule', () => {
  it('is active until `timeout`, warns for `warningFor`, then times out, from timestamps alone', () => {
    expect(idlePhase(0, 5 * 60_000 - 1, durations)).toEqual({ phase: 'active', secondsLeft: 61 });
    expect(idlePhase(0, 5 * 60_000, durations)).toEqual({ phase: 'warning', secondsLeft: 60 });
    expect(idlePhase(0, 6 * 60_000 - 1, durations)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(idlePhase(0, 6 * 60_000, durations)).toEqual({ phase: 'timed-out', secondsLeft: 0 });
    // A tab asleep for an hour is simply timed out when it looks.
    expect(idlePhase(0, 60 * 60_000, durations).phase).toBe('timed-out');
  });

  it('refuses a warning under 20 seconds (WCAG 2.2.1) and a non-positive timeout, naming the option', () => {
    expect(() => validateIdleDurations({ timeout: 60_000, warningFor: 19_999 })).toThrow(/`warningFor`.*20000/);
    expect(() => validateIdleDurations({ timeout: 0, warningFor: 60_000 })).toThrow(/`timeout`/);
    expect(() => validateIdleDurations({ timeout: 60_000, warningFor: 20_000 })).not.toThrow();
  });

  it('announces at 60, 30 and 10 seconds only: the step changes there and nowhere else', () => {
    const changes: number[] = [];
    let last = announcementStep(90);
    for (let seconds = 89; seconds >= 0; seconds -= 1) {
      const step = announcementStep(seconds);
      if (step !== last) changes.push(seconds);
      last = step;
    }
    expect(changes).toEqual([60, 30, 10]);
  });

  it('formats the countdown as m:ss', () => {
    expect(formatCountdown(65, 'en')).toBe('1:05');
    expect(formatCountdown(9, 'de')).toBe('0:09');
  });
});

describe('the tab channel without BroadcastChannel (storage-event fallback)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('writes only a kind and a timestamp, and reads what another tab wrote; ignores anything else', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const heard: unknown[] = [];
    const channel = openTabChannel('idle-test', (signal) => heard.push(signal));
    channel.post({ type: 'activity', at: 42 });
    const written = JSON.parse(localStorage.getItem('idle-test') ?? '{}');
    expect(Object.keys(written).sort()).toEqual(['at', 'nonce', 'type']);
    // The browser fires `storage` in the OTHER tabs; here it is dispatched as that tab would receive it.
    const fromOtherTab = (newValue: string, key = 'idle-test') =>
      window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
    fromOtherTab(JSON.stringify({ type: 'stay', at: 7, nonce: 1 }));
    fromOtherTab(JSON.stringify({ type: 'stay', at: 8 }), 'another-key');
    fromOtherTab('not json');
    fromOtherTab(JSON.stringify({ type: 'steal-cookies', at: 9 }));
    channel.close();
    fromOtherTab(JSON.stringify({ type: 'stay', at: 10 }));
    expect(heard).toEqual([{ type: 'stay', at: 7 }]);
  });
});
