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

/** Hides the host part of an IP address: `203.0.113.24` → `203.0.113.•••`, IPv6 keeps its first 3 groups. */
export function maskIpAddress(ip: string): string {
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}:••••`;
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.•••` : '•••';
}
