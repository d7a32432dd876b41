import type { Db } from 'mongodb';
import type { PersonKey } from '../platform/domain/person-key';
import { belongsToTenant } from './domain/installation';
import { peopleCollections } from './people-collections';

/** The person-side facts of proactive messaging, one document per person (`_id`: aadObjectId). */
export interface PersonalConversationDoc {
  _id: string;
  /** The member's 1:1 conversation with the bot, once known: later sends skip creating it. */
  personalConversationId?: string;
  /** Set when Teams refused a message because the member blocked the bot (or it is not theirs). */
  unreachable?: { code: string; since: Date };
  /**
   * The language tag their Teams client sent with their last activity ("fr-FR"), with the tenant
   * it came from (their export and erasure are scoped by tenant): what proactive messages are
   * written in. No time is kept with it, so it says nothing about when they were active.
   */
  locale?: { tag: string; tenantId: string };
}

/** Who can be reached, and in which language, among the people a proactive message goes to. */
export interface Recipients {
  unreachable: Set<string>;
  /** The last language tag each person's Teams sent, for those who have written to the bot. */
  locales: Map<string, string>;
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
  /** Who is unreachable and each one's language, in one read per person. */
  recipients(aadObjectIds: string[]): Promise<Recipients>;
  /**
   * Notes the language of a person's activity. Written only when it changed since this process
   * last wrote it, so a chat does not cost a write per message.
   */
  rememberLocale(person: PersonKey, tag: string): Promise<void>;
  /** The stored language of a person, when it was seen in this tenant. */
  localeOf(person: PersonKey): Promise<string | undefined>;
  /** Forgets a person's language (their erasure); true when there was one. */
  forgetLocale(person: PersonKey): Promise<boolean>;
}

/** How long this process trusts its memory of a written language before writing it again. */
const LOCALE_MEMORY_MS = 10 * 60_000;

/**
 * Kept by person, not on each of their roster entries, so that every read and write names the
 * person's `_id` (the `_id` index on MongoDB; the only filter FerretDB answers from an index): a
 * message in a 1:1 chat clears a mark with one keyed write instead of an update of every roster.
 */
export function createPersonalConversations(db: Db): PersonalConversations {
  const people = db.collection<PersonalConversationDoc>(peopleCollections.personalConversations);
  /** The language this process last wrote for each person, and when. */
  const written = new Map<string, { key: string; at: number }>();
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
    async recipients(aadObjectIds) {
      const docs = await read(aadObjectIds);
      return {
        unreachable: new Set(docs.flatMap((d) => (d?.unreachable ? [d._id] : []))),
        locales: new Map(docs.flatMap((d) => (d?.locale ? [[d._id, d.locale.tag] as const] : []))),
      };
    },
    async rememberLocale(person, tag) {
      const key = `${person.tenantId}|${person.aadObjectId}|${tag}`;
      const at = written.get(person.aadObjectId);
      if (at?.key === key && Date.now() - at.at < LOCALE_MEMORY_MS) return;
      await people.updateOne(
        { _id: person.aadObjectId },
        { $set: { locale: { tag, tenantId: person.tenantId } } },
        { upsert: true },
      );
      written.delete(person.aadObjectId);
      written.set(person.aadObjectId, { key, at: Date.now() });
      if (written.size > 10_000) written.delete(written.keys().next().value as string);
    },
    async localeOf(person) {
      const doc = await people.findOne({ _id: person.aadObjectId });
      return doc?.locale && belongsToTenant(doc.locale.tenantId, person.tenantId)
        ? doc.locale.tag
        : undefined;
    },
    async forgetLocale(person) {
      written.delete(person.aadObjectId);
      if (!(await this.localeOf(person))) return false;
      await people.updateOne({ _id: person.aadObjectId }, { $unset: { locale: '' } });
      return true;
    },
  };
}
