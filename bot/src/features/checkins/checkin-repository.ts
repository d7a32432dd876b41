import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  commentId,
  MIN_GROUP_FLOOR,
  publishableCheckBacks,
  publishableResult,
  weekTotalsFromRounds,
  type CheckinSettings,
  type RoundResult,
  type ValidAnswer,
} from './domain/checkin';
import type {
  CheckinRepository,
  ClosedRound,
  Round,
  SettingsProposal,
} from './domain/checkin-ports';
import { defaultSettingsIn } from './checkin-defaults';
import { createListing } from '../../platform/store/listings';
import { isDuplicateKey } from '../../platform/store/mongo-errors';
import { roundResultsOf, type TrustWeekCounter } from '../trust-health';
import { checkinCollections } from './checkin-collections';

export interface RoundDoc extends Omit<Round, 'id'> {
  _id: string;
  answers: number;
  /** Anonymous sums of the scores, read by nobody until the round closes. */
  sums?: RoundResult['sums'];
  /** Anonymous sums of the check-back answers, by action id, dropped with `sums` at the close. */
  checkBackSums?: Record<string, { sum: number; count: number }>;
  /** What the close left that may be shown, kept so a repeated close can tell it again. */
  closed?: { at: Date; result: RoundResult; checkBacks: ClosedRound['checkBacks'] };
  /** Comments in random order, rewritten whole on each insert so storage order says nothing. */
  comments: string[];
  revision: number;
  /**
   * Random tokens of the answers counted so far, one per participation record, so that an answer
   * retried after a lost connection is counted once. They say who answered (as participation
   * does) but nothing of what; they are dropped when the round closes.
   */
  applied?: Record<string, 1>;
  /** Set once the result is in the team's week and participation is gone. */
  published?: boolean;
}

interface ParticipationDoc {
  _id: string;
  roundId: string;
  token?: string;
}

/** The date part of a round id (`<teamId>|<local date>`): the key of its result in the week. */
const roundKey = (roundId: string) => roundId.slice(roundId.lastIndexOf('|') + 1);

/** The `$inc` that adds one answer's scores to a round's sums. */
function answerIncrements(answer: ValidAnswer): Record<string, number> {
  const inc: Record<string, number> = { answers: 1 };
  for (const { trait, score } of answer.scores) {
    inc[`sums.${trait}.sum`] = (inc[`sums.${trait}.sum`] ?? 0) + score;
    inc[`sums.${trait}.count`] = (inc[`sums.${trait}.count`] ?? 0) + 1;
  }
  for (const { id, score } of answer.checkBacks ?? []) {
    inc[`checkBackSums.${id}.sum`] = score;
    inc[`checkBackSums.${id}.count`] = 1;
  }
  return inc;
}

const metMinimum = (d: RoundDoc) => d.answers >= Math.max(MIN_GROUP_FLOOR, d.minGroupSize);

/** A closed round's comments, each with its id (see commentId). */
const commentsOf = (d: RoundDoc) =>
  (d.comments ?? []).map((text, i) => ({ id: commentId(roundKey(d._id), i), text }));

interface ProposalDoc extends Omit<SettingsProposal, 'id'> {
  _id: string;
}

const toRound = ({
  _id,
  answers: _a,
  sums: _s,
  checkBackSums: _k,
  closed: _d,
  comments: _c,
  revision: _r,
  applied: _t,
  published: _p,
  ...rest
}: RoundDoc): Round => ({ id: _id, ...rest });
const toProposal = ({ _id, ...rest }: ProposalDoc): SettingsProposal => ({ id: _id, ...rest });

/**
 * Every query names an `_id`, served by the `_id` index on MongoDB and on FerretDB: settings by
 * team, a round by its id, participation by round and member, a proposal by `{_id, teamId}`. What
 * belongs to a team or a round is found through its listing (listings.ts): the team's rounds
 * (feedback), its open proposals, and the participation records of an open round (deleted by key
 * when it closes).
 *
 * Long only as a factory: the repository's methods, each short, over the same collections.
 */
