import type { Db } from 'mongodb';
import type { Person } from '../domain/recognition';
import { collections } from './collections';
import { shortLivedCache, TEAM_CACHE_MS } from './short-lived-cache';

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
  // Recognitions of the same people come in bursts (a team thanking one colleague), and on
  // FerretDB this lookup scans every roster; a name a few seconds old is still right.
  const resolved = shortLivedCache(TEAM_CACHE_MS, async (key: string) => {
    const [conversationId, ...aadObjectIds] = key.split('\u0000');
    const found = new Map<string, Person>();
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
  });
  return {
    async resolve(
      conversationId: string,
      aadObjectIds: string[],
    ): Promise<ReadonlyMap<string, Person>> {
      if (aadObjectIds.length === 0) return new Map();
      return resolved.get([conversationId, ...aadObjectIds].join('\u0000'));
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
