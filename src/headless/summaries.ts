import type { SessionResource, SessionWithActivitiesResource } from '../clerk';
import { type DeviceDescription, describeDevice } from '../core/device';

/** An account signed in in this browser, as display-ready plain data. */
export interface AccountSummary {
  /** The session id. */
  id: string;
  status: SessionResource['status'];
  isCurrent: boolean;
  userId: string | null;
  /** "Ada Lovelace"; `null` when the user has no name. */
  name: string | null;
  /** Email, phone or username Clerk identifies the user by. */
  identifier: string | null;
  /** Profile image, only when the user uploaded one (otherwise show initials). */
  imageUrl: string | null;
  /** One or two letters for the avatar fallback. */
  initials: string;
  lastActiveAt: Date;
  expireAt: Date;
  /** Id of the impersonator when the session is impersonated. */
  actor: string | null;
}

/** One of the user's sessions on any device (from `user.getSessions()`). */
export interface DeviceSummary extends DeviceDescription {
  /** The session id. */
  id: string;
  status: string;
  isCurrent: boolean;
  lastActiveAt: Date;
  expireAt: Date;
  actor: string | null;
}

/**
 * The name the UI shows for a user: their name, else their identifier (email, phone, username), else `fallback`
 * (the catalogue's "Unnamed user", or `null` to let the caller decide).
 */
export function displayName<Fallback extends string | null>(
  who: { name: string | null; identifier: string | null },
  fallback: Fallback,
): string | Fallback {
  return who.name ?? who.identifier ?? fallback;
}

/** Initials from a name, else from the identifier. */
export function initialsOf(name: string | null, identifier: string | null): string {
  const source = name?.trim() || identifier?.trim() || '?';
  const words = source.split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [source];
  return letters.map((word) => Array.from(word ?? '')[0]?.toLocaleUpperCase() ?? '').join('') || '?';
}

/** Maps a Clerk session of this browser to an {@link AccountSummary}. */
export function toAccountSummary(session: SessionResource, currentId: string | null): AccountSummary {
  const data = session.publicUserData;
  const name = [data?.firstName, data?.lastName].filter(Boolean).join(' ') || null;
  const identifier = data?.identifier || null;
  return {
    id: session.id,
    status: session.status,
    isCurrent: session.id === currentId,
    userId: data?.userId ?? session.user?.id ?? null,
    name,
    identifier,
    imageUrl: data?.hasImage ? (data.imageUrl ?? null) : null,
    initials: initialsOf(name, identifier),
    lastActiveAt: session.lastActiveAt,
    expireAt: session.expireAt,
    actor: session.actor?.sub ?? null,
  };
}

/** Maps an entry of `user.getSessions()` to a {@link DeviceSummary}. */
export function toDeviceSummary(session: SessionWithActivitiesResource, currentId: string | null): DeviceSummary {
  return {
    ...describeDevice(session.latestActivity),
    id: session.id,
    status: session.status,
    isCurrent: session.id === currentId,
    lastActiveAt: session.lastActiveAt,
    expireAt: session.expireAt,
    actor: session.actor?.sub ?? null,
  };
}
