import { useCallback, useRef, useState } from 'react';
import { type ActionError, type ActionStatus, toActionError } from '../core/action';

/** The state of one action on one target; see {@link useActionStates}. */
export interface ActionState<Kind extends string = string> {
  status: ActionStatus;
  /** Which action ran last (e.g. `'switch'` or `'sign-out'`). */
  kind: Kind | null;
  error: ActionError | null;
}

const IDLE: ActionState<never> = { status: 'idle', kind: null, error: null };

/**
 * Per-target action states with single flight: while a target's action is pending, starting another on it is
 * ignored, so a double click sends one request. Nothing is assumed done until the task resolves.
 */
export function useActionStates<Kind extends string>() {
  const [states, setStates] = useState<ReadonlyMap<string, ActionState<Kind>>>(new Map());
  const inFlight = useRef(new Set<string>());

  const set = useCallback((key: string, state: ActionState<Kind> | null) => {
    setStates((previous) => {
      const next = new Map(previous);
      if (state) next.set(key, state);
      else next.delete(key);
      return next;
    });
  }, []);

  /** Runs `task` for `key` unless one is already running; resolves `true` when it succeeded. */
  const run = useCallback(
    async (key: string, kind: Kind, task: () => Promise<unknown>): Promise<boolean> => {
      if (inFlight.current.has(key)) return false;
      inFlight.current.add(key);
      set(key, { status: 'pending', kind, error: null });
      try {
        await task();
        set(key, { status: 'done', kind, error: null });
        return true;
      } catch (error) {
        set(key, { status: 'error', kind, error: toActionError(error) });
        return false;
      } finally {
        inFlight.current.delete(key);
      }
    },
    [set],
  );

  const get = useCallback((key: string): ActionState<Kind> => states.get(key) ?? IDLE, [states]);
  const reset = useCallback((key: string) => set(key, null), [set]);

  return { get, run, reset };
}
