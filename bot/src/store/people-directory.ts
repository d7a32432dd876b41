import type { Db } from 'mongodb';
import type { Person } from '../domain/recognition';
import { collections } from './collections';

/**
 * Names people by their Entra object id from the rosters Rapport already stores, preferring the
 * given conversation's roster. The people picker submits ids only.
 */
export function createPeopleDirectory(db: Db) {
  const members = db.collection<{
    conversationId: string;
    aadObjectId: string;
    teamsUserId: string;
    name: string;
  }>(collections.members);
  return {
    async resolve(conversationId: string, aadObjectIds: string[]): Promise<Map<string, Person>> {
      const found = new Map<string, Person>();
      if (aadObjectIds.length === 0) return found;
      const docs = await members.find({ aadObjectId: { $in: aadObjectIds } }).toArray();
      for (const d of docs) {
        if (!found.has(d.aadObjectId) || d.conversationId === conversationId) {
          found.set(d.aadObjectId, {
            aadObjectId: d.aadObjectId,
            name: d.name,
            teamsUserId: d.teamsUserId,
          });
        }
      }
      return found;
    },
    /** The same, from Teams user ids (29:…), which is all a chat @mention carries. */
    async resolveTeamsUsers(
      conversationId: string,
      teamsUserIds: string[],
    ): Promise<Map<string, Person>> {
      const found = new Map<string, Person>();
      if (teamsUserIds.length === 0) return found;
      const docs = await members
        .find({ conversationId, teamsUserId: { $in: teamsUserIds } })
        .toArray();
      for (const d of docs)
        found.set(d.teamsUserId, {
          aadObjectId: d.aadObjectId,
          name: d.name,
          teamsUserId: d.teamsUserId,
        });
      return found;
    },
  };
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;
