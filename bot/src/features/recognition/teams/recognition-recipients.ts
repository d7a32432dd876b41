import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { InstallationRepository } from '../../../people/domain/installation';
import type { Person } from '../domain/recognition';
import type { PeopleDirectory } from '../../../people/people-directory';
import type { ConversationIdentity } from '../../../platform/teams/conversation-identity';

/** Someone a recognition names: chosen on a form (Entra object id) or @mentioned (Teams id). */
export interface WantedPerson {
  id: string;
  by: 'entra' | 'teams';
  /** The name the client showed for them, if it sent one (a mention's text). */
  name?: string;
}

export type FoundPerson =
  | { found: 'member'; person: Person }
  /** Not in the team or chat; `name` is empty when Rapport never saw theirs. */
  | { found: 'outsider'; id: string; name: string };

const isNotFound = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { statusCode?: unknown }).statusCode === 404;

/**
 * Finds the people a recognition names and tells apart those outside the team or chat it is
 * given in. The stored roster answers first; Teams is asked about anyone else, since the roster
 * can lag behind someone who just joined. Where Rapport has no roster (the message extension in
 * a conversation without the bot) nobody can be checked, and everyone named is taken as named.
 */
export function createRecipientLookup(deps: {
  people: PeopleDirectory;
  installations: Pick<InstallationRepository, 'find' | 'isMember' | 'rosterForNaming'>;
}) {
  /** The member as Teams knows them in this conversation; undefined when Teams says no such member. */
  const askTeams = async (context: TurnContext, id: string): Promise<Person | undefined> => {
    try {
      const member = await TeamsInfo.getMember(context, id);
      return { aadObjectId: member.aadObjectId ?? id, name: member.name, teamsUserId: member.id };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  };

  /**
   * Whether the conversation's roster lists them: the roster read for naming answers (every
   * roster change in this process forgets it; another instance's shows within seconds), a read
   * of the membership only for someone it does not list, such as a member who just joined.
   */
  const listedIn = async (team: ConversationIdentity, aadObjectId: string) =>
    (await deps.installations.rosterForNaming(team.id)).some(
      (m) => m.aadObjectId === aadObjectId,
    ) || deps.installations.isMember(team.id, aadObjectId);

  const hasRoster = async (team: ConversationIdentity) =>
    team.kind !== 'personal' && (await deps.installations.find(team.id))?.active === true;

  /** Without a roster, a name from any stored roster or from Teams beats none at all. */
  const unchecked = async (
    context: TurnContext,
    wanted: WantedPerson,
    stored: Person | undefined,
  ): Promise<FoundPerson> => {
    const person =
      stored ??
      (await askTeams(context, wanted.id).catch(() => undefined)) ??
      ({ aadObjectId: wanted.id, name: wanted.name || 'a colleague' } satisfies Person);
    return { found: 'member', person };
  };

  return {
    /** Each wanted person, in order, as a member of the conversation or an outsider. */
    async find(
      context: TurnContext,
      team: ConversationIdentity,
      wanted: readonly WantedPerson[],
    ): Promise<FoundPerson[]> {
      const entraIds = wanted.filter((w) => w.by === 'entra').map((w) => w.id);
      const teamsIds = wanted.filter((w) => w.by === 'teams').map((w) => w.id);
      const [byEntra, byTeams, checked] = await Promise.all([
        deps.people.resolve(team.id, entraIds, team.tenantId),
        deps.people.resolveTeamsUsers(team.id, teamsIds),
        hasRoster(team),
      ]);
      const found: FoundPerson[] = [];
      for (const w of wanted) {
        // Teams ids resolve in this conversation's roster only; Entra ids in any roster.
        const stored = w.by === 'teams' ? byTeams.get(w.id) : byEntra.get(w.id);
        if (!checked) {
          found.push(await unchecked(context, w, stored));
          continue;
        }
        const listed = stored !== undefined && (w.by === 'teams' || (await listedIn(team, w.id)));
        const member = listed ? stored : await askTeams(context, w.id);
        found.push(
          member
            ? { found: 'member', person: member }
            : { found: 'outsider', id: w.id, name: stored?.name ?? w.name ?? '' },
        );
      }
      return found;
    },
  };
}

export type RecipientLookup = ReturnType<typeof createRecipientLookup>;

/** The names of those found outside the conversation, for the refusal. */
export const outsiderNames = (found: readonly FoundPerson[]): string[] =>
  found.flatMap((f) => (f.found === 'outsider' ? [f.name] : []));

/** Those found in the conversation. */
export const membersFound = (found: readonly FoundPerson[]): Person[] =>
  found.flatMap((f) => (f.found === 'member' ? [f.person] : []));
