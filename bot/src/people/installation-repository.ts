import type { Db } from 'mongodb';
import type { ConversationKind, InstallationRepository } from './domain/installation';
import { createMemberships } from './memberships';
import { createRosters } from './rosters';
import { shortLivedCache, TEAM_CACHE_MS } from '../platform/store/short-lived-cache';
import { peopleCollections } from './people-collections';

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
}

/** Long only as a factory: the repository's methods, each short, over the same collections. */
export function createInstallationRepository(db: Db): InstallationRepository {
  // Every query here names an `_id`: the conversation's, its roster's, or a person's list of
  // conversations (memberships.ts), each served by the `_id` index on MongoDB and on FerretDB.
  const conversations = db.collection<ConversationDoc>(peopleCollections.conversations);
  const memberships = createMemberships(db);
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
  const rosters = createRosters(
    db,
    memberships,
    async (id) => (await cachedFind.get(id))?.tenantId ?? '',
  );
  // For naming people (every recognition names its recipients from the rosters): what a roster
  // holds and which conversations list a person, read once in two seconds. Every roster change
  // goes through this repository and forgets them; access is always read fresh.
  const namingRoster = shortLivedCache(TEAM_CACHE_MS, (id: string) => rosters.members(id));
  const namingLists = shortLivedCache(TEAM_CACHE_MS, (key: string) => {
    const [tenantId, aadObjectId] = JSON.parse(key) as [string, string];
    return memberships.of(tenantId, aadObjectId);
  });
  const changed = (conversationId: string) => {
    namingRoster.forget(conversationId);
    // A change lists or unlists its members: every cached list may name this conversation.
    namingLists.clear();
  };

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
      try {
        await rosters.replace(conversationId, list, at);
      } finally {
        changed(conversationId);
      }
    },
    async removeMembers(conversationId, aadObjectIds) {
      try {
        await rosters.remove(conversationId, aadObjectIds);
      } finally {
        changed(conversationId);
      }
    },
    roster: (conversationId) => rosters.members(conversationId),
    rosterForNaming: (conversationId) => namingRoster.get(conversationId),
    listedForNaming: (tenantId, aadObjectId) =>
      namingLists.get(JSON.stringify([tenantId, aadObjectId])),
    rosterSince: (conversationId, before) => rosters.membersSince(conversationId, before),
    isMember: (conversationId, aadObjectId) => rosters.isMember(conversationId, aadObjectId),
    memberCount: (conversationId) => rosters.count(conversationId),
    async conversationsOf(tenantId, aadObjectId) {
      const ids = await memberships.of(tenantId, aadObjectId);
      // The list may name a conversation the person has left (see memberships.ts): each is kept
      // only if its roster still holds them.
      const found = await Promise.all(
        ids.map(async (id) => {
          const [doc, member] = await Promise.all([
            cachedFind.get(id),
            rosters.isMember(id, aadObjectId),
          ]);
          return doc?.active && member
            ? [{ id: doc.id, kind: doc.kind, tenantId: doc.tenantId, name: doc.name }]
            : [];
        }),
      );
      return found
        .flat()
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
    },
  };
}
