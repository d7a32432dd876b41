/**
 * Remembers a read for a few seconds. Used for documents every bot request reads and people
 * rarely change (is the app installed here, the team's settings): on FerretDB each read costs a
 * round trip through SQLite, and the recognition path read them two or three times a request.
 * Writes through this process forget the entry at once; another instance's write shows within
 * `ttlMs`. Concurrent misses for one key share a single read.
 */
export function shortLivedCache<V>(
  ttlMs: number,
  load: (key: string) => Promise<V>,
  now = () => Date.now(),
) {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key: string): Promise<V> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load(key);
      entries.set(key, { at: now(), value });
      // A failed read is not remembered.
      value.catch(() => entries.delete(key));
      if (entries.size > 10_000) entries.delete(entries.keys().next().value as string);
      return value;
    },
    forget(key: string): void {
      entries.delete(key);
    },
    clear(): void {
      entries.clear();
    },
  };
}

export const TEAM_CACHE_MS = 2000;
