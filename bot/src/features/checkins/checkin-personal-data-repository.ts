import type { Db } from 'mongodb';
import { z } from 'zod';
import type { PersonKey } from '../../platform/domain/person-key';
import type { PersonalDataPart, PersonalDataScope } from '../../platform/domain/personal-data';
import { checkinCollections } from './checkin-collections';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A person's answers to open rounds (participation, kept by its round's team) and their votes on
 * the leads' settings proposals. Both are searched across teams: a rare request by one person,
 * which must find what they left in a team they have left.
 */
export function createCheckinPersonalData(db: Db): PersonalDataPart {
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

  const find = async ({ aadObjectId: aad }: PersonKey, scope: PersonalDataScope) => {
    const [answered, votes] = await Promise.all([
      participation.find({ _id: { $regex: new RegExp(`\\|${escapeRegex(aad)}$`) } }).toArray(),
      proposals.find({ $or: [{ approvals: aad }, { rejections: aad }] }).toArray(),
    ]);
    const roundDocs = await Promise.all(
      answered.map((p) => rounds.findOne({ _id: p.roundId }, { projection: { teamId: 1 } })),
    );
    const roundTeams = new Map(roundDocs.flatMap((r) => (r ? [[r._id, r.teamId] as const] : [])));
    const teams = await scope.inTenant([...roundTeams.values(), ...votes.map((p) => p.teamId)]);
    const ours = (teamId: string | undefined) => teamId !== undefined && teams.has(teamId);
    return {
      answered: answered.filter((p) => ours(roundTeams.get(p.roundId))),
      votes: votes.filter((p) => ours(p.teamId)),
    };
  };

  return {
    exported: {
      openRoundsAnswered: z.array(z.string()),
      checkinVotes: z.array(
        z.strictObject({
          proposalId: z.string(),
          teamId: z.string(),
          vote: z.enum(['approve', 'reject']),
        }),
      ),
    },

    async collect(person, scope) {
      const { answered, votes } = await find(person, scope);
      return {
        // Only open rounds: closed rounds keep no participation.
        openRoundsAnswered: answered.map((p) => p.roundId),
        checkinVotes: votes.map((p) => ({
          proposalId: p._id,
          teamId: p.teamId,
          vote: p.approvals.includes(person.aadObjectId) ? 'approve' : 'reject',
        })),
      };
    },

    async erase(person, scope) {
      const aad = person.aadObjectId;
      const { answered, votes } = await find(person, scope);
      // Votes on open proposals still count until decided.
      const decided = votes.filter((p) => p.status !== 'open').map((p) => p._id);
      const removed =
        decided.length === 0
          ? { modifiedCount: 0 }
          : await proposals.updateMany(
              { _id: { $in: decided } },
              { $pull: { approvals: aad, rejections: aad } },
            );
      return {
        checkinVotesRemoved: removed.modifiedCount,
        // Kept until their round closes, so the one-answer rule holds; then deleted with the round's.
        openRoundParticipationKept: answered.length,
      };
    },
  };
}
