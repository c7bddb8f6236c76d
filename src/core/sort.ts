/** Anything with an id and a last-active time. */
export interface Recency {
  id: string;
  lastActiveAt: Date;
}

/** Current first, then most recently active; ties keep their order. */
export function currentFirst<T extends Recency>(items: readonly T[], currentId: string | null): T[] {
  return [...items].sort((a, b) => {
    if (a.id === currentId) return -1;
    if (b.id === currentId) return 1;
    return b.lastActiveAt.getTime() - a.lastActiveAt.getTime();
  });
}
