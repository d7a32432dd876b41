import type { Db } from 'mongodb';
import { peopleCollections } from './people-collections';

/** The person-side facts of proactive messaging, one document per person (`_id`: aadObjectId). */
export interface PersonalConversationDoc {
  _id: string;
  /** The member's 1:1 conversation with the bot, once known: later sends skip creating it. */
  personalConversationId?: string;
  /** Set when Teams refused a message because the member blocked the bot (or it is not theirs). */
  unreachable?: { code: string; since: Date };
}

export interface PersonalConversations {
  /** Known 1:1 conversation ids by aadObjectId, for the given people. */
  find(aadObjectIds: string[]): Promise<Map<string, string>>;
  /** Stores each person's 1:1 conversation id. */
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
 * Kept by person, not on each of their roster entries, so that every read and write names the
 * person's `_id` (the `_id` index on MongoDB; the only filter FerretDB answers from an index): a
 * message in a 1:1 chat clears a mark with one keyed write instead of an update of every roster.
 */
export function createPersonalConversations(db: Db): PersonalConversations {
  const people = db.collection<PersonalConversationDoc>(peopleCollections.personalConversations);
  const read = (aadObjectIds: string[]) =>
    Promise.all([...new Set(aadObjectIds)].map((_id) => people.findOne({ _id })));
  return {
    async find(aadObjectIds) {
      const found = new Map<string, string>();
      for (const d of await read(aadObjectIds)) {
        if (d?.personalConversationId) found.set(d._id, d.personalConversationId);
      }
      return found;
    },
    async rememberAll(conversations) {
      await Promise.all(
        [...conversations].map(([_id, personalConversationId]) =>
          people.updateOne({ _id }, { $set: { personalConversationId } }, { upsert: true }),
        ),
      );
    },
    async markUnreachable(aadObjectId, code, at) {
      await people.updateOne(
        { _id: aadObjectId },
        { $set: { unreachable: { code, since: at } }, $unset: { personalConversationId: '' } },
        { upsert: true },
      );
    },
    async reachable(aadObjectId) {
      await people.updateOne({ _id: aadObjectId }, { $unset: { unreachable: '' } });
    },
    async unreachableAmong(aadObjectIds) {
      const docs = await read(aadObjectIds);
      return new Set(docs.flatMap((d) => (d?.unreachable ? [d._id] : [])));
    },
  };
}
