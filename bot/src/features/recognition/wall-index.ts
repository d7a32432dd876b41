import type { Db } from 'mongodb';
import { coalesceWrites } from '../../platform/store/coalesced-writes';
import { recognitionCollections } from './recognition-collections';

/** What the wall needs to order and filter a recognition without reading it. */
export interface WallEntry {
  id: string;
  /** createdAt in epoch milliseconds. */
  at: number;
  tag: string;
  to: string[];
}

/** The entry of a stored recognition, the same every time so `$pull` finds what was added. */
export const wallEntryOf = (doc: {
  _id: string;
  createdAt: Date;
  tagKey: string;
  recipientIds: string[];
}): WallEntry => ({
  id: doc._id,
  at: doc.createdAt.getTime(),
  tag: doc.tagKey,
  to: doc.recipientIds,
});

/**
 * An entry as a bucket stores it: one JSON string, `[at, id, tag, to]`, the same for the same
 * entry, so `$addToSet` and `$pull` compare it whole. The embedded FerretDB decodes and compares a
 * string far more cheaply than a subdocument (adding 5 entries to a month of 1,000: 12 ms of its
 * CPU as strings, 69 ms as documents; reading it: 10 ms against 50 ms).
 */
export const encodeWallEntry = (e: WallEntry): string => JSON.stringify([e.at, e.id, e.tag, e.to]);

function decodeWallEntry(stored: WallEntry | string): WallEntry {
  if (typeof stored !== 'string') return stored;
  const [at, id, tag, to] = JSON.parse(stored) as [number, string, string, string[]];
  return { id, at, tag, to };
}

interface BucketDoc {
  _id: string;
  /** Strings in buckets (`<teamId>|<month>|<n>`); documents in a month written before them. */
  entries?: (WallEntry | string)[];
}

/** The `<teamId>|months` document: which months have entries, and where. */
interface MonthsDoc {
  _id: string;
  /** Months with a document of their own (`<teamId>|<month>`), written before buckets. */
  months?: Record<string, 1>;
  /** Per month, the highest bucket number in use: buckets 1…n are `<teamId>|<month>|<i>`. */
  buckets?: Record<string, number>;
}

export interface WallQuery {
  tag?: string;
  recipient?: string;
  before?: { at: number; id: string };
}

/**
 * Entries a bucket takes before the next one is opened. A write rewrites its whole bucket on the
 * embedded FerretDB, so a burst into one team costs the same at its thousandth recognition of the
 * month as at its first; a busy team's month (about 400) still reads in two or three lookups.
 */
export const WALL_BUCKET_SIZE = 200;

const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);
const newestFirst = (a: WallEntry, b: WallEntry) =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function matches(entry: WallEntry, query: WallQuery): boolean {
  if (query.tag && entry.tag !== query.tag) return false;
  if (query.recipient && !entry.to.includes(query.recipient)) return false;
  const b = query.before;
  return !b || entry.at < b.at || (entry.at === b.at && entry.id < b.id);
}

/** Where this process adds a team's entries of a month: the bucket, and what it holds. */
interface OpenBucket {
  n: number;
  size: number;
}

/** Keys of per-team state this process remembers before it forgets them all (one read each). */
const REMEMBERED = 100_000;

/**
 * The order of a team's recognitions, in buckets of at most ~200 per team and month
 * (`<teamId>|2026-11|1`, `|2`, …) named by one document per team (`<teamId>|months`), so reading
 * the wall's newest page costs a few key lookups — the only reads the embedded FerretDB answers
 * from an index — whatever the size of the database or of the team's history, and adding to it
 * costs the same however busy the month. Every write is idempotent (`$addToSet`, `$pull` of the
 * same entry, `$max` of a bucket number); an entry added twice (a retry after the bucket filled)
 * lands in two buckets and is read once.
 */
