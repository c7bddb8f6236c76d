/**
 * What tabs of one app tell each other about inactivity. Only a kind and a timestamp: no user, session or
 * page data ever goes on the channel (another origin cannot read it, but extensions and devtools can).
 */
export interface IdleSignal {
  /** `activity`: someone used the app; `stay`: "Stay signed in"; `sign-out`: "Sign out now"; `timed-out`: zero. */
  type: 'activity' | 'stay' | 'sign-out' | 'timed-out';
  /** When it happened, in the sender's clock (ms since the epoch). */
  at: number;
}

/** A channel between the tabs of one origin. */
export interface TabChannel {
  post(signal: IdleSignal): void;
  close(): void;
}

const TYPES = new Set<string>(['activity', 'stay', 'sign-out', 'timed-out']);

/** Reads a signal from the channel, ignoring anything that is not one (another script may share the name). */
function parseSignal(data: unknown): IdleSignal | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, at } = data as Record<string, unknown>;
  return typeof type === 'string' && TYPES.has(type) && typeof at === 'number'
    ? { type: type as IdleSignal['type'], at }
    : null;
}

/**
 * Opens channel `name` to the other tabs of this origin: a `BroadcastChannel`, or where there is none (older
 * Safari, some embedded web views) a `localStorage` key whose `storage` events reach the other tabs. A tab never
 * receives its own signals.
 */
export function openTabChannel(name: string, onSignal: (signal: IdleSignal) => void): TabChannel {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(name);
    channel.onmessage = (event: MessageEvent) => {
      const signal = parseSignal(event.data);
      if (signal) onSignal(signal);
    };
    return { post: (signal) => channel.postMessage(signal), close: () => channel.close() };
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== name || !event.newValue) return;
    try {
      const signal = parseSignal(JSON.parse(event.newValue));
      if (signal) onSignal(signal);
    } catch {
      // Not ours: another script wrote the key.
    }
  };
  window.addEventListener('storage', onStorage);
  return {
    // A nonce makes two equal signals two writes: `storage` fires only when the value changes.
    post: (signal) => {
      try {
        localStorage.setItem(name, JSON.stringify({ ...signal, nonce: Math.random() }));
      } catch {
        // Storage full or denied (private mode): this tab stays on its own.
      }
    },
    close: () => window.removeEventListener('storage', onStorage),
  };
}
