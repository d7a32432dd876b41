import type { Db } from 'mongodb';
import type { RosterMember } from './domain/installation';
import type { Memberships } from './memberships';
import { peopleCollections } from './people-collections';

/**
 * A conversation's roster in one document keyed by the conversation id: who may read the team's
 * data, the people picker's list, whom check-ins go to. Reading it is one lookup by `_id` (the
 * `_id` index on MongoDB; on FerretDB the only filter answered from an index) and costs the
 * team's own size, whatever else the database holds.
 */
export interface RosterDoc {
  _id: string;
  /** Sorted by name, as every reader lists them. */
  members: RosterMember[];
  count: number;
  /** Bumped by every change, so a removal can be applied only to the roster it read. */
  revision: number;
  updatedAt?: Date;
  /** When each member was first seen on it (`$min`, so a later roster never moves it). */
  joined?: Record<string, Date>;
}

const byName = (a: RosterMember, b: RosterMember) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.aadObjectId < b.aadObjectId ? -1 : 1;

/** A roster document as the store writes it, for the migration and for seeding benchmarks. */
export const rosterDoc = (conversationId: string, members: RosterMember[], at: Date): RosterDoc => {
  const sorted = [...members].sort(byName);
  return { _id: conversationId, members: sorted, count: sorted.length, revision: 0, updatedAt: at };
};

const idsOf = (members: RosterMember[]) => members.map((m) => m.aadObjectId);

/** Reading rosters, for whoever needs names or membership without changing them. */
export function createRosterReader(db: Db) {
  const rosters = db.collection<RosterDoc>(peopleCollections.rosters);
  const members = async (conversationId: string) =>
    (await rosters.findOne({ _id: conversationId }))?.members ?? [];
  return {
    members,

    /** The members who have been on it since `before` (rosters stored before v4 count as long). */
    async membersSince(conversationId: string, before: Date): Promise<RosterMember[]> {
      const doc = await rosters.findOne({ _id: conversationId });
      return (doc?.members ?? []).filter((m) => {
        const joined = doc?.joined?.[m.aadObjectId];
        return !joined || joined <= before;
      });
    },

    async isMember(conversationId: string, aadObjectId: string): Promise<boolean> {
      return (await members(conversationId)).some((m) => m.aadObjectId === aadObjectId);
    },

    async count(conversationId: string): Promise<number> {
      const doc = await rosters.findOne({ _id: conversationId }, { projection: { count: 1 } });
      return doc?.count ?? 0;
    },
  };
}

export function createRosters(
  db: Db,
  memberships: Memberships,
  /** The conversation's tenant ('' when unknown), under which its members' lists are kept. */
  tenantOf: (conversationId: string) => Promise<string>,
) {
  const rosters = db.collection<RosterDoc>(peopleCollections.rosters);
  const reader = createRosterReader(db);
  const { members } = reader;

  /**
   * Brings the members' lists in line with a roster change that is already stored. Newcomers
   * are listed again even though `replace` listed them before: a removal racing this change may
   * have taken them off in between. Leavers are taken off, and listed again if a concurrent
   * change has put them back in the roster meanwhile: whatever interleaves, anyone in a roster
   * ends up listed.
   */
  const settle = async (
    conversationId: string,
    before: RosterMember[],
    after: RosterMember[],
  ): Promise<void> => {
    const tenantId = await tenantOf(conversationId);
    const had = new Set(idsOf(before));
    const has = new Set(idsOf(after));
    await memberships.add(
      tenantId,
      idsOf(after).filter((id) => !had.has(id)),
      conversationId,
    );
    const left = idsOf(before).filter((id) => !has.has(id));
    if (left.length === 0) return;
    await memberships.remove(tenantId, left, conversationId);
    const now = new Set(idsOf(await members(conversationId)));
    await memberships.add(
      tenantId,
      left.filter((id) => now.has(id)),
      conversationId,
    );
  };

  return {
    ...reader,

    /** Stores the roster Teams reported, whole. */
    async replace(conversationId: string, list: RosterMember[], at: Date): Promise<void> {
      const next = rosterDoc(conversationId, list, at);
      // Listed first: a crash before the roster write leaves an extra entry, never a missing one.
      await memberships.add(await tenantOf(conversationId), idsOf(next.members), conversationId);
      const before = await rosters.findOneAndUpdate(
        { _id: conversationId },
        {
          $set: { members: next.members, count: next.count, updatedAt: at },
          $min: Object.fromEntries(next.members.map((m) => [`joined.${m.aadObjectId}`, at])),
          $inc: { revision: 1 },
        },
        // No projection: FerretDB 1.24's findAndModify refuses one.
        { upsert: true, returnDocument: 'before' },
      );
      await settle(conversationId, before?.members ?? [], next.members);
    },

    /** Takes people out; applied to the roster as read, and read again if it changed meanwhile. */
    async remove(conversationId: string, aadObjectIds: string[]): Promise<void> {
      const leaving = new Set(aadObjectIds);
      for (let attempt = 0; attempt < 20; attempt++) {
        const doc = await rosters.findOne({ _id: conversationId });
        const after = doc?.members.filter((m) => !leaving.has(m.aadObjectId));
        if (!doc || !after || after.length === doc.members.length) return;
        const res = await rosters.updateOne(
          { _id: conversationId, revision: doc.revision },
          { $set: { members: after, count: after.length }, $inc: { revision: 1 } },
        );
        if (res.matchedCount === 1) return settle(conversationId, doc.members, after);
      }
      throw new Error(`could not update the roster of ${conversationId}: too much contention`);
    },
  };
}
