import type { Server } from 'restify';
import type { InstallationRepository } from './domain/installation';
import type { PersonalDataService } from '../features/privacy/personal-data';
import type { Logger } from '../logger';
import { withCaller, withTeamMember, type AccessDeps } from '../platform/http/auth/team-access';

/** "Export my data", "Delete my data", and the roster members may see. */
export function registerMeRoutes(
  server: Server,
  deps: AccessDeps & {
    personalData: PersonalDataService;
    notStored: readonly string[];
    roster: InstallationRepository['roster'];
    logger: Logger;
  },
): void {
  server.get(
    '/api/v1/me/export',
    withCaller(deps, async (_req, res, { caller }) => {
      const data = await deps.personalData.collect(caller);
      const exportedAt = new Date().toISOString();
      res.header(
        'content-disposition',
        `attachment; filename="rapport-export-${exportedAt.slice(0, 10)}.json"`,
      );
      res.json({
        exportedAt,
        person: { tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, name: caller.name },
        ...data,
        notStored: deps.notStored,
      });
    }),
  );

  server.del(
    '/api/v1/me',
    withCaller(deps, async (_req, res, { caller }) => {
      const report = await deps.personalData.erase(caller);
      // Only counts are logged: never who asked.
      deps.logger.info('personal data erased on request', { ...report });
      res.status(204);
      res.end();
    }),
  );

  server.get(
    '/api/v1/teams/:teamId/members',
    withTeamMember(deps, async (_req, res, { teamId }) => {
      const roster = await deps.roster(teamId);
      res.json({ members: roster.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })) });
    }),
  );
}
