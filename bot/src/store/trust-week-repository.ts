import type { Db } from 'mongodb';
import { collections } from './collections';

/**
 * Weekly pre-aggregated trust-health documents, one per team and ISO week, changed only with
 * `$inc`, so reading a year of trends costs 52 small documents whatever the history size.
 * Callers count a contribution only when their own insert of it succeeded (the insert is the
 * idempotency guard); the one gap is a crash between that insert and the `$inc`, which
 * under-counts by one rather than ever counting twice.
 */
export interface TrustWeekDoc {
  _id: string;
  teamId: string;
  week: string;
  recognitions?: Record<string, number>;
}

export const trustWeekId = (teamId: string, week: string) => `${teamId}|${week}`;

export function createTrustWeekCounter(db: Db) {
  const weeks = db.collection<TrustWeekDoc>(collections.trustWeeks);
  const add = (teamId: string, week: string, field: string, by: number) =>
    weeks.updateOne(
      { _id: trustWeekId(teamId, week) },
      { $inc: { [field]: by }, $setOnInsert: { teamId, week } },
      { upsert: true },
    );
  return {
    async count(teamId: string, week: string, field: string): Promise<void> {
      await add(teamId, week, field, 1);
    },
    async uncount(teamId: string, week: string, field: string): Promise<void> {
      await add(teamId, week, field, -1);
    },
    async find(teamId: string, week: string): Promise<TrustWeekDoc | null> {
      return weeks.findOne({ _id: trustWeekId(teamId, week) });
    },
  };
}

export type TrustWeekCounter = ReturnType<typeof createTrustWeekCounter>;
