import type { CheckinService } from '../checkins';
import type { TeamValue } from './domain/recognition';
import { defineRoute } from '../../platform/http/route';
import { teamValuesView, valuesBody } from './team-values-schemas';

export interface TeamValuesRoutesDeps {
  checkins: Pick<CheckinService, 'assertLead'>;
  teamValues: {
    get(teamId: string): Promise<{ values: TeamValue[] }>;
    setValues(teamId: string, values: TeamValue[]): Promise<void>;
  };
}

const route = defineRoute<TeamValuesRoutesDeps>();

/** The team's own values, which members can recognize beside the five traits. Leads edit them. */
export const teamValuesRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/teams/:teamId/values',
    summary: 'The team’s own values, recognizable beside the five traits',
    access: 'member',
    responses: { 200: teamValuesView },
    handler: async ({ teamId }, { teamValues }) => ({
      status: 200,
      body: { values: (await teamValues.get(teamId)).values },
    }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:teamId/values',
    summary: 'Replace the team’s values (leads only)',
    access: 'member',
    body: valuesBody,
    bodyDescription: 'The values; a repeated id replaces the earlier value, as in a JSON object',
    responses: { 200: teamValuesView },
    errors: { 400: 'INVALID_INPUT: the message names each bad field', 403: 'NOT_A_LEAD' },
    handler: async ({ teamId, caller, body }, { checkins, teamValues }) => {
      await checkins.assertLead(teamId, caller.aadObjectId, 'teamValues');
      await teamValues.setValues(teamId, body.values);
      return { status: 200, body: { values: body.values } };
    },
  }),
];
