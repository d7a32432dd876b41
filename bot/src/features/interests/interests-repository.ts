import type { Db } from 'mongodb';
import type { PersonKey } from '../../platform/domain/person-key';
import { asFieldName, fromFieldName } from '../../platform/store/field-names';
import type { Circle, Talk, TeamInterests } from './domain/interests';
import type { InterestsRepository } from './domain/interests-ports';
import { interestsCollections } from './interests-collections';

/** Object ids of a circle's members or a talk's audience, as field names (see asFieldName). */
type People = Record<string, true>;

interface CircleDoc {
  label: string;
  /** Kept beside the members so that the last one out can remove the circle in one atomic update. */
  count: number;
  members: People;
}

type TalkDoc = Omit<Talk, 'id' | 'wanted'> & { wanted: People };

/** One document per team: its circles by escaped key, its talks by id. */
interface TeamDoc {
  _id: string;
  circles?: Record<string, CircleDoc>;
  talks?: Record<string, TalkDoc>;
}

/** The teams where a person keeps interests, so that export and erasure find them after they leave. */
export interface PersonDoc {
  _id: string;
  tenantId: string;
  aadObjectId: string;
  teams: string[];
}

export const personId = (person: PersonKey) => `${person.tenantId}|${person.aadObjectId}`;

const people = (field: People | undefined) => Object.keys(field ?? {}).map(fromFieldName);

const toTeam = (doc: TeamDoc | null): TeamInterests => ({
  circles: Object.entries(doc?.circles ?? {}).map(([key, c]): Circle => ({
    key: fromFieldName(key),
    label: c.label,
    members: people(c.members),
  })),
  talks: Object.entries(doc?.talks ?? {}).map(([id, t]): Talk => ({
    ...t,
    id,
    wanted: people(t.wanted),
  })),
});

const circlePath = (key: string) => `circles.${asFieldName(key)}`;
const talkPath = (id: string) => `talks.${asFieldName(id)}`;

/**
 * Interest circles' store. Each change is one update of the team's document by `_id`, guarded by
 * its condition (not yet a member, still a member, not yet invited); the app runs updates of one
 * document one at a time, so a guard and its change are atomic.
 */
export function createInterestsRepository(db: Db): InterestsRepository {
  const teams = db.collection<TeamDoc>(interestsCollections.interestTeams);
  const persons = db.collection<PersonDoc>(interestsCollections.interestPeople);

  return {
    team: async (teamId) => toTeam(await teams.findOne({ _id: teamId })),

    async join(teamId, key, label, member) {
      const circle = circlePath(key);
      const seat = `${circle}.members.${asFieldName(member)}`;
      await teams.updateOne({ _id: teamId }, { $setOnInsert: { circles: {} } }, { upsert: true });
      const started = await teams.updateOne(
        { _id: teamId, [circle]: { $exists: false } },
        { $set: { [circle]: { label, count: 1, members: { [asFieldName(member)]: true } } } },
      );
      if (started.modifiedCount === 1) return;
      await teams.updateOne(
        { _id: teamId, [seat]: { $exists: false } },
        { $set: { [seat]: true }, $inc: { [`${circle}.count`]: 1 } },
      );
    },

    async leave(teamId, key, member) {
      const circle = circlePath(key);
      const seat = `${circle}.members.${asFieldName(member)}`;
      const left = await teams.updateOne(
        { _id: teamId, [seat]: { $exists: true } },
        { $unset: { [seat]: '' }, $inc: { [`${circle}.count`]: -1 } },
      );
      if (left.modifiedCount === 1)
        await teams.updateOne(
          { _id: teamId, [`${circle}.count`]: { $lte: 0 } },
          { $unset: { [circle]: '' } },
        );
    },

    async addTalk(teamId, { id, wanted, ...talk }) {
      const members = Object.fromEntries(wanted.map((m) => [asFieldName(m), true as const]));
      await teams.updateOne(
        { _id: teamId },
        { $set: { [talkPath(id)]: { ...talk, wanted: members } } },
        { upsert: true },
      );
    },

    async forgetTalks(teamId, ids) {
      if (ids.length === 0) return;
      await teams.updateOne(
        { _id: teamId },
        { $unset: Object.fromEntries(ids.map((id) => [talkPath(id), ''])) },
      );
    },

    async wantTalk(teamId, talkId, member) {
      const talk = talkPath(talkId);
      const res = await teams.updateOne(
        { _id: teamId, [talk]: { $exists: true } },
        { $set: { [`${talk}.wanted.${asFieldName(member)}`]: true } },
      );
      return res.matchedCount === 1;
    },

    async unwantTalks(teamId, ids, member) {
      if (ids.length === 0) return;
      const seat = (id: string) => `${talkPath(id)}.wanted.${asFieldName(member)}`;
      await teams.updateOne(
        { _id: teamId },
        { $unset: Object.fromEntries(ids.map((id) => [seat(id), ''])) },
      );
    },

    async markInvited(teamId, talkId, at) {
      const talk = talkPath(talkId);
      const res = await teams.updateOne(
        { _id: teamId, [talk]: { $exists: true }, [`${talk}.invitedAt`]: { $exists: false } },
        { $set: { [`${talk}.invitedAt`]: at } },
      );
      return res.modifiedCount === 1;
    },

    async noteTeam(person, teamId) {
      await persons.updateOne(
        { _id: personId(person) },
        {
          $set: { tenantId: person.tenantId, aadObjectId: person.aadObjectId },
          $addToSet: { teams: teamId },
        },
        { upsert: true },
      );
    },
  };
}
