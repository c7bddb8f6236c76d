import '../../src/styles/kit.css';
import { createRoot, type Root } from 'react-dom/client';
import { ActiveDevices } from '../../src/components/ActiveDevices';
import { SessionSwitcher } from '../../src/components/SessionSwitcher';
import { device, deviceFor, type MockClerk, MockClerkProvider, scenario, session, user } from '../../src/testing';

declare global {
  interface Window {
    __rowRenders: { reset(): void; snapshot(): Map<Element, number> };
    __bench: Promise<Record<string, number>>;
  }
}

const N = 100;
const MOUNT_RUNS = 7;

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

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
async function until(check: () => boolean) {
  while (!check()) await nextFrame();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function mountTime(make: () => React.ReactNode): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < MOUNT_RUNS; run += 1) {
    const host = document.createElement('div');
    document.body.append(host);
    const root: Root = createRoot(host);
    const start = performance.now();
    root.render(make());
    await until(() => host.querySelectorAll('[data-slot="row"]').length === N);
    times.push(performance.now() - start);
    root.unmount();
    host.remove();
  }
  return median(times);
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
  results['SessionSwitcher mount, 100 accounts (ms, median of 7)'] = await mountTime(() => (
    <MockClerkProvider scenario={manyAccounts()} fetch={inProcessFapi(/$^/)}>
      <SessionSwitcher variant="inline" />
    </MockClerkProvider>
  ));
  results['ActiveDevices mount, 100 devices (ms, median of 7)'] = await mountTime(() => (
    <MockClerkProvider scenario={manyDevices()} fetch={inProcessFapi(/$^/)}>
      <ActiveDevices />
    </MockClerkProvider>
  ));

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
