import type { Db } from 'mongodb';
import { collections } from './collections';
import { isDuplicateKey } from './mongo-errors';

/**
 * Weekly pre-aggregated trust-health documents, one per team and ISO week. Counters change only
 * through `$inc` guarded by the list of contributions already counted, so a retried or resumed
 * write can never count twice (FerretDB has no transactions to lean on).
 */
export interface TrustWeekDoc {
  _id: string;
  teamId: string;
  week: string;
  recognitions?: Record<string, number>;
  counted?: string[];
}

export const trustWeekId = (teamId: string, week: string) => `${teamId}|${week}`;

export function createTrustWeekCounter(db: Db) {
  const weeks = db.collection<TrustWeekDoc>(collections.trustWeeks);
  return {
    /** Adds `by` to a counter once per contribution id. */
    async count(teamId: string, week: string, field: string, contribution: string): Promise<void> {
      try {
        await weeks.updateOne(
          { _id: trustWeekId(teamId, week), counted: { $ne: contribution } },
          {
            $inc: { [field]: 1 },
            $push: { counted: contribution },
            $setOnInsert: { teamId, week },
          },
          { upsert: true },
        );
      } catch (err) {
        // The upsert collides with the existing document when this contribution is already counted.
        if (!isDuplicateKey(err)) throw err;
      }
    },
    /** Takes a contribution back out, once. */
    async uncount(
      teamId: string,
      week: string,
      field: string,
      contribution: string,
    ): Promise<void> {
      await weeks.updateOne(
        { _id: trustWeekId(teamId, week), counted: contribution },
        { $inc: { [field]: -1 }, $pull: { counted: contribution } },
      );
    },
    async find(teamId: string, week: string): Promise<TrustWeekDoc | null> {
      return weeks.findOne({ _id: trustWeekId(teamId, week) });
    },
  };
}

export type TrustWeekCounter = ReturnType<typeof createTrustWeekCounter>;
