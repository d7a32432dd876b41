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

interface MonthDoc {
  _id: string;
  entries?: WallEntry[];
  /** Only on the `<teamId>|months` document: the months that have entries. */
  months?: Record<string, 1>;
}

export interface WallQuery {
  tag?: string;
  recipient?: string;
  before?: { at: number; id: string };
}

const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);
const newestFirst = (a: WallEntry, b: WallEntry) =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function matches(entry: WallEntry, query: WallQuery): boolean {
  if (query.tag && entry.tag !== query.tag) return false;
  if (query.recipient && !entry.to.includes(query.recipient)) return false;
  const b = query.before;
  return !b || entry.at < b.at || (entry.at === b.at && entry.id < b.id);
}

/**
 * The order of a team's recognitions, one document per team and month (`<teamId>|2026-11`) plus
 * one listing the months (`<teamId>|months`), so reading the wall's newest page costs a few key
 * lookups — the only reads the embedded FerretDB answers from an index — whatever the size of
 * the database or of the team's history. Every write is idempotent (`$addToSet`, `$pull` of the
 * same entry, `$set` of a month), so finishing a recognition twice lists it once.
 */
export function createWallIndex(db: Db) {
  const months = db.collection<MonthDoc>(recognitionCollections.recognitionMonths);
  const monthsId = (teamId: string) => `${teamId}|months`;

  // A team's month document is the hottest in a burst of thanks, and FerretDB rewrites a whole
  // document per update (20 entries into one of 1,500 took 108 ms here): entries arriving while
  // a write to it is in flight go out together with the next one.
  const addEntries = coalesceWrites<WallEntry>(async (_id, entries) => {
    await months.updateOne(
      { _id },
      { $addToSet: { entries: { $each: entries } } },
      { upsert: true },
    );
  });
  // Months this process has already named: naming one again is idempotent, so forgetting them
  // all when the set grows large costs one write each, never a wrong answer.
  const named = new Set<string>();
  const nameMonth = async (teamId: string, month: string) => {
    const key = `${teamId}|${month}`;
    if (named.has(key)) return;
    await months.updateOne(
      { _id: monthsId(teamId) },
      { $set: { [`months.${month}`]: 1 } },
      { upsert: true },
    );
    if (named.size >= 100_000) named.clear();
    named.add(key);
  };

  return {
    async add(teamId: string, entry: WallEntry): Promise<void> {
      const month = monthOf(entry.at);
      await addEntries(`${teamId}|${month}`, entry);
      await nameMonth(teamId, month);
    },

    /** Takes the entry out; it must equal the one added (FerretDB pulls by equality only). */
    async remove(teamId: string, entry: WallEntry): Promise<void> {
      await months.updateOne(
        { _id: `${teamId}|${monthOf(entry.at)}` },
        { $pull: { entries: entry } },
      );
    },

    /** The team's matching entries, newest first, read a month at a time as the caller asks. */
    async *entries(teamId: string, query: WallQuery): AsyncGenerator<WallEntry> {
      const index = await months.findOne({ _id: monthsId(teamId) });
      const last = query.before ? monthOf(query.before.at) : undefined;
      const keys = Object.keys(index?.months ?? {})
        .filter((m) => !last || m <= last)
        .sort()
        .reverse();
      for (const month of keys) {
        const doc = await months.findOne({ _id: `${teamId}|${month}` });
        yield* (doc?.entries ?? []).filter((e) => matches(e, query)).sort(newestFirst);
      }
    },

    /** The entries made at or after `since`: the last weeks cost a month or two of entries. */
    async since(teamId: string, since: Date): Promise<WallEntry[]> {
      const index = await months.findOne({ _id: monthsId(teamId) });
      const first = monthOf(since.getTime());
      const keys = Object.keys(index?.months ?? {}).filter((m) => m >= first);
      const docs = await Promise.all(
        keys.map((month) => months.findOne({ _id: `${teamId}|${month}` })),
      );
      return docs.flatMap((d) => d?.entries ?? []).filter((e) => e.at >= since.getTime());
    },
  };
}

export type WallIndex = ReturnType<typeof createWallIndex>;
