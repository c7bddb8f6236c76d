import type { SetupWorker } from 'msw/browser';
import { type ClerkEndpoint, type ClerkGate, clerkGate } from '../src/testing';

/**
 * A story loader: for each run of the story, a fresh {@link clerkGate} per name, put in front of the story's MSW
 * handlers and handed to the play function as `loaded[name]`. Nothing is shared between stories or runs, so
 * nothing needs resetting.
 *
 * ```ts
 * loaders: [withClerkGates({ touches: 'session.touch' })],
 * play: async ({ loaded }) => { const touches: ClerkGate = loaded.touches; … }
 * ```
 */
export function withClerkGates(
  gates: Record<string, ClerkEndpoint | readonly ClerkEndpoint[]>,
): (context: { msw: Pick<SetupWorker, 'use'> }) => Record<string, ClerkGate> {
  return ({ msw }) => {
    const created: Record<string, ClerkGate> = {};
    for (const [name, endpoints] of Object.entries(gates)) created[name] = clerkGate(endpoints);
    msw.use(...Object.values(created).flatMap((gate) => gate.handlers));
    return created;
  };
}
