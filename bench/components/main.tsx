import '../../src/styles/kit.css';
import { createRoot, type Root } from 'react-dom/client';
import { ActiveDevices } from '../../src/components/ActiveDevices';
import { SessionSwitcher } from '../../src/components/SessionSwitcher';
import { useActiveDevices, useSessionSwitcher } from '../../src/headless';
import { device, deviceFor, type MockClerk, MockClerkProvider, scenario, session, user } from '../../src/testing';

declare global {
  interface Window {
    __rowRenders: { reset(): void; snapshot(): Map<Element, number> };
    __bench: Promise<Record<string, number>>;
  }
}

const N = 100;
const MOUNT_RUNS = 15;

/** Answers every Frontend API call at once, except the ones in `hang`, which never answer (a pending row). */
function inProcessFapi(hang: RegExp): typeof fetch {
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (hang.test(url)) return new Promise<Response>(() => undefined);
    return Response.json(url.includes('/me/sessions/active') ? [] : { response: null, client: null });
  };
}

function manyAccounts() {
  const sessions = Array.from({ length: N }, (_, i) =>
    session({
      id: `sess_${i}`,
      user: user({ firstName: `User${i}`, lastName: 'Example' }),
      lastActiveAt: new Date(Date.UTC(2026, 10, 26, 12) - i * 60_000),
    }),
  );
  return scenario({ sessions, currentSessionId: 'sess_0' });
}

function manyDevices() {
  const current = session({ id: 'sess_0', user: user() });
  const others = Array.from({ length: N - 1 }, (_, i) => device({ id: `sess_d${i}` }));
  return scenario({ sessions: [current], devices: [deviceFor(current), ...others] });
}

/**
 * The floor: the plainest list a browser can mount for the same rows, `ul > li > button` with the text a row
 * shows, from data already in memory (no Clerk, no state, no styles beyond the page's).
 */
function PlainList({ rows }: { rows: { id: string; label: string }[] }) {
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.id} data-slot="row">
          <button type="button">{row.label}</button>
        </li>
      ))}
    </ul>
  );
}
const accountRows = Array.from({ length: N }, (_, i) => ({
  id: `sess_${i}`,
  label: `User${i} Example, user${i}@example.com`,
}));
const deviceRows = Array.from({ length: N }, (_, i) => ({
  id: `sess_d${i}`,
  label: `Chrome 131 on macOS, Berlin, DE, 203.0.113.${i}`,
}));

