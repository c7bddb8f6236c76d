import { useAuth, useClerk, useSession, useSessionList, useUser } from '@clerk/react';
import { act, render } from '@testing-library/react';
import { type MockClerk, type MockClerkOptions, MockClerkProvider, type Scenario } from '../../../src/testing';

/** What the REAL Clerk hooks returned on the latest render of the probe. */
export interface Seen {
  session: ReturnType<typeof useSession>;
  list: ReturnType<typeof useSessionList>;
  user: ReturnType<typeof useUser>;
  auth: ReturnType<typeof useAuth>;
  clerk: ReturnType<typeof useClerk>;
  renders: number;
}

/**
 * Renders a probe that reads every hook the kit relies on under `<MockClerkProvider>` and returns accessors to
 * what the hooks saw last, plus the mock instance for driving operations.
 */
/** Reads every hook the kit relies on and hands the values to `report` on each render. */
function Probe({ report }: { report: (seen: Omit<Seen, 'renders'>) => void }) {
  report({ session: useSession(), list: useSessionList(), user: useUser(), auth: useAuth(), clerk: useClerk() });
  return null;
}

/**
 * Renders a probe that reads every hook the kit relies on under `<MockClerkProvider>` and returns accessors to
 * what the hooks saw last, plus the mock instance for driving operations.
 */
export function renderMock(scenario: Scenario, options: MockClerkOptions = {}) {
  let instance: MockClerk | undefined;
  let seen: Seen | undefined;
  let renders = 0;
  const report = (values: Omit<Seen, 'renders'>) => {
    renders += 1;
    seen = { ...values, renders };
  };
  const view = render(
    <MockClerkProvider
      scenario={scenario}
      {...options}
      onReady={(clerk) => {
        instance = clerk;
      }}
    >
      <Probe report={report} />
    </MockClerkProvider>,
  );
  return {
    view,
    get clerk(): MockClerk {
      if (!instance) throw new Error('MockClerkProvider never called onReady');
      return instance;
    },
    get seen(): Seen {
      if (!seen) throw new Error('the probe never rendered');
      return seen;
    },
    /** Runs an operation inside act() so React commits the re-render it causes before the test looks. */
    async run<T>(operation: (clerk: MockClerk) => Promise<T>): Promise<T> {
      let result: Promise<T> | undefined;
      // React's act() returns a thenable whose then() returns nothing, so await it rather than chain on it.
      await act(async () => {
        result = operation(instance as MockClerk);
        await result.catch(() => undefined);
      });
      return result as Promise<T>;
    },
  };
}

/** The ids of the sessions `useSessionList()` returned, in order. */
export const listedIds = (seen: Seen) => seen.list.sessions?.map((entry) => entry.id) ?? [];

/** Decodes the claims of a (mock, unsigned) session token. */
export function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(base64)) as Record<string, unknown>;
}

/** Captures the rejection of a promise that is expected to fail. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
