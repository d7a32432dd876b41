import type { Db } from 'mongodb';
import { peopleCollections } from './people-collections';

/**
 * A person's conversations, one document per tenant and person (`<tenant>|<aadObjectId>`,
 * tenant in lower case), so `GET /api/v1/me` is a key lookup instead of a search of every
 * roster (on MongoDB as on FerretDB: the `_id` index). Conversation ids sit in an array, never in
 * keys: Teams ids contain dots.
 *
 * It copies the rosters, which stay the truth, and may hold more than they do but never less: a
 * conversation is listed before its roster gains the person (rosters.ts), and readers keep only
 * the conversations whose roster holds them. So a crash between the two writes, or a removal
 * racing an addition, costs at most an extra entry, never a team missing from someone's list.
 * Every write is an `$addToSet` or a `$pull` of one id, so repeating one changes nothing.
 */
export interface MembershipDoc {
  _id: string;
  tenantId: string;
  aadObjectId: string;
  conversations: string[];
}

/** The key of a person's memberships in a tenant; tenant ids are GUIDs, compared without case. */
export const membershipsId = (tenantId: string, aadObjectId: string) =>
  `${tenantId.toLowerCase()}|${aadObjectId}`;

/**
 * The tenants whose documents can list a person's conversations: their own, and the empty one of
 * installs from local tools, which belongs to every tenant (domain/installation.ts).
 */
function tenantsOf(tenantId: string): string[] {
  const tenant = tenantId.toLowerCase();
  return tenant === '' ? [''] : [tenant, ''];
}

export function createMemberships(db: Db) {
  const docs = db.collection<MembershipDoc>(peopleCollections.memberships);

  return {
    /** Lists the conversation for each person, under the conversation's tenant. */
    async add(tenantId: string, aadObjectIds: string[], conversationId: string): Promise<void> {
      await Promise.all(
        aadObjectIds.map((aadObjectId) =>
          docs.updateOne(
            { _id: membershipsId(tenantId, aadObjectId) },
            {
              $addToSet: { conversations: conversationId },
              $setOnInsert: { tenantId: tenantId.toLowerCase(), aadObjectId },
            },
            { upsert: true },
          ),
        ),
      );
    },

    /** Takes the conversation off each person's list, in every document that could hold it. */
    async remove(tenantId: string, aadObjectIds: string[], conversationId: string): Promise<void> {
      await Promise.all(
        aadObjectIds.flatMap((aadObjectId) =>
          tenantsOf(tenantId).map((t) =>
            docs.updateOne(
              { _id: membershipsId(t, aadObjectId) },
              { $pull: { conversations: conversationId } },
            ),
          ),
        ),
      );
    },

    /** The conversations listed for the person in the tenant; callers check each roster. */
    async of(tenantId: string, aadObjectId: string): Promise<string[]> {
      const ids = new Set<string>();
      await Promise.all(
        tenantsOf(tenantId).map(async (tenant) => {
          const doc = await docs.findOne({ _id: membershipsId(tenant, aadObjectId) });
          // The key joins two ids with "|"; the fields say whose document it really is.
          if (doc?.tenantId !== tenant || doc.aadObjectId !== aadObjectId) return;
          for (const id of doc.conversations ?? []) ids.add(id);
        }),
      );
      return [...ids];
    },
  };
}

export type Memberships = ReturnType<typeof createMemberships>;
