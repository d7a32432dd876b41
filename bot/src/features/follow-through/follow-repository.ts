import type { Db } from 'mongodb';
import type { PersonKey } from '../../platform/domain/person-key';
import { createListing } from '../../platform/store/listings';
import { followCollections } from './follow-collections';
import type { Action } from './domain/follow-through';
import type { FollowRepository, FollowRound, LastRound } from './domain/follow-ports';

export interface RoundDoc extends Omit<FollowRound, 'id' | 'comments' | 'themes'> {
  _id: string;
  comments?: FollowRound['comments'];
  themes?: FollowRound['themes'];
}

export interface ActionDoc extends Omit<Action, 'id'> {
  _id: string;
}

/** The teams where a person replied or volunteered: what their export and erasure read. */
export interface SignerDoc {
  _id: string;
  teams: string[];
}

export const signerId = (person: PersonKey) => `${person.tenantId}|${person.aadObjectId}`;

interface TeamDoc {
  _id: string;
  lastRound?: LastRound;
}

const toRound = ({ _id, comments, themes, ...rest }: RoundDoc): FollowRound => ({
  id: _id,
  ...rest,
  comments: comments ?? {},
  themes: themes ?? [],
});
const toAction = ({ _id, ...rest }: ActionDoc): Action => ({ id: _id, ...rest });

/**
 * Follow-through's records, each read by `_id`: a round's follow-up under the round's own id, an
 * action under its id (the team's listing finds them), the team's last summarized round under the
 * team's id. A comment's replies and "heard" sit under its place in the round (`comments.c<n>`),
 * so each change is one atomic update of one field.
 */
export function createFollowRepository(db: Db): FollowRepository {
  const rounds = db.collection<RoundDoc>(followCollections.followRounds);
  const actions = db.collection<ActionDoc>(followCollections.followActions);
  const teams = db.collection<TeamDoc>(followCollections.followTeams);
  const people = db.collection<SignerDoc>(followCollections.followPeople);
  const teamRounds = createListing(db, 'follow-rounds');
  const teamActions = createListing(db, 'follow-actions');

  return {
    async noteSigner(tenantId, aadObjectId, teamId) {
      await people.updateOne(
        { _id: signerId({ tenantId, aadObjectId }) },
        { $addToSet: { teams: teamId } },
        { upsert: true },
      );
    },
    async ensureRound({ id, teamId, week }) {
      await teamRounds.add(teamId, id);
      await rounds.updateOne({ _id: id }, { $setOnInsert: { teamId, week } }, { upsert: true });
    },
    async setSummary(roundId, summary) {
      const res = await rounds.updateOne(
        { _id: roundId, summary: { $exists: false } },
        { $set: { summary } },
      );
      return res.modifiedCount === 1;
    },
    async round(teamId, roundId) {
      const doc = await rounds.findOne({ _id: roundId, teamId });
      return doc ? toRound(doc) : undefined;
    },
    async rounds(teamId) {
      const ids = await teamRounds.ids(teamId);
      const docs = await Promise.all(ids.map((_id) => rounds.findOne({ _id, teamId })));
      return docs.flatMap((d) => (d ? [toRound(d)] : []));
    },
    async addReply(teamId, roundId, key, reply) {
      await rounds.updateOne(
        { _id: roundId, teamId },
        { $push: { [`comments.${key}.replies`]: reply } },
      );
    },
    async markHeard(teamId, roundId, key, at) {
      await rounds.updateOne(
        { _id: roundId, teamId, [`comments.${key}.heardAt`]: { $exists: false } },
        { $set: { [`comments.${key}.heardAt`]: at } },
      );
    },
    async setThemes(teamId, roundId, themes) {
      await rounds.updateOne({ _id: roundId, teamId }, { $set: { themes } });
    },
    async setNote(roundId, note) {
      const res = await rounds.updateOne(
        { _id: roundId, postedAt: { $exists: false } },
        { $set: { note } },
      );
      return res.matchedCount === 1;
    },
    async markPosted(roundId, at) {
      await rounds.updateOne(
        { _id: roundId, postedAt: { $exists: false } },
        { $set: { postedAt: at } },
      );
    },
    async lastRound(teamId) {
      return (await teams.findOne({ _id: teamId }))?.lastRound;
    },
    async setLastRound(teamId, lastRound) {
      await teams.updateOne({ _id: teamId }, { $set: { lastRound } }, { upsert: true });
    },
    async createAction(action) {
      const { id, ...rest } = action;
      await teamActions.add(action.teamId, id);
      await actions.insertOne({ _id: id, ...rest });
    },
    async action(teamId, id) {
      const doc = await actions.findOne({ _id: id, teamId });
      return doc ? toAction(doc) : undefined;
    },
    async actions(teamId) {
      const ids = await teamActions.ids(teamId);
      const docs = await Promise.all(ids.map((_id) => actions.findOne({ _id, teamId })));
      return docs.flatMap((d) => (d ? [toAction(d)] : []));
    },
    async changeAction(teamId, id, change) {
      const set: Record<string, unknown> = {};
      const unset: Record<string, ''> = {};
      for (const [key, value] of Object.entries(change)) {
        if (value === undefined) unset[key] = '';
        else set[key] = value;
      }
      await actions.updateOne(
        { _id: id, teamId },
        {
          ...(Object.keys(set).length ? { $set: set } : {}),
          ...(Object.keys(unset).length ? { $unset: unset } : {}),
        },
      );
    },
  };
}
