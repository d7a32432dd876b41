import type { AnyBulkWriteOperation, Db } from 'mongodb';
import type {
  ConversationKind,
  InstallationRepository,
  RosterMember,
} from '../domain/installation';
import { collections } from './collections';
import { shortLivedCache, TEAM_CACHE_MS } from './short-lived-cache';

interface ConversationDoc {
  _id: string;
  kind: ConversationKind;
  tenantId: string;
  name?: string;
  reference: Record<string, unknown>;
  active: boolean;
  installedAt?: Date;
  uninstalledAt?: Date;
  updatedAt: Date;
  /** Kept with the roster, so counting members is one lookup by key, not a scan. */
  memberCount?: number;
}

interface MemberDoc {
  _id: string;
  conversationId: string;
  aadObjectId: string;
  teamsUserId: string;
  name: string;
  updatedAt: Date;
}

const memberKey = (conversationId: string, aadObjectId: string) =>
  `${conversationId}|${aadObjectId}`;

export function createInstallationRepository(db: Db): InstallationRepository {
  const conversations = db.collection<ConversationDoc>(collections.conversations);
  const members = db.collection<MemberDoc>(collections.members);

  const upsertMembers = async (conversationId: string, list: RosterMember[], at: Date) => {
    if (list.length === 0) return;
    const ops: AnyBulkWriteOperation<MemberDoc>[] = list.map((m) => ({
      updateOne: {
        filter: { _id: memberKey(conversationId, m.aadObjectId) },
        update: {
          $set: {
            conversationId,
            aadObjectId: m.aadObjectId,
            teamsUserId: m.teamsUserId,
            name: m.name,
            updatedAt: at,
          },
        },
        upsert: true,
      },
    }));
    await members.bulkWrite(ops, { ordered: false });
  };

  const cachedFind = shortLivedCache(TEAM_CACHE_MS, async (id: string) => {
    const doc = await conversations.findOne({ _id: id });
    if (!doc) return undefined;
    return {
      id: doc._id,
      kind: doc.kind,
      tenantId: doc.tenantId,
      name: doc.name,
      reference: doc.reference,
      active: doc.active,
      installedAt: doc.installedAt,
    };
  });

  return {
    async activate(installation, at) {
      await conversations.updateOne(
        { _id: installation.id },
        {
          $set: {
            kind: installation.kind,
            tenantId: installation.tenantId,
            reference: installation.reference,
            updatedAt: at,
            ...(installation.name ? { name: installation.name } : {}),
          },
          $setOnInsert: { active: false },
        },
        { upsert: true },
      );
      // Teams announces one install through several activities (installationUpdate and
      // conversationUpdate, sometimes twice): only the transition to active counts as new.
      const flipped = await conversations.updateOne(
        { _id: installation.id, active: false },
        { $set: { active: true, installedAt: at }, $unset: { uninstalledAt: '' } },
      );
      cachedFind.forget(installation.id);
      return flipped.modifiedCount === 1;
    },
    async deactivate(id, at) {
      await conversations.updateOne(
        { _id: id },
        { $set: { active: false, uninstalledAt: at, updatedAt: at } },
      );
      cachedFind.forget(id);
    },
    find: (id) => cachedFind.get(id),
    async replaceRoster(conversationId, list, at) {
      await upsertMembers(conversationId, list, at);
      await members.deleteMany({
        conversationId,
        aadObjectId: { $nin: list.map((m) => m.aadObjectId) },
      });
      await conversations.updateOne(
        { _id: conversationId },
        { $set: { memberCount: list.length } },
      );
    },
    async removeMembers(conversationId, aadObjectIds) {
      if (aadObjectIds.length === 0) return;
      const { deletedCount } = await members.deleteMany({
        _id: { $in: aadObjectIds.map((a) => memberKey(conversationId, a)) },
      });
      await conversations.updateOne(
        { _id: conversationId },
        { $inc: { memberCount: -deletedCount } },
      );
    },
    async roster(conversationId) {
      const docs = await members.find({ conversationId }).sort({ name: 1 }).toArray();
      return docs.map((d) => ({
        aadObjectId: d.aadObjectId,
        teamsUserId: d.teamsUserId,
        name: d.name,
      }));
    },
    async isMember(conversationId, aadObjectId) {
      // Found by key alone (the one filter FerretDB answers from an index); the fields are then
      // compared here, so a "|" inside an id cannot match another pair.
      const doc = await members.findOne(
        { _id: memberKey(conversationId, aadObjectId) },
        { projection: { conversationId: 1, aadObjectId: 1 } },
      );
      return doc?.conversationId === conversationId && doc.aadObjectId === aadObjectId;
    },
    async memberCount(conversationId) {
      const doc = await conversations.findOne(
        { _id: conversationId },
        { projection: { memberCount: 1 } },
      );
      return doc?.memberCount ?? 0;
    },
    async conversationsOf(aadObjectId) {
      const memberships = await members
        .find({ aadObjectId }, { projection: { conversationId: 1 } })
        .toArray();
      if (memberships.length === 0) return [];
      const docs = await conversations
        .find(
          { _id: { $in: memberships.map((m) => m.conversationId) }, active: true },
          { projection: { kind: 1, tenantId: 1, name: 1 } },
        )
        .toArray();
      return docs
        .map((d) => ({ id: d._id, kind: d.kind, tenantId: d.tenantId, name: d.name }))
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
    },
  };
}