export function createCheckinRepository(db: Db, weeks: TrustWeekCounter): CheckinRepository {
  const settings = db.collection<{
    _id: string;
    checkin?: CheckinSettings;
    leads?: string[];
    /** The round open now: key lookups answer "is one open?" without listing rounds. */
    openRound?: string;
  }>(checkinCollections.teamSettings);
  const rounds = db.collection<RoundDoc>(checkinCollections.checkinRounds);
  const participation = db.collection<ParticipationDoc>(checkinCollections.checkinParticipation);
  const proposals = db.collection<ProposalDoc>(checkinCollections.checkinProposals);
  const teamRounds = createListing(db, 'checkin-rounds');
  const participants = createListing(db, 'checkin-participation');
  const openProposalList = createListing(db, 'checkin-proposals');

  /** True when the answer carrying `token` is already in the round's sums. */
  const isCounted = async (roundId: string, token: string) => {
    const doc = await rounds.findOne({ _id: roundId }, { projection: { [`applied.${token}`]: 1 } });
    return doc?.applied?.[token] === 1;
  };

  /**
   * Adds one answer to an open round in one atomic update, named by its token so a retry never
   * counts it twice. A comment is placed at a random position, which needs the comments read
   * first: the update then also requires the revision read, and is tried again on a race.
   */
  const countAnswer = async (
    roundId: string,
    token: string,
    answer: ValidAnswer,
  ): Promise<'recorded' | 'closed'> => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const doc = await rounds.findOne(
        { _id: roundId },
        { projection: { status: 1, revision: 1, comments: 1, [`applied.${token}`]: 1 } },
      );
      if (doc?.applied?.[token] === 1) return 'recorded';
      if (!doc || doc.status !== 'open') return 'closed';
      const comments = [...(doc.comments ?? [])];
      if (answer.freeText) comments.splice(randomInt(comments.length + 1), 0, answer.freeText);
      const res = await rounds.updateOne(
        { _id: roundId, status: 'open', revision: doc.revision },
        {
          $inc: { ...answerIncrements(answer), revision: 1 },
          $set: { [`applied.${token}`]: 1, ...(answer.freeText ? { comments } : {}) },
        },
      );
      if (res.matchedCount === 1) return 'recorded';
    }
    throw new Error(`could not count an answer in round ${roundId}: too much contention`);
  };

  return {
    async config(teamId) {
      const doc = await settings.findOne({ _id: teamId });
      return {
        settings: { ...defaultSettingsIn(doc?.checkin?.language), ...doc?.checkin },
        leads: doc?.leads ?? [],
        languageChosen: Boolean(doc?.checkin?.language),
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
      await teamRounds.add(round.teamId, id);
      try {
        await rounds.insertOne({ _id: id, ...rest, answers: 0, comments: [], revision: 0 });
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
      await settings.updateOne(
        { _id: round.teamId },
        { $set: { openRound: round.id } },
        { upsert: true },
      );
      return true;
    },
    async openRoundId(teamId) {
      const doc = await settings.findOne({ _id: teamId }, { projection: { openRound: 1 } });
      return doc?.openRound;
    },
    async round(roundId) {
      const doc = await rounds.findOne({ _id: roundId });
      return doc ? toRound(doc) : undefined;
    },
    async recordAnswer(round, aadObjectId, answer: ValidAnswer) {
      // Participation carries no time and no link to the answer: only "this member answered",
      // and the token that makes counting the answer safe to repeat.
      const _id = `${round.id}|${aadObjectId}`;
      let token: string = randomUUID();
      await participants.add(round.id, _id);
      try {
        await participation.insertOne({ _id, roundId: round.id, token });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const existing = await participation.findOne({ _id });
        // A first try that stored participation but lost its answer to a crash may finish.
        if (!existing?.token || (await isCounted(round.id, existing.token)))
          return 'already-answered';
        token = existing.token;
      }
      const outcome = await countAnswer(round.id, token, answer);
      // A close between the caller's check and here deletes participation; so must we.
      if (outcome === 'closed') {
        await participation.deleteOne({ _id });
        await participants.remove(round.id, _id);
      }
      return outcome;
    },
    async participation(roundId) {
      const doc = await rounds.findOne({ _id: roundId }, { projection: { answers: 1 } });
      return doc?.answers ?? 0;
    },
    async answeredBy(roundId, aadObjectIds) {
      const docs = await Promise.all(
        aadObjectIds.map((a) => participation.findOne({ _id: `${roundId}|${a}` })),
      );
      return new Set(docs.flatMap((d) => (d ? [d._id.slice(roundId.length + 1)] : [])));
    },
    async closeRound(roundId, now) {
      // Closed first: from here on no answer can change the sums read below.
      const doc = await rounds.findOneAndUpdate(
        { _id: roundId },
        { $set: { status: 'closed' } },
        { returnDocument: 'after' },
      );
      if (!doc) return undefined;
      const closedRound = (closed: NonNullable<RoundDoc['closed']>): ClosedRound => ({
        round: toRound(doc),
        closedAt: closed.at,
        result: closed.result,
        comments: doc.comments?.length ?? 0,
        checkBacks: closed.checkBacks,
      });
      if (doc.published && doc.closed) return closedRound(doc.closed);
      const result = publishableResult({
        answers: doc.answers,
        invited: doc.invited,
        minGroupSize: doc.minGroupSize,
        sums: doc.sums ?? {},
      });
      const closed = {
        at: doc.closed?.at ?? now,
        result,
        checkBacks: publishableCheckBacks(result, doc.checkBackSums ?? {}),
      };
      if (doc.published) {
        // Closed before check-backs existed: what it left is written down now, once.
        await rounds.updateOne({ _id: roundId }, { $set: { closed } });
        return closedRound(closed);
      }
      // A `$set` under the round's own key: repeating a close after a crash changes nothing.
      await weeks.publishRound(doc.teamId, doc.week, roundKey(roundId), result);
      // Participation only serves nudges and the one-answer rule, both over once a round closes.
      const answered = await participants.ids(roundId);
      await Promise.all(answered.map((_id) => participation.deleteOne({ _id })));
      await participants.drop(roundId);
      await settings.updateOne(
        { _id: doc.teamId, openRound: roundId },
        { $unset: { openRound: '' } },
      );
      await rounds.updateOne(
        { _id: roundId },
        { $set: { published: true, closed }, $unset: { applied: '', sums: '', checkBackSums: '' } },
      );
      return closedRound(closed);
    },
    async weekTotals(teamId, keys) {
      const byWeek = await weeks.weeks(teamId, keys);
      return keys.map((week) => {
        const bucket = byWeek.get(week);
        return weekTotalsFromRounds(week, roundResultsOf(bucket), bucket?.recognitions ?? {});
      });
    },
    async feedback(teamId, limit) {
      // Newest first by opening date (the id's last part), read a batch at a time until `limit`
      // closed rounds are found.
      const ids = (await teamRounds.ids(teamId)).sort((a, b) =>
        roundKey(a) < roundKey(b) ? 1 : roundKey(a) > roundKey(b) ? -1 : 0,
      );
      const docs: RoundDoc[] = [];
      for (let start = 0; start < ids.length && docs.length < limit; start += limit) {
        const batch = await Promise.all(
          ids.slice(start, start + limit).map((_id) => rounds.findOne({ _id, teamId })),
        );
        for (const d of batch) if (d?.status === 'closed' && docs.length < limit) docs.push(d);
      }
      return docs.flatMap((d) =>
        metMinimum(d) && d.comments?.length
          ? [{ roundId: d._id, week: d.week, comments: commentsOf(d) }]
          : [],
      );
    },
    async roundComments(teamId, roundId) {
      const doc = await rounds.findOne({ _id: roundId, teamId });
      if (!doc) return 'unknown';
      if (doc.status !== 'closed') return 'open';
      return metMinimum(doc) ? commentsOf(doc) : 'below-minimum';
    },
    async createProposal(p) {
      const { id, ...rest } = p;
      if (p.status === 'open') await openProposalList.add(p.teamId, id);
      await proposals.insertOne({ _id: id, ...rest });
    },
    async proposal(teamId, id) {
      const doc = await proposals.findOne({ _id: id, teamId });
      return doc ? toProposal(doc) : undefined;
    },
    async openProposals(teamId) {
      const ids = await openProposalList.ids(teamId);
      const docs = await Promise.all(ids.map((_id) => proposals.findOne({ _id, teamId })));
      return docs
        .flatMap((d) => (d?.status === 'open' ? [toProposal(d)] : []))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
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
      // After the change, so a crash leaves a settled proposal listed (and skipped), never an
      // open one unlisted; whoever settles it, the listing loses it.
      await openProposalList.remove(teamId, id);
      return res.modifiedCount === 1;
    },
  };
}

export const newId = () => randomUUID();
