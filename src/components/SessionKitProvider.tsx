'use client';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { ar, de, en, type Messages } from '../core/messages';

/** Partial messages: any subset of {@link Messages}, nested objects included. */
export type PartialMessages = {
  [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown
    ? Messages[K]
    : Messages[K] extends object
      ? Partial<Messages[K]>
      : Messages[K];
};

const catalogues: Record<string, Messages> = { en, de, ar };

interface KitContextValue {
  messages: Messages;
  /** Clock for relative times and expiry checks. */
  now: () => number;
  /** Time zone for absolute times; the browser's when undefined. */
  timeZone: string | undefined;
}

const KitContext = createContext<KitContextValue>({ messages: en, now: Date.now, timeZone: undefined });

/** Props of {@link SessionKitProvider}. */
export interface SessionKitProviderProps {
  /** A built-in catalogue (`'en'`, `'de'`, `'ar'`) or any BCP 47 tag (English strings, that locale's dates). */
  locale?: string;
  /** Your own strings, merged over the locale's catalogue. */
  messages?: PartialMessages;
  /** Clock used for relative times ("5 minutes ago") and "expires soon"; fix it in tests and stories. */
  now?: () => number;
  /** IANA time zone for absolute dates; default: the browser's. */
  timeZone?: string;
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
 * use the browser's clock and time zone. Direction (`rtl` for Arabic) follows the catalogue.
 */
export function SessionKitProvider({ locale = 'en', messages, now, timeZone, children }: SessionKitProviderProps) {
  const value = useMemo<KitContextValue>(() => {
    const base = catalogues[locale.split('-')[0] ?? 'en'] ?? { ...en, locale };
    return { messages: merge({ ...base, locale }, messages), now: now ?? Date.now, timeZone };
  }, [locale, messages, now, timeZone]);
  return <KitContext.Provider value={value}>{children}</KitContext.Provider>;
}

/** The kit settings in effect: messages, clock, time zone. */
export function useKit(): KitContextValue {
  return useContext(KitContext);
}
