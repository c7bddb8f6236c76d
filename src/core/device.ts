/** What Clerk reports of the device behind a session (`SessionActivity`), all optional. */
export interface DeviceActivity {
  browserName?: string | undefined;
  browserVersion?: string | undefined;
  deviceType?: string | undefined;
  ipAddress?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
  isMobile?: boolean | undefined;
}

/** The broad kind of device, which picks the icon. */
export type DeviceKind = 'desktop' | 'mobile' | 'tablet' | 'unknown';

/** Display-ready description of a device. Absent facts are `null`, never guessed. */
export interface DeviceDescription {
  kind: DeviceKind;
  /** Clerk's device type as reported ("Macintosh", "iPhone"); `null` when unknown. */
  deviceType: string | null;
  /** Browser with its major version ("Chrome 142"). */
  browser: string | null;
  /** Operating system when the device type implies one ("macOS", "iOS"). */
  os: string | null;
  /** "London, GB". */
  location: string | null;
  ipAddress: string | null;
}

const OS_BY_DEVICE: [RegExp, string][] = [
  [/iphone|ipod/i, 'iOS'],
  [/ipad/i, 'iPadOS'],
  [/mac/i, 'macOS'],
  [/windows/i, 'Windows'],
  [/android/i, 'Android'],
  [/cros|chromebook/i, 'ChromeOS'],
  [/linux/i, 'Linux'],
];

/** Turns Clerk's `latestActivity` into labels; facts Clerk did not report stay `null`. */
export function describeDevice(activity: DeviceActivity | null | undefined): DeviceDescription {
  const a = activity ?? {};
  const deviceType = a.deviceType?.trim() || null;
  const tablet = deviceType !== null && /ipad|tablet/i.test(deviceType);
  const kind: DeviceKind = tablet ? 'tablet' : a.isMobile ? 'mobile' : deviceType ? 'desktop' : 'unknown';
  const major = a.browserVersion?.split('.')[0];
  const browser = a.browserName ? [a.browserName, major].filter(Boolean).join(' ') : null;
  const os = deviceType ? (OS_BY_DEVICE.find(([pattern]) => pattern.test(deviceType))?.[1] ?? null) : null;
  const location = [a.city, a.country].filter(Boolean).join(', ') || null;
  return { kind, deviceType, browser, os, location, ipAddress: a.ipAddress || null };
}

function maskIpv4(ip: string): string {
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.•••` : '•••';
}

/** The 8 groups of an IPv6 address as written, with `::` expanded to the zero groups it stands for. */
function ipv6Groups(ip: string): string[] | null {
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  if (halves.length === 1) {
    const groups = groupsOf(ip);
    return groups.length === 8 ? groups : null;
  }
  const head = groupsOf(halves[0] ?? '');
  const tail = groupsOf(halves[1] ?? '');
  const zeros = 8 - head.length - tail.length;
  return zeros >= 1 ? [...head, ...Array<string>(zeros).fill('0'), ...tail] : null;
}

/**
 * Hides the host part of an IP address: `203.0.113.24` → `203.0.113.•••`; IPv6 keeps its first 3 groups,
 * with `::` expanded first so a short address cannot show whole (`2001::1` → `2001:0:0:••••`); an IPv4-mapped
 * address masks its IPv4 part (`::ffff:203.0.113.24` → `::ffff:203.0.113.•••`). Anything unparseable becomes
 * `•••`.
 */
export function maskIpAddress(ip: string): string {
  if (!ip.includes(':')) return maskIpv4(ip);
  let address = ip.split('%')[0] ?? ''; // drop a zone id (`fe80::1%eth0`)
  const lastColon = address.lastIndexOf(':');
  const ipv4 = address.includes('.') ? address.slice(lastColon + 1) : null;
  // An embedded IPv4 address (`::ffff:203.0.113.24`) fills the last 2 of the 8 groups.
  if (ipv4 !== null) address = `${address.slice(0, lastColon + 1)}0:0`;
  const groups = ipv6Groups(address);
  if (!groups) return '•••';
  if (ipv4 !== null && groups[5]?.toLowerCase() === 'ffff' && groups.slice(0, 5).every((g) => /^0+$/.test(g))) {
    return `::ffff:${maskIpv4(ipv4)}`;
  }
  return `${groups.slice(0, 3).join(':')}:••••`;
}
