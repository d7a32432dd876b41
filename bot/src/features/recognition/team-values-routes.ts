import type { Server } from 'restify';
import type { CheckinService } from '../checkins/checkin-service';
import type { TeamValue } from './domain/recognition';
import { withTeamMember, type AccessDeps } from '../../platform/http/auth/team-access';
import { parseInput } from '../../platform/http/query';
import { valuesBody } from './team-values-schemas';

/** The team's own values, which members can recognize beside the five traits. Leads edit them. */
export function registerTeamValuesRoutes(
  server: Server,
  deps: AccessDeps & {
    checkins: CheckinService;
    values: {
      get(teamId: string): Promise<{ values: TeamValue[] }>;
      setValues(teamId: string, values: TeamValue[]): Promise<void>;
    };
  },
): void {
  server.get(
    '/api/v1/teams/:teamId/values',
    withTeamMember(deps, async (_req, res, { teamId }) => {
      res.json({ values: (await deps.values.get(teamId)).values });
    }),
  );

  server.put(
    '/api/v1/teams/:teamId/values',
    withTeamMember(deps, async (req, res, { teamId, caller }) => {
      const { values } = parseInput(valuesBody, req.body, 'body');
      await deps.checkins.assertLead(teamId, caller.aadObjectId, 'edit the team’s values');
      await deps.values.setValues(teamId, values);
      res.json({ values });
    }),
  );
}
