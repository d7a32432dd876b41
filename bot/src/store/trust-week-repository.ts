import type { Db } from 'mongodb';
import { coalesceIncrements, type FieldChanges } from './coalesced-increments';
import { collections } from './collections';

/**
 * Pre-aggregated trust-health buckets: one per team and ISO week, changed only with `$inc`, and
 * kept together per team and year (`weeks.<2026-W48>.…` in the document `<teamId>|2026`), so
 * reading a year of trends costs one or two key lookups whatever the history size. (On FerretDB
 * only a lookup by `_id` uses an index; 52 weekly documents cost 52 lookups.)
 *
 * Callers count a contribution only when their own insert of it succeeded (the insert is the
 * idempotency guard); the one gap is a crash between that insert and the `$inc`, which
 * under-counts by one rather than ever counting twice.
 */
export interface WeekBucket {
  recognitions?: Record<string, number>;
  checkin?: {
    answers?: number;
    invited?: number;
    minGroupSize?: number;
    sums?: Record<string, { sum: number; count: number }>;
  };
}

export interface TrustYearDoc {
  _id: string;
  teamId: string;
  year: string;
  weeks?: Record<string, WeekBucket>;
}

/** The ISO week-year is the first four characters of the week key ("2026-W48"). */
export const trustYearId = (teamId: string, week: string) => `${teamId}|${week.slice(0, 4)}`;

/** The dotted path of a field inside a week's bucket. */
export const weekField = (week: string, field: string) => `weeks.${week}.${field}`;

export function createTrustWeekCounter(db: Db) {
  const years = db.collection<TrustYearDoc>(collections.trustWeeks);
  const apply = coalesceIncrements(async (_id, { inc, max }) => {
    const notEmpty = (fields: Record<string, number>) => Object.keys(fields).length > 0;
    await years.updateOne(
      { _id },
      {
        ...(notEmpty(inc) ? { $inc: inc } : {}),
        ...(notEmpty(max) ? { $max: max } : {}),
        // The id is "<teamId>|<year>" (trustYearId).
        $setOnInsert: { teamId: _id.slice(0, -5), year: _id.slice(-4) },
      },
      { upsert: true },
    );
  });
  const prefix = (week: string, fields: Record<string, number> = {}) =>
    Object.fromEntries(Object.entries(fields).map(([f, v]) => [weekField(week, f), v]));
  const change = (teamId: string, week: string, update: FieldChanges) =>
    apply(trustYearId(teamId, week), {
      inc: prefix(week, update.inc),
      max: prefix(week, update.max),
    });
  return {
    count: (teamId: string, week: string, field: string) =>
      change(teamId, week, { inc: { [field]: 1 } }),
    uncount: (teamId: string, week: string, field: string) =>
      change(teamId, week, { inc: { [field]: -1 } }),
    /** Applies several changes to one week at once (an answer touches many sums). */
    change,
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
