import type { Db } from 'mongodb';
import {
  agreementCollections,
  type Agreement,
  type AgreementProposal,
  type Author,
} from '../agreements';
import { checkinCollections } from '../checkins';
import { belongsToTenant } from '../../people/domain/installation';
import type { PersonKey } from '../../platform/domain/person-key';
import type { PersonalDataRepository } from './personal-data';
import {
  createWallIndex,
  recognitionCollections,
  tagKey,
  wallEntryOf,
  type RecognitionDoc,
} from '../recognition';
import { createMemberships } from '../../people/memberships';
import { createRosterReader } from '../../people/rosters';
import { peopleCollections } from '../../people/people-collections';

type AgreementDoc = Omit<Agreement, 'id'> & { _id: string };
type ProposalDoc = Omit<AgreementProposal, 'id'> & { _id: string };

export const FORMER_MEMBER: Author = { aadObjectId: 'former-member', name: 'Former member' };

/**
 * Replaces every Author that is the given person with FORMER_MEMBER, wherever it sits in a
 * document (versions, events, objections, answers, ratifications). Returns whether it changed.
 */
function anonymise<T>(value: T, aad: string): { value: T; changed: boolean } {
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node instanceof Date || node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if (
      record.aadObjectId === aad &&
      typeof record.name === 'string' &&
      Object.keys(record).length === 2
    ) {
      changed = true;
      return { ...FORMER_MEMBER };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
  };
  return { value: walk(value) as T, changed };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds and erases one person's data across collections; trend documents are never touched.
 * A person is an object id within a tenant: every record is kept only when the team it belongs
 * to is installed in the caller's tenant (recognitions, votes, agreements and rosters by their
 * team, participation by its round's team).
 *
 * Long only as a factory: the repository's methods, each short, over the same collections.
 */
export function createPersonalDataRepository(db: Db): PersonalDataRepository {
  const wall = createWallIndex(db);
  const recognitions = db.collection<RecognitionDoc>(recognitionCollections.recognitions);
  const memberships = createMemberships(db);
  const rosters = createRosterReader(db);
  const conversations = db.collection<{ _id: string; tenantId: string; name?: string }>(
    peopleCollections.conversations,
  );
  const rounds = db.collection<{ _id: string; teamId: string }>(checkinCollections.checkinRounds);
  const participation = db.collection<{ _id: string; roundId: string }>(
    checkinCollections.checkinParticipation,
  );
  const proposals = db.collection<{
    _id: string;
    teamId: string;
    status: string;
    approvals: string[];
    rejections: string[];
  }>(checkinCollections.checkinProposals);
  const agreements = db.collection<AgreementDoc>(agreementCollections.agreements);
  const agreementProposals = db.collection<ProposalDoc>(agreementCollections.agreementProposals);

  const answeredPattern = (aad: string) => new RegExp(`\\|${escapeRegex(aad)}$`);

  /**
   * The tenant's teams among `teamIds`, with their names. A team with no installation record has
   * no known tenant, so it counts as no tenant's.
   */
  const teamsInTenant = async (teamIds: string[], tenantId: string) => {
    const docs = await Promise.all(
      [...new Set(teamIds)].map((_id) =>
        conversations.findOne({ _id }, { projection: { tenantId: 1, name: 1 } }),
      ),
    );
    return new Map(
      docs.flatMap((c) =>
        c && belongsToTenant(c.tenantId, tenantId) ? [[c._id, c.name ?? null] as const] : [],
      ),
    );
  };

  /** The person's entries in the rosters that hold them, found from their list of conversations. */
  const rosterEntries = async (tenantId: string, aad: string) => {
    const ids = await memberships.of(tenantId, aad);
    const entries = await Promise.all(
      ids.map(async (conversationId) => {
        const entry = (await rosters.members(conversationId)).find((m) => m.aadObjectId === aad);
        return entry ? [{ conversationId, name: entry.name }] : [];
      }),
    );
    return entries.flat();
  };

  /**
   * Everything stored under the person's object id, then kept to the teams of their tenant. Their
   * rosters and check-in rounds are looked up by key; recognitions, participation and votes are
   * searched across teams (by the `sender.aadObjectId` and `recipientIds` indexes on MongoDB, a
   * scan on FerretDB): a rare request by one person, which must find what they gave or received
   * in a team they have left.
   */
  const find = async ({ tenantId, aadObjectId: aad }: PersonKey) => {
    const [memberships, given, received, answered, votes] = await Promise.all([
      rosterEntries(tenantId, aad),
      recognitions.find({ 'sender.aadObjectId': aad }).sort({ createdAt: -1 }).toArray(),
      recognitions.find({ recipientIds: aad }).sort({ createdAt: -1 }).toArray(),
      participation.find({ _id: { $regex: answeredPattern(aad) } }).toArray(),
      proposals.find({ $or: [{ approvals: aad }, { rejections: aad }] }).toArray(),
    ]);
    const roundDocs = await Promise.all(
      answered.map((p) => rounds.findOne({ _id: p.roundId }, { projection: { teamId: 1 } })),
    );
    const roundTeams = new Map(roundDocs.flatMap((r) => (r ? [[r._id, r.teamId] as const] : [])));
    const teams = await teamsInTenant(
      [
        ...memberships.map((m) => m.conversationId),
        ...given.map((r) => r.teamId),
        ...received.map((r) => r.teamId),
        ...roundTeams.values(),
        ...votes.map((p) => p.teamId),
      ],
      tenantId,
    );
    const ours = (teamId: string | undefined) => teamId !== undefined && teams.has(teamId);
    return {
      teams,
      memberships: memberships.filter((m) => ours(m.conversationId)),
      given: given.filter((r) => ours(r.teamId)),
      received: received.filter((r) => ours(r.teamId)),
      answered: answered.filter((p) => ours(roundTeams.get(p.roundId))),
      votes: votes.filter((p) => ours(p.teamId)),
    };
  };

  const view = (r: RecognitionDoc) => ({
    id: r._id,
    teamId: r.teamId,
    from: r.sender.name,
    to: r.recipients.map((p) => p.name),
    tag: tagKey(r.tag),
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  });

  return {
    async collect(person) {
      const aad = person.aadObjectId;
      const { teams, memberships, given, received, answered, votes } = await find(person);
      const proposalsInTeams = await agreementProposals
        .find({ teamId: { $in: memberships.map((m) => m.conversationId) } })
        .toArray();
      const agreementActivity = {
        proposalsMade: proposalsInTeams
          .filter((p) => p.proposedBy.aadObjectId === aad)
          .map((p) => ({
            proposalId: p._id,
            agreementId: p.agreementId,
            teamId: p.teamId,
            kind: p.kind,
          })),
        endorsed: proposalsInTeams
          .filter((p) => p.endorsedBy.includes(aad))
          .map((p) => ({ proposalId: p._id, agreementId: p.agreementId, teamId: p.teamId })),
        objections: proposalsInTeams.flatMap((p) =>
          p.objections
            .filter((o) => o.by.aadObjectId === aad)
            .map((o) => ({ proposalId: p._id, reason: o.reason })),
        ),
        answers: proposalsInTeams.flatMap((p) =>
          p.objections.flatMap((o) =>
            o.answers
              .filter((a) => a.by.aadObjectId === aad)
              .map((a) => ({ proposalId: p._id, text: a.text })),
          ),
        ),
      };
      return {
        agreementActivity,
        memberships: memberships.map((m) => ({
          teamId: m.conversationId,
          name: teams.get(m.conversationId) ?? null,
          displayName: m.name,
        })),
        recognitionsGiven: given.map(view),
        recognitionsReceived: received.map(view),
        openRoundsAnswered: answered.map((p) => p.roundId),
        checkinVotes: votes.map((p) => ({
          proposalId: p._id,
          teamId: p.teamId,
          vote: p.approvals.includes(aad) ? ('approve' as const) : ('reject' as const),
        })),
      };
    },

    async erase(person) {
      const aad = person.aadObjectId;
      const { memberships, given, received, answered, votes } = await find(person);
      // Recognitions go whole (given or received): a message about someone is their data too.
      // Weekly counts are not decremented: they hold no names, and trends must not shift.
      const erased = new Map([...given, ...received].map((r) => [r._id, r]));
      const recognitionIds = [...erased.keys()];
      // Off the wall first: an index entry holds the recipients' ids.
      for (const r of erased.values()) await wall.remove(r.teamId, wallEntryOf(r));
      const deleted =
        recognitionIds.length === 0
          ? { deletedCount: 0 }
          : await recognitions.deleteMany({ _id: { $in: recognitionIds } });
      const decided = votes.filter((p) => p.status !== 'open').map((p) => p._id);
      const removedVotes =
        decided.length === 0
          ? { modifiedCount: 0 }
          : await proposals.updateMany(
              { _id: { $in: decided } },
              { $pull: { approvals: aad, rejections: aad } },
            );
      // Agreements are the team's shared text and stay; the person's name on them does not.
      // Endorsements of decided proposals go too (open ones still count until decided).
      const teams = memberships.map((m) => m.conversationId);
      let anonymised = 0;
      for (const doc of await agreements.find({ teamId: { $in: teams } }).toArray()) {
        const { value, changed } = anonymise(doc, aad);
        if (!changed) continue;
        const res = await agreements.replaceOne(
          { _id: doc._id, revision: doc.revision },
          { ...value, revision: doc.revision + 1 },
        );
        anonymised += res.modifiedCount;
      }
      for (const doc of await agreementProposals.find({ teamId: { $in: teams } }).toArray()) {
        const { value, changed } = anonymise(doc, aad);
        const endorsed = doc.status !== 'open' && doc.endorsedBy.includes(aad);
        if (!changed && !endorsed) continue;
        const endorsedBy = endorsed ? doc.endorsedBy.filter((id) => id !== aad) : doc.endorsedBy;
        const res = await agreementProposals.replaceOne(
          { _id: doc._id, revision: doc.revision },
          { ...value, endorsedBy, revision: doc.revision + 1 },
        );
        anonymised += res.modifiedCount;
      }
      return {
        recognitionsDeleted: deleted.deletedCount,
        checkinVotesRemoved: removedVotes.modifiedCount,
        agreementRecordsAnonymised: anonymised,
        openRoundParticipationKept: answered.length,
      };
    },
  };
}
