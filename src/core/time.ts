const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Building an Intl formatter costs far more than formatting with one, and a list of 100 devices formats 300 times.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const absoluteFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 minutes ago", "in 2 days", "now", in `locale`, through `Intl.RelativeTimeFormat`. */
export function formatRelative(date: Date, now: number, locale: string): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A full date and time in `locale` ("26 Nov 2026, 12:00"), for tooltips and `<time>` labels. */
export function formatAbsolute(date: Date, locale: string, timeZone?: string): string {
  const key = `${locale} ${timeZone ?? ''}`;
  let format = absoluteFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    absoluteFormats.set(key, format);
  }
  return format.format(date);
}

/** Default window before expiry in which a session counts as "expiring soon": 24 hours. */
export const EXPIRING_SOON_MS = 24 * 3600 * 1000;

/** Whether `expireAt` falls within `windowMs` from `now` (and is not already past). */
export function isExpiringSoon(expireAt: Date, now: number, windowMs = EXPIRING_SOON_MS): boolean {
  const left = expireAt.getTime() - now;
  return left > 0 && left <= windowMs;
}
