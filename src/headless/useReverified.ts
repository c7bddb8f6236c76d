import { useCallback, useEffect, useRef } from 'react';
import { type ReverificationLevel, useClerk, useReverification } from '../clerk';
import { isReverificationHint, ReverificationRequiredError } from '../core/reverification';

/** What a custom reverification prompt receives when Clerk asks the user to verify again. */
export interface ReverificationPrompt {
  /** The verification Clerk asks for; `undefined` when Clerk's answer did not say (its modal then asks for the strongest factor). */
  level: ReverificationLevel | undefined;
  /** Call once the user verified: Clerk runs the action again. */
  complete(): void;
  /** Call when the user gave up: the action stops, nothing changes and nothing is reported as failed. */
  cancel(): void;
}

/** The reverification option the device-revoking hooks and components share. */
export interface ReverificationOptions {
  /**
   * Renders your own "verify it's you" step instead of Clerk's modal. Clerk calls it when an action answered
   * 403 `session_reverification_required`; verify the user (e.g. with `session.startVerification()`), then call
   * `complete()` (Clerk retries the action once) or `cancel()`.
   */
  onNeedsReverification?: (prompt: ReverificationPrompt) => void;
}

interface ReverifiedOptions extends ReverificationOptions {
  /**
   * Called instead of opening the prompt at once: close your own modal dialog first (left open, it would make
   * Clerk's modal inert and take focus back when it closes), then call `show()`, e.g. from an effect.
   */
  onPrompt?: (show: () => void) => void;
  /** Called when the user verified, just before Clerk runs the action again. */
  onVerified?: () => void;
}

/**
 * `task` run through Clerk's own `useReverification`: when Clerk answers 403 `session_reverification_required`,
 * the user is asked to verify again (Clerk's modal through `clerk.__internal_openReverification`, or
 * `onNeedsReverification`) and the task runs once more. The returned function rejects with Clerk's
 * `reverification_cancelled` error when the user cancels (test it with `isReverificationCancelledError`) and with
 * a {@link ReverificationRequiredError} when Clerk still asks after the user verified.
 */
export function useReverified<Args extends unknown[], Result>(
  task: (...args: Args) => Promise<Result>,
  options: ReverifiedOptions = {},
): (...args: Args) => Promise<Result> {
  const clerk = useClerk();
  const latest = useRef(options);
  latest.current = options;
  const enhanced = useReverification(task, {
    // Always our own handler, so the owner hears of the prompt (and of its completion) before Clerk's modal opens.
    onNeedsReverification: ({ level, complete, cancel }) => {
      const { onPrompt, onVerified, onNeedsReverification } = latest.current;
      const prompt: ReverificationPrompt = {
        level: level as ReverificationLevel | undefined,
        complete: () => {
          onVerified?.();
          complete();
        },
        cancel,
      };
      const show = () => {
        if (onNeedsReverification) onNeedsReverification(prompt);
        else
          clerk.__internal_openReverification({
            ...(prompt.level ? { level: prompt.level } : {}),
            afterVerification: prompt.complete,
            afterVerificationCancelled: prompt.cancel,
          });
      };
      if (onPrompt) onPrompt(show);
      else show();
    },
  });
  return useCallback(
    async (...args: Args) => {
      const result: unknown = await enhanced(...args);
      if (isReverificationHint(result)) throw new ReverificationRequiredError();
      return result as Result;
    },
    [enhanced],
  );
}

/**
 * For hooks with a status: `onPrompt` for {@link useReverified} that moves to `'verifying'` and shows the prompt
 * only after React committed that status (so the owner's dialog, which closes on it, is gone first).
 */
export function usePromptAfterRender(status: string, setVerifying: () => void) {
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (status !== 'verifying' || !pending.current) return;
    const show = pending.current;
    pending.current = null;
    show();
  }, [status]);
  return useCallback(
    (show: () => void) => {
      pending.current = show;
      setVerifying();
    },
    [setVerifying],
  );
}
