import type { Db, Filter } from 'mongodb';
import { coalesceIncrements } from '../../platform/store/coalesced-increments';
import { isDuplicateKey } from '../../platform/store/mongo-errors';
import type { RoundResult } from '../checkins';
import { trustHealthCollections } from './trust-health-collections';

/**
 * Pre-aggregated trust-health buckets: one per team and ISO week, changed only with `$inc`, and
 * kept together per team and year (`weeks.<2026-W48>.…` in the document `<teamId>|2026`), so
 * reading a year of trends costs one or two key lookups whatever the history size. (On FerretDB
 * only a lookup by `_id` uses an index; 52 weekly documents cost 52 lookups.)
 *
 * A contribution that must count exactly once (a recognition, whose record and counter are two
 * documents) is applied with a name: the write stores `applied.<name>` with the `$inc` in one
 * atomic update and is refused when the name is already there, so a retry after a crash or a
 * lost connection never counts twice. The name is forgotten once the record says it is counted.
 */
export interface WeekBucket {
  recognitions?: Record<string, number>;
  checkin?: {
    /** Results of the rounds that closed in the week, by the round's local opening date. */
    rounds?: Record<string, RoundResult>;
    /** Before schema version 2, answers were added to the week as they came. */
    answers?: number;
    invited?: number;
    minGroupSize?: number;
    sums?: RoundResult['sums'];
  };
}

/** A week's round results, reading a bucket written before schema version 2 as one round. */
export function roundResultsOf(bucket: WeekBucket | undefined): RoundResult[] {
  const checkin = bucket?.checkin;
  if (!checkin) return [];
  if (checkin.rounds) return Object.values(checkin.rounds);
  return [
    {
      answers: checkin.answers ?? 0,
      invited: checkin.invited ?? 0,
      minGroupSize: checkin.minGroupSize ?? 3,
      sums: checkin.sums ?? {},
    },
  ];
}

export interface TrustYearDoc {
  _id: string;
  teamId: string;
  year: string;
  weeks?: Record<string, WeekBucket>;
  /** Names of contributions applied but not yet confirmed on their records. */
  applied?: Record<string, 1>;
}

/** The ISO week-year is the first four characters of the week key ("2026-W48"). */
export const trustYearId = (teamId: string, week: string) => `${teamId}|${week.slice(0, 4)}`;

/**
 * How long names to forget wait for the next count of their document, to go out with it, before
 * they go alone: each write is a whole-document rewrite on the embedded FerretDB (about 1 ms of
 * its CPU), and a busy team counts again within milliseconds.
 */
const FORGET_WAITS_MS = 100;

/** Names to forget in one document, waiting to go out with its next write. */
interface Forgetting {
  names: string[];
  /** Settles with the write that carried them. */
  written: Promise<void>;
  /** Sends them now, with whatever is written to the document next. */
  send(): void;
}

/** The dotted path of a field inside a week's bucket. */
export const weekField = (week: string, field: string) => `weeks.${week}.${field}`;

export function createTrustWeekCounter(db: Db) {
  const years = db.collection<TrustYearDoc>(trustHealthCollections.trustWeeks);
  const apply = coalesceIncrements(async (_id, { inc, once, forget }) => {
    const fields = (names: string[], value: 1 | '') =>
      Object.fromEntries(names.map((name) => [`applied.${name}`, value]));
    const notEmpty = (fields: Record<string, unknown>) => Object.keys(fields).length > 0;
    const filter: Filter<TrustYearDoc> = { _id };
    for (const name of once) filter[`applied.${name}`] = { $exists: false };
    try {
      await years.updateOne(
        filter,
        {
          ...(notEmpty(inc) ? { $inc: inc } : {}),
          ...(once.length > 0 ? { $set: fields(once, 1) } : {}),
          ...(forget.length > 0 ? { $unset: fields(forget, '') } : {}),
          // The id is "<teamId>|<year>" (trustYearId).
          $setOnInsert: { teamId: _id.slice(0, -5), year: _id.slice(-4) },
        },
        { upsert: true },
      );
      return 'applied';
    } catch (err) {
      // The filter missed only because a name was there: the upsert then collides on `_id`.
      if (once.length > 0 && isDuplicateKey(err)) return 'refused';
      throw err;
    }
  });
  const prefix = (week: string, fields: Record<string, number> = {}) =>
    Object.fromEntries(Object.entries(fields).map(([f, v]) => [weekField(week, f), v]));

  const forgetting = new Map<string, Forgetting>();
  /** The names waiting to be forgotten in a document, gathered until its next count or a timeout. */
  const forgettingIn = (_id: string): Forgetting => {
    const waiting = forgetting.get(_id);
    if (waiting) return waiting;
    let send = () => {};
    const names: string[] = [];
    const written = new Promise<void>((resolve, reject) => {
      send = () => {
        if (forgetting.get(_id) !== entry) return;
        forgetting.delete(_id);
        clearTimeout(timer);
        apply(_id, { forget: names }).then(() => resolve(), reject);
      };
    });
    const timer = setTimeout(() => send(), FORGET_WAITS_MS);
    // Names left unforgotten at exit are a few bytes, never a wrong count.
    timer.unref();
    const entry: Forgetting = { names, written, send: () => send() };
    forgetting.set(_id, entry);
    return entry;
  };

  return {
    /**
     * Adds `by` to a field of the week once for the contribution `name`, however often asked;
     * names waiting to be forgotten in the same document go out in the same write.
     */
    countOnce: (teamId: string, week: string, name: string, field: string, by: 1 | -1) => {
      const _id = trustYearId(teamId, week);
      forgetting.get(_id)?.send();
      return apply(_id, { inc: prefix(week, { [field]: by }), once: name });
    },
    /**
     * Drops the names of contributions that will not be retried any more, with the document's
     * next count or after FORGET_WAITS_MS; settles once they are written.
     */
    forget: (teamId: string, week: string, names: string[]) => {
      const waiting = forgettingIn(trustYearId(teamId, week));
      waiting.names.push(...names);
      return waiting.written;
    },
    /** Keeps a closed round's result in its week; repeating it changes nothing. */
    async publishRound(teamId: string, week: string, roundKey: string, result: RoundResult) {
      const _id = trustYearId(teamId, week);
      await years.updateOne(
        { _id },
        {
          $set: { [weekField(week, `checkin.rounds.${roundKey}`)]: result },
          $setOnInsert: { teamId, year: _id.slice(-4) },
        },
        { upsert: true },
      );
    },
    async find(teamId: string, week: string): Promise<WeekBucket | null> {
      const doc = await years.findOne({ _id: trustYearId(teamId, week) });
      return doc?.weeks?.[week] ?? null;
    },
    /** The buckets of the given weeks, read with one lookup per year they span. */
    async weeks(teamId: string, keys: string[]): Promise<Map<string, WeekBucket>> {
      const ids = [...new Set(keys.map((k) => trustYearId(teamId, k)))];
      const docs = await Promise.all(ids.map((_id) => years.findOne({ _id })));
      const found = new Map<string, WeekBucket>();
      for (const doc of docs) {
        for (const [week, bucket] of Object.entries(doc?.weeks ?? {})) {
          if (keys.includes(week)) found.set(week, bucket);
        }
      }
      return found;
    },
  };
}

export type TrustWeekCounter = ReturnType<typeof createTrustWeekCounter>;
