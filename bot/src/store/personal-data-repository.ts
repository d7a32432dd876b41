import type { Db } from 'mongodb';
import type { PersonalDataRepository } from '../domain/personal-data';
import { tagKey, type Person, type RecognitionTag } from '../domain/recognition';
import { collections } from './collections';

interface RecognitionDoc {
  _id: string;
  teamId: string;
  sender: Person;
  recipients: Person[];
  recipientIds: string[];
  tag: RecognitionTag;
  message: string;
  createdAt: Date;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds and erases one person's data across collections; trend documents are never touched. */
export function createPersonalDataRepository(db: Db): PersonalDataRepository {
  const recognitions = db.collection<RecognitionDoc>(collections.recognitions);
  const members = db.collection<{ conversationId: string; aadObjectId: string; name: string }>(
    collections.members,
  );
  const conversations = db.collection<{ _id: string; name?: string }>(collections.conversations);
  const participation = db.collection<{ _id: string; roundId: string }>(
    collections.checkinParticipation,
  );
  const proposals = db.collection<{
    _id: string;
    teamId: string;
    approvals: string[];
    rejections: string[];
  }>(collections.checkinProposals);
  const answeredPattern = (aad: string) => new RegExp(`\\|${escapeRegex(aad)}$`);
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
    async collect(aad) {
      const [memberships, given, received, answered, votes] = await Promise.all([
        members.find({ aadObjectId: aad }).toArray(),
        recognitions.find({ 'sender.aadObjectId': aad }).sort({ createdAt: -1 }).toArray(),
        recognitions.find({ recipientIds: aad }).sort({ createdAt: -1 }).toArray(),
        participation.find({ _id: { $regex: answeredPattern(aad) } }).toArray(),
        proposals.find({ $or: [{ approvals: aad }, { rejections: aad }] }).toArray(),
      ]);
      const names = new Map(
        (
          await conversations
            .find({ _id: { $in: memberships.map((m) => m.conversationId) } })
            .toArray()
        ).map((c) => [c._id, c.name ?? null]),
      );
      return {
        memberships: memberships.map((m) => ({
          teamId: m.conversationId,
          name: names.get(m.conversationId) ?? null,
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

    async erase(aad) {
      // Recognitions go whole (given or received): a message about someone is their data too.
      // Weekly counts are not decremented: they hold no names, and trends must not shift.
      const deleted = await recognitions.deleteMany({
        $or: [{ 'sender.aadObjectId': aad }, { recipientIds: aad }],
      });
      const votes = await proposals.updateMany(
        { status: { $ne: 'open' }, $or: [{ approvals: aad }, { rejections: aad }] },
        { $pull: { approvals: aad, rejections: aad } },
      );
      const kept = await participation.countDocuments({ _id: { $regex: answeredPattern(aad) } });
      return {
        recognitionsDeleted: deleted.deletedCount,
        checkinVotesRemoved: votes.modifiedCount,
        openRoundParticipationKept: kept,
      };
    },
  };
}
