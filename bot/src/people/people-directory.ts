import type { InstallationRepository } from './domain/installation';
import type { Person } from './domain/person';

const person = (m: { aadObjectId: string; name: string; teamsUserId: string }): Person => ({
  aadObjectId: m.aadObjectId,
  name: m.name,
  teamsUserId: m.teamsUserId,
});

/**
 * Names people by their Entra object id from the rosters Rapport already stores, preferring the
 * given conversation's roster. The people picker submits ids only. Every read is a lookup by
 * `_id` (a roster, a person's memberships), so naming costs the teams involved, not the database;
 * each is remembered for two seconds (a recognition names its recipients on every request).
 */
export function createPeopleDirectory(
  installations: Pick<InstallationRepository, 'rosterForNaming' | 'listedForNaming'>,
) {
  /** The person as another roster of theirs knows them: a colleague picked from outside the team. */
  const elsewhere = async (
    tenantId: string,
    conversationId: string,
    aadObjectId: string,
  ): Promise<Person | undefined> => {
    const others = (await installations.listedForNaming(tenantId, aadObjectId)).filter(
      (id) => id !== conversationId,
    );
    for (const other of others) {
      const found = (await installations.rosterForNaming(other)).find(
        (m) => m.aadObjectId === aadObjectId,
      );
      if (found) return person(found);
    }
    return undefined;
  };

  return {
    /** `tenantId` is the conversation's, as Teams sent it: Rapport may not be installed there. */
    async resolve(
      conversationId: string,
      aadObjectIds: string[],
      tenantId: string,
    ): Promise<ReadonlyMap<string, Person>> {
      const found = new Map<string, Person>();
      if (aadObjectIds.length === 0) return found;
      for (const m of await installations.rosterForNaming(conversationId)) {
        if (aadObjectIds.includes(m.aadObjectId)) found.set(m.aadObjectId, person(m));
      }
      const missing = aadObjectIds.filter((id) => !found.has(id));
      if (missing.length === 0) return found;
      const people = await Promise.all(
        missing.map((id) => elsewhere(tenantId, conversationId, id)),
      );
      for (const p of people) if (p) found.set(p.aadObjectId, p);
      return found;
    },
    /** The same, from Teams user ids (29:…), which is all a chat @mention carries. */
    async resolveTeamsUsers(
      conversationId: string,
      teamsUserIds: string[],
    ): Promise<Map<string, Person>> {
      const found = new Map<string, Person>();
      if (teamsUserIds.length === 0) return found;
      for (const m of await installations.rosterForNaming(conversationId)) {
        if (teamsUserIds.includes(m.teamsUserId)) found.set(m.teamsUserId, person(m));
      }
      return found;
    },
  };
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;
