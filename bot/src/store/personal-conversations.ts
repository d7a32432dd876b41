import type { Db } from 'mongodb';
import { collections } from './collections';

interface MemberConversationFields {
  aadObjectId: string;
  /** The member's 1:1 conversation with the bot, once known: later sends skip creating it. */
  personalConversationId?: string;
  /** Set when Teams refused a message because the member blocked the bot (or it is not theirs). */
  unreachable?: { code: string; since: Date };
}

export interface PersonalConversations {
  /** Known 1:1 conversation ids by aadObjectId, for the given people. */
  find(aadObjectIds: string[]): Promise<Map<string, string>>;
  /**
   * Stores each person's 1:1 conversation id on all their roster entries: one read finds the
   * entries, then each is
   * updated by `_id` (the only filter FerretDB answers from its index; by aadObjectId every
   * update would scan the whole roster: 220 ms each with 2,500 members, against 15 ms).
   */
  rememberAll(conversations: Map<string, string>): Promise<void>;
  /**
   * Marks the person unreachable and forgets their 1:1 conversation, as Teams asks on a 403
   * "ConversationBlockedByUser". Whoever enqueues reminders should skip them until they write to
   * the bot again (then `reachable` clears the mark).
   */
  markUnreachable(aadObjectId: string, code: string, at: Date): Promise<void>;
  reachable(aadObjectId: string): Promise<void>;
  /** Which of these people are marked unreachable (reminders skip them). */
  unreachableAmong(aadObjectIds: string[]): Promise<Set<string>>;
}

/**
 * The member-side facts about proactive messaging, kept on the roster documents (one per
 * conversation the person belongs to, all updated together by aadObjectId).
 */
export function createPersonalConversations(db: Db): PersonalConversations {
  const members = db.collection<MemberConversationFields>(collections.members);
  return {
    async find(aadObjectIds) {
      const found = new Map<string, string>();
      if (aadObjectIds.length === 0) return found;
      const docs = await members
        .find(
          { aadObjectId: { $in: aadObjectIds }, personalConversationId: { $exists: true } },
          { projection: { aadObjectId: 1, personalConversationId: 1 } },
        )
        .toArray();
      for (const d of docs) {
        if (d.personalConversationId) found.set(d.aadObjectId, d.personalConversationId);
      }
      return found;
    },
    async rememberAll(conversations) {
      if (conversations.size === 0) return;
      const entries = await members
        .find(
          { aadObjectId: { $in: [...conversations.keys()] } },
          { projection: { _id: 1, aadObjectId: 1 } },
        )
        .toArray();
      if (entries.length === 0) return;
      await members.bulkWrite(
        entries.map((e) => ({
          updateOne: {
            filter: { _id: e._id },
            update: { $set: { personalConversationId: conversations.get(e.aadObjectId) } },
          },
        })),
        { ordered: false },
      );
    },
    async markUnreachable(aadObjectId, code, at) {
      await members.updateMany(
        { aadObjectId },
        { $set: { unreachable: { code, since: at } }, $unset: { personalConversationId: '' } },
      );
    },
    async reachable(aadObjectId) {
      await members.updateMany({ aadObjectId }, { $unset: { unreachable: '' } });
    },
    async unreachableAmong(aadObjectIds) {
      if (aadObjectIds.length === 0) return new Set();
      const docs = await members
        .find(
          { aadObjectId: { $in: aadObjectIds }, unreachable: { $exists: true } },
          { projection: { aadObjectId: 1 } },
        )
        .toArray();
      return new Set(docs.map((d) => d.aadObjectId));
    },
  };
}