export function createWallIndex(db: Db, bucketSize = WALL_BUCKET_SIZE) {
  const docs = db.collection<BucketDoc>(recognitionCollections.recognitionMonths);
  const index = db.collection<MonthsDoc>(recognitionCollections.recognitionMonths);
  const monthsId = (teamId: string) => `${teamId}|months`;
  const bucketId = (teamId: string, month: string, n: number) => `${teamId}|${month}|${n}`;

  /** The documents holding a team's month, newest bucket first. */
  const monthDocs = (teamId: string, month: string, doc: MonthsDoc | null): string[] => [
    ...Array.from({ length: doc?.buckets?.[month] ?? 0 }, (_, i) =>
      bucketId(teamId, month, (doc?.buckets?.[month] ?? 0) - i),
    ),
    ...(doc?.months?.[month] ? [`${teamId}|${month}`] : []),
  ];
  const monthsOf = (doc: MonthsDoc | null) => [
    ...new Set([...Object.keys(doc?.months ?? {}), ...Object.keys(doc?.buckets ?? {})]),
  ];

  /** A month's entries, each once (a retry may have added one to two buckets). */
  const readMonth = async (teamId: string, month: string, doc: MonthsDoc | null) => {
    const found = await Promise.all(
      monthDocs(teamId, month, doc).map((_id) => docs.findOne({ _id })),
    );
    const entries = new Map<string, WallEntry>();
    for (const d of found) {
      for (const stored of d?.entries ?? []) {
        const entry = decodeWallEntry(stored);
        entries.set(entry.id, entry);
      }
    }
    return [...entries.values()];
  };

  // Entries arriving while a write to their bucket is in flight go out together with the next.
  const addEntries = coalesceWrites<string>(async (_id, entries) => {
    await docs.updateOne({ _id }, { $addToSet: { entries: { $each: entries } } }, { upsert: true });
  });

  // The bucket this process fills per team and month, learnt with one read the first time.
  const open = new Map<string, Promise<OpenBucket>>();
  const openBucket = (teamId: string, month: string): Promise<OpenBucket> => {
    const key = `${teamId}|${month}`;
    let bucket = open.get(key);
    if (!bucket) {
      if (open.size >= REMEMBERED) open.clear();
      bucket = (async () => {
        const doc = await index.findOne({ _id: monthsId(teamId) });
        const n = doc?.buckets?.[month] ?? 0;
        if (n === 0) return { n: 1, size: 0 };
        const last = await docs.findOne({ _id: bucketId(teamId, month, n) });
        return { n, size: last?.entries?.length ?? 0 };
      })();
      open.set(key, bucket);
      bucket.catch(() => open.delete(key));
    }
    return bucket;
  };

  // Buckets named in the team's months document (or being named): naming one again changes
  // nothing, so forgetting them costs one write each, never a wrong answer.
  const named = new Map<string, Promise<void>>();
  const nameBucket = (teamId: string, month: string, n: number): Promise<void> => {
    const key = bucketId(teamId, month, n);
    let naming = named.get(key);
    if (!naming) {
      if (named.size >= REMEMBERED) named.clear();
      naming = index
        .updateOne(
          { _id: monthsId(teamId) },
          { $max: { [`buckets.${month}`]: n } },
          { upsert: true },
        )
        .then(() => undefined);
      named.set(key, naming);
      naming.catch(() => named.delete(key));
    }
    return naming;
  };

  return {
    async add(teamId: string, entry: WallEntry): Promise<void> {
      const month = monthOf(entry.at);
      const bucket = await openBucket(teamId, month);
      if (bucket.size >= bucketSize) {
        bucket.n += 1;
        bucket.size = 0;
      }
      bucket.size += 1;
      const n = bucket.n;
      // Named before it is written, so a reader never misses an entry that was added.
      await nameBucket(teamId, month, n);
      await addEntries(bucketId(teamId, month, n), encodeWallEntry(entry));
    },

    /** Takes the entry out of every document of its month (rare: a removal, an erasure). */
    async remove(teamId: string, entry: WallEntry): Promise<void> {
      const month = monthOf(entry.at);
      const doc = await index.findOne({ _id: monthsId(teamId) });
      // A month written before buckets has a document of its own, holding entries as documents
      // (FerretDB pulls by equality only, so each form is pulled where it is kept).
      const ownDoc = `${teamId}|${month}`;
      for (const _id of new Set([...monthDocs(teamId, month, doc), ownDoc])) {
        const stored = _id === ownDoc ? entry : encodeWallEntry(entry);
        await docs.updateOne({ _id }, { $pull: { entries: stored } });
      }
    },

    /** The team's matching entries, newest first, read a month at a time as the caller asks. */
    async *entries(teamId: string, query: WallQuery): AsyncGenerator<WallEntry> {
      const doc = await index.findOne({ _id: monthsId(teamId) });
      const last = query.before ? monthOf(query.before.at) : undefined;
      const months = monthsOf(doc)
        .filter((m) => !last || m <= last)
        .sort()
        .reverse();
      for (const month of months) {
        const entries = await readMonth(teamId, month, doc);
        yield* entries.filter((e) => matches(e, query)).sort(newestFirst);
      }
    },

    /** The entries made at or after `since`: the last weeks cost a month or two of entries. */
    async since(teamId: string, since: Date): Promise<WallEntry[]> {
      const doc = await index.findOne({ _id: monthsId(teamId) });
      const first = monthOf(since.getTime());
      const months = monthsOf(doc).filter((m) => m >= first);
      const entries = await Promise.all(months.map((m) => readMonth(teamId, m, doc)));
      return entries.flat().filter((e) => e.at >= since.getTime());
    },
  };
}

export type WallIndex = ReturnType<typeof createWallIndex>;
