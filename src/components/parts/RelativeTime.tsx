import { enCommon } from '../../core/messages/en/common';
import { formatAbsolute, formatRelative } from '../../core/time';
import { useKitStrings } from '../kitContext';

/** A relative time ("5 minutes ago") in a `<time>` element carrying the absolute date and time as its title. */
export function RelativeTime({ date, className }: { date: Date; className?: string }) {
  const { messages, now, timeZone } = useKitStrings(enCommon);
  const absolute = formatAbsolute(date, messages.locale, timeZone);
  return (
    <time data-slot="time" dateTime={date.toISOString()} title={absolute} className={className}>
      {formatRelative(date, now(), messages.locale)}
    </time>
  );
}
