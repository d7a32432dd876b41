import { TeamsInfo, TurnContext } from 'botbuilder';
import { RosterMember, usableMembers } from '../../people/domain/installation';

/** Reads the whole roster through the paged members API (the unpaged one allows 5 calls a minute). */
export async function fetchRoster(context: TurnContext): Promise<RosterMember[]> {
  const collected: Partial<RosterMember>[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 500, continuationToken);
    for (const m of page.members ?? []) {
      collected.push({
        aadObjectId: m.aadObjectId,
        teamsUserId: m.id,
        name: m.name,
        userPrincipalName: m.userPrincipalName,
      });
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return usableMembers(collected);
}
