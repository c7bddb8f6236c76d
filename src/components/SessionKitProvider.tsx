'use client';
import { type ReactNode, useContext, useMemo } from 'react';
import type { Clock } from '../core/clock';
import { warnOnce } from '../core/devWarning';
import { en } from '../core/messages/en';
import { labelInNameProblems } from '../core/messages/labelInName';
import type { Messages } from '../core/messages/types';
import { KitContext, type KitContextValue } from './kitContext';

/** Partial messages: any subset of {@link Messages}, nested objects included. */
export type PartialMessages = {
  [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown
    ? Messages[K]
    : Messages[K] extends object
      ? Partial<Messages[K]>
      : Messages[K];
};

/**
 * The kit settings in effect, as {@link useKit} returns them: what {@link SessionKitProvider} was given, resolved
 * (English merged under partial messages, the locale applied), or the defaults without a provider.
 */
export interface KitSettings {
  /** The complete strings in use, `locale` included. */
  messages: Messages;
  /** Clock for relative times and expiry checks (`Date.now` unless the provider was given one). */
  now: () => number;
  /** Time zone for absolute times; the browser's when undefined. */
  timeZone: string | undefined;
}

/** Props of {@link SessionKitProvider}. */
export interface SessionKitProviderProps {
  /**
   * The strings: a built-in catalogue (`import { de } from 'clerk-session-kit/locales'`; `en`, `de`, `ar`) or your
   * own, merged over English. Only the catalogues you import end up in your bundle.
   */
  messages?: PartialMessages;
  /** BCP 47 tag for dates and relative times; default: the catalogue's `locale`. */
  locale?: string;
  /** Clock used for relative times ("5 minutes ago") and "expires soon"; fix it in tests and stories. */
  now?: () => number;
  /** IANA time zone for absolute dates; default: the browser's. */
  timeZone?: string;
  /**
   * Clock of the timed components (`IdleTimeoutDialog`, `SessionExpiryNotice`), and of `now` when that is not
   * given. Stories and tests pass `createTestClock()` from `clerk-session-kit/testing` and step it.
   */
  clock?: Clock;
  children?: ReactNode;
}

function merge(base: Messages, overrides: PartialMessages | undefined): Messages {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const original = (base as unknown as Record<string, unknown>)[key];
    merged[key] =
      value && typeof value === 'object' && original && typeof original === 'object'
        ? { ...original, ...value }
        : value;
  }
  return merged as unknown as Messages;
}

/**
 * Optional: language, strings, clock and time zone for the kit's components. Without it they speak English and
 * use the browser's clock and time zone. Layout direction follows the page (`<html dir="rtl">`).
 */
export function SessionKitProvider({ locale, messages, now, timeZone, clock, children }: SessionKitProviderProps) {
  const outer = useContext(KitContext);
  const value = useMemo<KitContextValue>(() => {
    const merged = merge(en, messages);
    const complete = locale ? { ...merged, locale } : merged;
    if (process.env.NODE_ENV !== 'production') {
      for (const problem of labelInNameProblems(complete)) warnOnce(`your messages: ${problem}`);
    }
    const time = clock ?? outer.clock;
    return {
      messages: complete,
      now: now ?? (clock ? clock.now : Date.now),
      timeZone,
      clock: time,
    };
  }, [locale, messages, now, timeZone, clock, outer.clock]);
  return <KitContext.Provider value={value}>{children}</KitContext.Provider>;
}

/** The kit settings in effect: messages (English without a provider), clock, time zone. */
export function useKit(): KitSettings {
  const { messages, now, timeZone } = useContext(KitContext);
  return useMemo(() => ({ messages: messages ?? en, now, timeZone }), [messages, now, timeZone]);
}
