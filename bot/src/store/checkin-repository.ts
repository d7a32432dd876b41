import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  defaultCheckinSettings,
  type CheckinSettings,
  type ValidAnswer,
  type WeekTotals,
} from '../domain/checkin';
import type { CheckinRepository, Round, SettingsProposal } from '../domain/checkin-ports';
import { TRAIT_IDS } from '../domain/traits';
import { collections } from './collections';
import { isDuplicateKey } from './mongo-errors';
import type { TrustWeekCounter } from './trust-week-repository';

interface RoundDoc extends Omit<Round, 'id'> {
  _id: string;
  answers: number;
  /** Comments in random order, rewritten whole on each insert so storage order says nothing. */
  comments: string[];
  revision: number;
}

interface ProposalDoc extends Omit<SettingsProposal, 'id'> {
  _id: string;
}

const toRound = ({ _id, answers: _a, comments: _c, revision: _r, ...rest }: RoundDoc): Round => ({
  id: _id,
  ...rest,
});
const toProposal = ({ _id, ...rest }: ProposalDoc): SettingsProposal => ({ id: _id, ...rest });

export function createCheckinRepository(db: Db, weeks: TrustWeekCounter): CheckinRepository {
  const settings = db.collection<{ _id: string; checkin?: CheckinSettings; leads?: string[] }>(
    collections.teamSettings,
  );
  const rounds = db.collection<RoundDoc>(collections.checkinRounds);
  const participation = db.collection<{ _id: string; roundId: string }>(
    collections.checkinParticipation,
  );
  const proposals = db.collection<ProposalDoc>(collections.checkinProposals);

  const addComment = async (roundId: string, text: string) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const doc = await rounds.findOne(
        { _id: roundId },
        { projection: { comments: 1, revision: 1 } },
      );
      if (!doc) return;
      const comments = [...(doc.comments ?? [])];
      comments.splice(randomInt(comments.length + 1), 0, text);
      const res = await rounds.updateOne(
        { _id: roundId, revision: doc.revision },
        { $set: { comments, revision: doc.revision + 1 } },
      );
      if (res.modifiedCount === 1) return;
    }
    throw new Error(`could not store a comment on round ${roundId}: too much contention`);
  };

  return {
    async config(teamId) {
      const doc = await settings.findOne({ _id: teamId });
      return {
        settings: { ...defaultCheckinSettings(), ...doc?.checkin },
        leads: doc?.leads ?? [],
      };
    },
    async changeConfig(teamId, change) {
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(change.settings ?? {})) {
        fields[`checkin.${key}`] = value;
      }
      if (change.leads) fields.leads = change.leads;
      if (Object.keys(fields).length === 0) return;
      await settings.updateOne({ _id: teamId }, { $set: fields }, { upsert: true });
    },
    async createRound(round) {
      const { id, ...rest } = round;
      try {
        await rounds.insertOne({ _id: id, ...rest, answers: 0, comments: [], revision: 0 });
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
      await weeks.change(round.teamId, round.week, {
        max: { 'checkin.invited': round.invited, 'checkin.minGroupSize': round.minGroupSize },
      });
      return true;
    },
    async round(roundId) {
      const doc = await rounds.findOne({ _id: roundId });
      return doc ? toRound(doc) : undefined;
    },
    async recordAnswer(round, aadObjectId, answer: ValidAnswer) {
      try {
        // Participation carries no time and no link to the answer: only "this member answered".
        await participation.insertOne({ _id: `${round.id}|${aadObjectId}`, roundId: round.id });
      } catch (err) {
        if (isDuplicateKey(err)) return 'already-answered';
        throw err;
      }
      // Counted only while the round is open: a close between the caller's check and here
      // deletes participation, and this answer must not outlive it.
      const counted = await rounds.updateOne(
        { _id: round.id, status: 'open' },
        { $inc: { answers: 1 } },
      );
      if (counted.matchedCount === 0) {
        await participation.deleteOne({ _id: `${round.id}|${aadObjectId}` });
        return 'closed';
      }
      const inc: Record<string, number> = { 'checkin.answers': 1 };
      for (const { trait, score } of answer.scores) {
        inc[`checkin.sums.${trait}.sum`] = (inc[`checkin.sums.${trait}.sum`] ?? 0) + score;
        inc[`checkin.sums.${trait}.count`] = (inc[`checkin.sums.${trait}.count`] ?? 0) + 1;
      }
      await weeks.change(round.teamId, round.week, { inc });
      if (answer.freeText) await addComment(round.id, answer.freeText);
      return 'recorded';
    },
    async participation(roundId) {
      return participation.countDocuments({ roundId });
    },
    async answeredBy(roundId, aadObjectIds) {
      const ids = aadObjectIds.map((a) => `${roundId}|${a}`);
      const docs = await participation.find({ _id: { $in: ids } }).toArray();
      return new Set(docs.map((d) => d._id.slice(roundId.length + 1)));
    },
    async closeRound(roundId) {
      await rounds.updateOne({ _id: roundId }, { $set: { status: 'closed' } });
      // Participation only serves nudges and the one-answer rule, both over once a round closes.
      await participation.deleteMany({ roundId });
    },
    async weekTotals(teamId, keys) {
      const byWeek = await weeks.weeks(teamId, keys);
      return keys.map((week): WeekTotals => {
        const d = byWeek.get(week);
        const sums: WeekTotals['sums'] = {};
        for (const t of TRAIT_IDS) {
          const s = d?.checkin?.sums?.[t];
          if (s) sums[t] = { sum: s.sum, count: s.count };
        }
        return {
          week,
          answers: d?.checkin?.answers ?? 0,
          invited: d?.checkin?.invited ?? 0,
          minGroupSize: d?.checkin?.minGroupSize ?? 3,
          sums,
          recognitions: d?.recognitions ?? {},
        };
      });
    },
    async feedback(teamId, limit) {
      const docs = await rounds
        .find(
          { teamId, status: 'closed' },
          { projection: { week: 1, answers: 1, minGroupSize: 1, comments: 1 } },
        )
        .sort({ week: -1 })
        .limit(limit)
        .toArray();
      const byWeek = new Map<string, string[]>();
      for (const d of docs) {
        if (d.answers < Math.max(3, d.minGroupSize) || !d.comments?.length) continue;
        byWeek.set(d.week, [...(byWeek.get(d.week) ?? []), ...d.comments]);
      }
      return [...byWeek.entries()].map(([week, comments]) => ({ week, comments }));
    },
    async createProposal(p) {
      const { id, ...rest } = p;
      await proposals.insertOne({ _id: id, ...rest });
    },
    async proposal(teamId, id) {
      const doc = await proposals.findOne({ _id: id, teamId });
      return doc ? toProposal(doc) : undefined;
    },
    async openProposals(teamId) {
      return (
        await proposals.find({ teamId, status: 'open' }).sort({ createdAt: -1 }).toArray()
      ).map(toProposal);
    },
    async vote(teamId, id, voter, approve) {
      // Two single-document updates, each atomic: concurrent votes by different members never
      // overwrite each other because each only adds or removes its own id.
      await proposals.updateOne(
        { _id: id, teamId, status: 'open' },
        approve
          ? { $addToSet: { approvals: voter }, $pull: { rejections: voter } }
          : { $addToSet: { rejections: voter }, $pull: { approvals: voter } },
      );
      return this.proposal(teamId, id);
    },
    async settleProposal(teamId, id, status) {
      const res = await proposals.updateOne(
        { _id: id, teamId, status: 'open' },
        { $set: { status } },
      );
      return res.modifiedCount === 1;
    },
  };
}

export const newId = () => randomUUID();
