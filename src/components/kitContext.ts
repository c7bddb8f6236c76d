import { createContext, useContext } from 'react';
import { type Clock, systemClock } from '../core/clock';
import type { Messages } from '../core/messages/types';

/** What `SessionKitProvider` puts in context. */
export interface KitContextValue {
  /** The complete catalogue (English merged under partial messages); `null` without a provider. */
  messages: Messages | null;
  now: () => number;
  timeZone: string | undefined;
  /** Clock of the timed components (inactivity, expiry); `now` reads it too unless the provider got its own. */
  clock: Clock;
}

export const KitContext = createContext<KitContextValue>({
  messages: null,
  now: Date.now,
  timeZone: undefined,
  clock: systemClock,
});

/**
 * The kit settings for one component: the provider's catalogue, or `defaults` (the English sections that
 * component renders) without a provider. Taking the defaults from the caller, not from a full `en`, is what keeps
 * a one-component bundle free of every other component's strings.
 */
export function useKitStrings<K extends keyof Messages>(defaults: Pick<Messages, K>) {
  const { messages, now, timeZone, clock } = useContext(KitContext);
  return { messages: messages ?? defaults, now, timeZone, clock };
}
