import type { Server } from 'restify';
import type { ConversationSummary, InstallationRepository } from './domain/installation';
import {
  inCallerTenant,
  withCaller,
  withTeamMember,
  type AccessDeps,
} from '../platform/http/auth/team-access';

export interface MemberRoutesDeps extends AccessDeps {
  installations: Pick<
    InstallationRepository,
    'find' | 'isMember' | 'memberCount' | 'conversationsOf'
  >;
}

const teamView = (team: ConversationSummary) => ({
  id: team.id,
  name: team.name ?? null,
  kind: team.kind,
});

/**
 * GET /api/v1/me (who the token says you are, and the teams and chats you can open) and
 * GET /api/v1/teams/:teamId (one of them, for its members only).
 */
export function registerMemberRoutes(server: Server, deps: MemberRoutesDeps): void {
  server.get(
    '/api/v1/me',
    withCaller(deps, async (_req, res, { caller }) => {
      const conversations = await deps.installations.conversationsOf(
        caller.tenantId,
        caller.aadObjectId,
      );
      res.json({
        tenantId: caller.tenantId,
        aadObjectId: caller.aadObjectId,
        name: caller.name,
        // The same tenant rule as authorizeTeamMember, so every listed team also opens; a
        // personal chat with the bot has no team features, so it is not offered as a team.
        teams: conversations
          .filter((c) => c.kind !== 'personal' && inCallerTenant(c.tenantId, caller))
          .map(teamView),
      });
    }),
  );

  server.get(
    '/api/v1/teams/:teamId',
    withTeamMember(deps, async (_req, res, { team }) => {
      const [members, installation] = await Promise.all([
        deps.installations.memberCount(team.id),
        deps.installations.find(team.id),
      ]);
      res.json({
        ...teamView(team),
        members,
        installedAt: installation?.installedAt?.toISOString() ?? null,
      });
    }),
  );
}