/** The same plain list fed by the kit's headless hook under the mock Clerk: what Clerk + the hook add. */
function HeadlessAccounts() {
  const { accounts } = useSessionSwitcher();
  return (
    <PlainList
      rows={accounts.map((account) => ({ id: account.id, label: `${account.name}, ${account.identifier}` }))}
    />
  );
}
function HeadlessDevices() {
  const { devices } = useActiveDevices();
  return (
    <PlainList
      rows={devices.map((device) => ({
        id: device.id,
        label: `${device.browser} on ${device.os}, ${device.location}, ${device.ipAddress}`,
      }))}
    />
  );
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
async function until(check: () => boolean) {
  while (!check()) await nextFrame();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Resolves once `host` holds N rows: checked on every DOM mutation, so the time is not rounded to frames. */
function rowsIn(host: Element): Promise<void> {
  const full = () => host.querySelectorAll('[data-slot="row"]').length === N;
  return new Promise((resolve) => {
    if (full()) return resolve();
    const observer = new MutationObserver(() => {
      if (!full()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(host, { childList: true, subtree: true });
  });
}

/** ms from `render()` until the N rows are in the DOM and laid out (style + layout forced, no paint). */
async function mountOnce(make: () => React.ReactNode): Promise<number> {
  const host = document.createElement('div');
  document.body.append(host);
  const root: Root = createRoot(host);
  const start = performance.now();
  root.render(make());
  await rowsIn(host);
  void host.offsetHeight;
  const ms = performance.now() - start;
  root.unmount();
  host.remove();
  await nextFrame();
  return ms;
}

/**
 * Median mount time of each list, mounted in turns (a, b, c, a, b, c, ...) so that a busy machine slows all of
 * them alike and their ratios hold even when the absolute times do not.
 */
async function mountTimes(makers: (() => React.ReactNode)[]): Promise<number[]> {
  const times = makers.map(() => [] as number[]);
  for (let run = 0; run < MOUNT_RUNS; run += 1) {
    for (const [i, make] of makers.entries()) times[i]?.push(await mountOnce(make));
  }
  return times.map(median);
}

/** Mounts once and returns the mock, for the re-render measurements. */
async function mounted(make: (onReady: (clerk: MockClerk) => void) => React.ReactNode) {
  const host = document.createElement('div');
  document.body.append(host);
  let clerk: MockClerk | null = null;
  createRoot(host).render(make((instance) => (clerk = instance)));
  await until(() => host.querySelectorAll('[data-slot="row"]').length === N);
  if (!clerk) throw new Error('mock not ready');
  return { host, clerk: clerk as MockClerk };
}

/** Re-renders of rows other than `except` while `act` runs and settles. */
async function otherRowRenders(host: Element, act: () => void | Promise<void>, except?: Element) {
  await nextFrame();
  window.__rowRenders.reset();
  await act();
  for (let i = 0; i < 5; i += 1) await nextFrame();
  let total = 0;
  for (const [row, count] of window.__rowRenders.snapshot()) if (row !== except && host.contains(row)) total += count;
  return total;
}

async function run() {
  const results: Record<string, number> = {};
  const median_ = `ms, median of ${MOUNT_RUNS}`;
  const compare = async (rows: string, floor: () => React.ReactNode, lists: [string, () => React.ReactNode][]) => {
    const [floorMs = Number.NaN, ...ms] = await mountTimes([floor, ...lists.map(([, make]) => make)]);
    results[`floor: plain ul > li > button, ${rows} (${median_})`] = floorMs;
    for (const [i, [label]] of lists.entries()) {
      results[`${label} (${median_})`] = ms[i] ?? Number.NaN;
      results[`${label}: ratio to the floor`] = (ms[i] ?? Number.NaN) / floorMs;
    }
  };
  // Warm-up: the first mounts pay for compiling the code paths, whichever list they show.
  for (let i = 0; i < 3; i += 1) await mountOnce(() => <PlainList rows={accountRows} />);

  await compare('100 accounts', () => <PlainList rows={accountRows} />, [
    [
      'headless: the same plain list from useSessionSwitcher, mock Clerk',
      () => (
        <MockClerkProvider scenario={manyAccounts()} fetch={inProcessFapi(/$^/)}>
          <HeadlessAccounts />
        </MockClerkProvider>
      ),
    ],
    [
      'SessionSwitcher mount, 100 accounts',
      () => (
        <MockClerkProvider scenario={manyAccounts()} fetch={inProcessFapi(/$^/)}>
          <SessionSwitcher variant="inline" />
        </MockClerkProvider>
      ),
    ],
  ]);
  await compare('100 devices', () => <PlainList rows={deviceRows} />, [
    [
      'headless: the same plain list from useActiveDevices, mock Clerk',
      () => (
        <MockClerkProvider scenario={manyDevices()} fetch={inProcessFapi(/$^/)}>
          <HeadlessDevices />
        </MockClerkProvider>
      ),
    ],
    [
      'ActiveDevices mount, 100 devices',
      () => (
        <MockClerkProvider scenario={manyDevices()} fetch={inProcessFapi(/$^/)}>
          <ActiveDevices />
        </MockClerkProvider>
      ),
    ],
  ]);

  const switcher = await mounted((onReady) => (
    <MockClerkProvider scenario={manyAccounts()} fetch={inProcessFapi(/\/remove/)} onReady={onReady}>
      <SessionSwitcher variant="inline" />
    </MockClerkProvider>
  ));
  const row50 = switcher.host.querySelectorAll('[data-slot="row"]')[50] as HTMLElement;
  results['SessionSwitcher: other rows re-rendered when one row goes pending'] = await otherRowRenders(
    switcher.host,
    () => {
      (row50.querySelector('[data-slot="sign-out"]') as HTMLElement).click();
    },
    row50,
  );
  results['SessionSwitcher: rows re-rendered on an unrelated Clerk emit (token refresh)'] = await otherRowRenders(
    switcher.host,
    () => switcher.clerk.mock.emitUnchanged(),
  );

  const devices = await mounted((onReady) => (
    <MockClerkProvider scenario={manyDevices()} fetch={inProcessFapi(/\/revoke/)} onReady={onReady}>
      <ActiveDevices />
    </MockClerkProvider>
  ));
  const device50 = devices.host.querySelectorAll('[data-slot="row"]')[50] as HTMLElement;
  results['ActiveDevices: other rows re-rendered when one row goes pending'] = await otherRowRenders(
    devices.host,
    async () => {
      (device50.querySelector('button') as HTMLElement).click();
      await nextFrame();
      const confirm = [...document.querySelectorAll('dialog[open] button')].find((b) => b.textContent === 'Sign out');
      (confirm as HTMLElement).click();
    },
    device50,
  );
  results['ActiveDevices: rows re-rendered on an unrelated Clerk emit (token refresh)'] = await otherRowRenders(
    devices.host,
    () => devices.clerk.mock.emitUnchanged(),
  );
  return results;
}

window.__bench = run();
