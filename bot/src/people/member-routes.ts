import type { ConversationSummary, InstallationRepository } from './domain/installation';
import { inCallerTenant } from '../platform/http/auth/team-access';
import { defineRoute } from '../platform/http/route';
import { membersView, meView, teamInfoView } from './people-schemas';

export interface MemberRoutesDeps {
  installations: Pick<
    InstallationRepository,
    'find' | 'isMember' | 'memberCount' | 'conversationsOf' | 'roster'
  >;
}

const route = defineRoute<MemberRoutesDeps>();

const teamView = (team: ConversationSummary) => ({
  id: team.id,
  name: team.name ?? null,
  kind: team.kind,
});

/**
 * GET /api/v1/me (who the token says you are, and the teams and chats you can open),
 * GET /api/v1/teams/:teamId (one of them, for its members only) and its roster.
 */
export const memberRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'Who the token says you are, and the teams and chats you can open',
    access: 'caller',
    responses: { 200: meView },
    handler: async ({ caller }, { installations }) => {
      const conversations = await installations.conversationsOf(
        caller.tenantId,
        caller.aadObjectId,
      );
      return {
        status: 200,
        body: {
          tenantId: caller.tenantId,
          aadObjectId: caller.aadObjectId,
          name: caller.name,
          // The same tenant rule as authorizeTeamMember, so every listed team also opens; a
          // personal chat with the bot has no team features, so it is not offered as a team.
          teams: conversations
            .filter((c) => c.kind !== 'personal' && inCallerTenant(c.tenantId, caller))
            .map(teamView),
        },
      };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId',
    summary: 'One team or chat, for its members only',
    access: 'member',
    responses: { 200: teamInfoView },
    handler: async ({ team }, { installations }) => {
      const [members, installation] = await Promise.all([
        installations.memberCount(team.id),
        installations.find(team.id),
      ]);
      return {
        status: 200,
        body: {
          ...teamView(team),
          members,
          installedAt: installation?.installedAt?.toISOString() ?? null,
        },
      };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/members',
    summary: 'The team’s roster: names and ids only',
    access: 'member',
    responses: { 200: membersView },
    handler: async ({ teamId }, { installations }) => {
      const roster = await installations.roster(teamId);
      return {
        status: 200,
        body: { members: roster.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })) },
      };
    },
  }),
];
