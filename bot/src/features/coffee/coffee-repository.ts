import type { Db } from 'mongodb';
import { isDuplicateKey } from '../../platform/store/mongo-errors';
import { asFieldName, fromFieldName } from '../../platform/store/field-names';
import type { PersonKey } from '../../platform/domain/person-key';
import {
  defaultCoffeeSettings,
  RECENT_ROUNDS_SHOWN,
  type CoffeeSettings,
  type MeetingOutcome,
} from './domain/coffee';
import type {
  CoffeeProfile,
  CoffeeRepository,
  CoffeeRound,
  Programme,
} from './domain/coffee-ports';
import { coffeeCollections } from './coffee-collections';

/** The programme under its team's id; members are keyed by object id written as field names. */
export type ProgrammeDoc = Omit<Programme, 'teamId'> & { _id: string };

/** FerretDB stores no arrays inside arrays, so each group is an object holding its members. */
export type RoundDoc = Omit<CoffeeRound, 'id' | 'groups'> & {
  _id: string;
  groups: { members: string[] }[];
};

export const groupsOf = (doc: Pick<RoundDoc, 'groups'>): string[][] =>
  doc.groups.map((g) => g.members);

export interface ProfileDoc extends CoffeeProfile {
  _id: string;
  tenantId: string;
  aadObjectId: string;
  /** The teams whose programme the person joined: where export and erasure look. */
  teams: string[];
}

const decodeKeys = <V>(record: Record<string, V> | undefined): Record<string, V> =>
  Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [fromFieldName(k), v]));

export const roundId = (teamId: string, seq: number) => `${teamId}|${seq}`;
export const profileId = (person: PersonKey) => `${person.tenantId}|${person.aadObjectId}`;

const toProgramme = (doc: ProgrammeDoc): Programme => ({
  teamId: doc._id,
  settings: { ...defaultCoffeeSettings(), ...doc.settings },
  members: decodeKeys(doc.members),
  roundSeq: doc.roundSeq ?? 0,
  oldestKept: doc.oldestKept ?? 1,
  recent: doc.recent ?? [],
  invitedAt: doc.invitedAt,
});

const toRound = ({ _id, ...rest }: RoundDoc): CoffeeRound => ({
  id: _id,
  ...rest,
  groups: groupsOf(rest),
  answers: decodeKeys(rest.answers),
});

const toProfile = (doc: ProfileDoc | null): CoffeeProfile =>
  doc ? { timeZone: doc.timeZone, zoneSource: doc.zoneSource, workingHours: doc.workingHours } : {};

/**
 * The defaults a programme starts with, written only when its document is first created. The
 * members map is left out: an upsert that sets one member creates it.
 */
const newProgramme = (settings?: CoffeeSettings) => ({
  ...(settings ? {} : { settings: defaultCoffeeSettings() }),
  roundSeq: 0,
  oldestKept: 1,
  recent: [],
});

/** How many profiles are read at once when a round needs everyone's hours. */
const PROFILE_READS_IN_FLIGHT = 32;

/**
 * Virtual coffee's store: one programme document per team, one document per round, one profile
 * per person. Every read and write names its document by `_id`.
 */
