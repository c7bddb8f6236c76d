import { getResponse } from 'msw';
import { createRoot } from 'react-dom/client';
import { IdleTimeoutDialog, SessionKitProvider } from '../../../src';
import { useSession } from '../../../src/clerk';
import { clerkHandlers, createTestClock, MockClerkProvider, SCENARIO_NOW, scenarios } from '../../../src/testing';

/*
 * One tab of an app for idleTabs.test.ts: the mock Clerk (its Frontend API answered in the page by the kit's own
 * handlers, no service worker) and IdleTimeoutDialog (one minute, then a 20-second warning) on a frozen clock
 * the test steps through `window.idleClock`, the same amount in every tab.
 */
const clock = createTestClock(SCENARIO_NOW);
(window as unknown as { idleClock: typeof clock }).idleClock = clock;

const answerLocally: typeof fetch = async (input, init) =>
  (await getResponse(clerkHandlers, new Request(input, init))) ?? new Response(null, { status: 404 });

function Status() {
  const { session } = useSession();
  return <p data-testid="status">{session ? `signed in as ${session.id}` : 'signed out'}</p>;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <MockClerkProvider scenario={scenarios.oneAccount()} fetch={answerLocally}>
      <SessionKitProvider clock={clock}>
        <Status />
        <label>
          Notes <input />
        </label>
        <IdleTimeoutDialog timeout={60_000} warningFor={20_000} channel="idle-tabs-test" />
      </SessionKitProvider>
    </MockClerkProvider>,
  );
}
