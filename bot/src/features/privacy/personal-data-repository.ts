import type { Db } from 'mongodb';
import { belongsToTenant } from '../../people/domain/installation';
import { createMemberships } from '../../people/memberships';
import { peopleCollections } from '../../people/people-collections';
import { createRosterReader } from '../../people/rosters';
import type { PersonKey } from '../../platform/domain/person-key';
import type { PersonalDataScope } from '../../platform/domain/personal-data';

/**
 * Keeps, of the given team ids, those whose installation record belongs to the tenant. A team
 * with no installation record has no known tenant, so it counts as no tenant's.
 */
export function tenantFilter(
  tenantOf: (teamId: string) => Promise<string | undefined>,
  tenantId: string,
): PersonalDataScope['inTenant'] {
  return async (teamIds) => {
    const ids = [...new Set(teamIds)];
    const tenants = await Promise.all(ids.map(tenantOf));
    return new Set(
      ids.filter((_, i) => {
        const tenant = tenants[i];
        return tenant !== undefined && belongsToTenant(tenant, tenantId);
      }),
    );
  };
}

/** A person's rosters in their tenant, and the scope every feature's part is kept to. */
export interface OpenedScope {
  scope: PersonalDataScope;
  memberships: { teamId: string; name: string | null; displayName: string }[];
}

/**
 * Opens one person's export or erasure. Their rosters are found by key from their list of
 * conversations, then kept to the teams of their tenant.
 */
export function createPersonalDataScopes(db: Db) {
  const memberships = createMemberships(db);
  const rosters = createRosterReader(db);
  const conversations = db.collection<{ _id: string; tenantId: string; name?: string }>(
    peopleCollections.conversations,
  );
  const conversation = (_id: string) =>
    conversations.findOne({ _id }, { projection: { tenantId: 1, name: 1 } });

  const rosterEntries = async ({ tenantId, aadObjectId: aad }: PersonKey) => {
    const ids = await memberships.of(tenantId, aad);
    const entries = await Promise.all(
      ids.map(async (teamId) => {
        const entry = (await rosters.members(teamId)).find((m) => m.aadObjectId === aad);
        return entry ? [{ teamId, displayName: entry.name }] : [];
      }),
    );
    return entries.flat();
  };

  return {
    async open(person: PersonKey): Promise<OpenedScope> {
      const inTenant = tenantFilter(
        async (teamId) => (await conversation(teamId))?.tenantId,
        person.tenantId,
      );
      const entries = await rosterEntries(person);
      const teams = await inTenant(entries.map((e) => e.teamId));
      const ours = entries.filter((e) => teams.has(e.teamId));
      const names = await Promise.all(ours.map((e) => conversation(e.teamId)));
      return {
        scope: { memberTeams: ours.map((e) => e.teamId), inTenant },
        memberships: ours.map((e, i) => ({
          teamId: e.teamId,
          name: names[i]?.name ?? null,
          displayName: e.displayName,
        })),
      };
    },
  };
}