export function createCoffeeRepository(db: Db): CoffeeRepository {
  const programmes = db.collection<ProgrammeDoc>(coffeeCollections.coffeeProgrammes);
  const rounds = db.collection<RoundDoc>(coffeeCollections.coffeeRounds);
  const profiles = db.collection<ProfileDoc>(coffeeCollections.coffeeProfiles);

  const readProfile = async (tenantId: string, aadObjectId: string) =>
    toProfile(await profiles.findOne({ _id: profileId({ tenantId, aadObjectId }) }));

  return {
    async programme(teamId) {
      const doc = await programmes.findOne({ _id: teamId });
      return doc ? toProgramme(doc) : undefined;
    },

    async saveSettings(teamId, settings) {
      await programmes.updateOne(
        { _id: teamId },
        { $set: { settings }, $setOnInsert: newProgramme(settings) },
        { upsert: true },
      );
    },

    async markInvited(teamId, at) {
      const res = await programmes.updateOne(
        { _id: teamId, invitedAt: { $exists: false } },
        { $set: { invitedAt: at } },
      );
      return res.modifiedCount === 1;
    },

    async putMember(teamId, member, value) {
      await programmes.updateOne(
        { _id: teamId },
        { $set: { [`members.${asFieldName(member)}`]: value }, $setOnInsert: newProgramme() },
        { upsert: true },
      );
    },

    async removeMember(teamId, member) {
      await programmes.updateOne(
        { _id: teamId },
        { $unset: { [`members.${asFieldName(member)}`]: '' } },
      );
    },

    async createRound(round) {
      const { id, groups, ...rest } = round;
      try {
        await rounds.insertOne({
          _id: id,
          ...rest,
          groups: groups.map((members) => ({ members })),
        });
        return round;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const stored = await rounds.findOne({ _id: id });
        if (!stored) throw err;
        return toRound(stored);
      }
    },

    async advanceTo(teamId, seq) {
      const res = await programmes.updateOne(
        { _id: teamId, roundSeq: { $lt: seq } },
        { $set: { roundSeq: seq } },
      );
      return res.modifiedCount === 1;
    },

    async round(id) {
      const doc = await rounds.findOne({ _id: id });
      return doc ? toRound(doc) : undefined;
    },

    async rounds(teamId, seqs) {
      const docs = await Promise.all(seqs.map((s) => rounds.findOne({ _id: roundId(teamId, s) })));
      return docs.filter((d): d is RoundDoc => d !== null).map(toRound);
    },

    async answer(id, member, outcome: MeetingOutcome) {
      const res = await rounds.updateOne(
        { _id: id, closed: false },
        { $set: { [`answers.${asFieldName(member)}`]: outcome } },
      );
      return res.matchedCount === 1;
    },

    async closeRound(round, counts, ignored, paused) {
      const res = await rounds.updateOne(
        { _id: round.id, closed: false },
        { $set: { closed: true, answers: {} } },
      );
      if (res.modifiedCount !== 1) return false;
      const set: Record<string, unknown> = {};
      for (const [member, count] of Object.entries(ignored))
        set[`members.${asFieldName(member)}.ignoredInARow`] = count;
      for (const member of paused) set[`members.${asFieldName(member)}.pausedUntil`] = null;
      await programmes.updateOne(
        { _id: round.teamId },
        {
          $set: set,
          $push: { recent: { $each: [counts], $slice: -RECENT_ROUNDS_SHOWN } },
        },
      );
      return true;
    },

    async forgetRoundsBefore(teamId, keepFrom) {
      const programme = await programmes.findOne(
        { _id: teamId },
        { projection: { oldestKept: 1 } },
      );
      const from = programme?.oldestKept ?? 1;
      // One delete per round by `_id`: a delete by range would scan every team's rounds on FerretDB.
      for (let seq = from; seq < keepFrom; seq++)
        await rounds.deleteOne({ _id: roundId(teamId, seq) });
      if (keepFrom > from)
        await programmes.updateOne({ _id: teamId }, { $max: { oldestKept: keepFrom } });
    },

    profile: (person) => readProfile(person.tenantId, person.aadObjectId),

    async profiles(tenantId, members) {
      const found = new Map<string, CoffeeProfile>();
      for (let i = 0; i < members.length; i += PROFILE_READS_IN_FLIGHT) {
        const batch = members.slice(i, i + PROFILE_READS_IN_FLIGHT);
        const read = await Promise.all(batch.map((m) => readProfile(tenantId, m)));
        batch.forEach((m, j) => found.set(m, read[j]));
      }
      return found;
    },

    async saveProfile(person, teamId, profile) {
      await profiles.updateOne(
        { _id: profileId(person) },
        {
          $set: { ...profile, tenantId: person.tenantId, aadObjectId: person.aadObjectId },
          $addToSet: { teams: teamId },
        },
        { upsert: true },
      );
    },

    async observeZone(person, timeZone) {
      const _id = profileId(person);
      const current = await profiles.findOne(
        { _id },
        { projection: { timeZone: 1, zoneSource: 1 } },
      );
      if (current?.zoneSource === 'member' || current?.timeZone === timeZone) return;
      await profiles.updateOne(
        { _id },
        {
          $set: { timeZone, zoneSource: 'teams' },
          $setOnInsert: { tenantId: person.tenantId, aadObjectId: person.aadObjectId, teams: [] },
        },
        { upsert: true },
      );
    },
  };
}
