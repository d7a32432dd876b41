import type { Db } from 'mongodb';
import type { RosterMember } from './domain/installation';
import { insertMissing } from '../platform/store/insert-missing';
import { membershipsId, type MembershipDoc } from './memberships';
import type { PersonalConversationDoc } from './personal-conversations';
import { rosterDoc, type RosterDoc } from './rosters';
import { peopleCollections } from './people-collections';

/** Where rosters were kept before schema version 3: a document per member and conversation. */
const LEGACY_MEMBERS = 'members';

interface LegacyMemberDoc {
  _id: string;
  conversationId: string;
  aadObjectId: string;
  teamsUserId: string;
  name: string;
  updatedAt?: Date;
  personalConversationId?: string;
  unreachable?: { code: string; since: Date };
}

/**
 * Moves rosters kept a document per member into a document per conversation (rosters.ts), each
 * person's conversations into their memberships (memberships.ts) and their 1:1 chat facts into
 * personal_conversations, then drops the old collection. It runs before the app serves, since
 * rosters decide who may read what. A run cut short is run again whole at the next start: the
 * old collection goes last, and every write is an insert of a document not there yet or an
 * `$addToSet`. Returns how many member documents it moved.
 */
export async function migrateRosters(db: Db): Promise<number> {
  const legacyExists = await db
    .listCollections({ name: LEGACY_MEMBERS }, { nameOnly: true })
    .toArray();
  if (legacyExists.length === 0) return 0;
  const legacy = db.collection<LegacyMemberDoc>(LEGACY_MEMBERS);

  const tenants = new Map<string, string>();
  const conversations = db.collection<{ _id: string; tenantId?: string }>(
    peopleCollections.conversations,
  );
  for await (const c of conversations.find({}, { projection: { tenantId: 1 } })) {
    tenants.set(c._id, c.tenantId ?? '');
  }

  const rosters = new Map<string, { members: RosterMember[]; at: Date }>();
  const lists = new Map<string, MembershipDoc>();
  const facts = new Map<string, PersonalConversationDoc>();
  let moved = 0;
  for await (const m of legacy.find({})) {
    moved += 1;
    const roster = rosters.get(m.conversationId) ?? { members: [], at: new Date(0) };
    roster.members.push({ aadObjectId: m.aadObjectId, teamsUserId: m.teamsUserId, name: m.name });
    if (m.updatedAt && m.updatedAt > roster.at) roster.at = m.updatedAt;
    rosters.set(m.conversationId, roster);

    const tenantId = (tenants.get(m.conversationId) ?? '').toLowerCase();
    const key = membershipsId(tenantId, m.aadObjectId);
    const list = lists.get(key) ?? {
      _id: key,
      tenantId,
      aadObjectId: m.aadObjectId,
      conversations: [],
    };
    list.conversations.push(m.conversationId);
    lists.set(key, list);

    // Every entry of a person carried the same facts (they were written to all at once).
    if (m.personalConversationId || m.unreachable) {
      facts.set(m.aadObjectId, {
        _id: m.aadObjectId,
        ...(m.personalConversationId ? { personalConversationId: m.personalConversationId } : {}),
        ...(m.unreachable ? { unreachable: m.unreachable } : {}),
      });
    }
  }

  // A roster or a person's facts already stored are newer than the old entries: left as they are.
  await insertMissing(
    db.collection<RosterDoc>(peopleCollections.rosters),
    [...rosters].map(([id, r]) => rosterDoc(id, r.members, r.at)),
  );
  await insertMissing(
    db.collection<PersonalConversationDoc>(peopleCollections.personalConversations),
    [...facts.values()],
  );
  const memberships = db.collection<MembershipDoc>(peopleCollections.memberships);
  for (const list of await insertMissing(memberships, [...lists.values()])) {
    await memberships.updateOne(
      { _id: list._id },
      { $addToSet: { conversations: { $each: list.conversations } } },
    );
  }
  // The count lived on the conversation; it is the roster's now.
  await conversations.updateMany(
    { memberCount: { $exists: true } },
    { $unset: { memberCount: '' } },
  );
  await legacy.drop();
  return moved;
}
