import type { InstallationRepository } from './domain/installation';
import type { PersonalDataService } from '../features/privacy/personal-data';
import { NOT_STORED } from '../features/privacy/domain/privacy';
import type { Logger } from '../logger';
import { defineRoute } from '../platform/http/route';
import { membersView, personalExportView } from './people-schemas';

export interface MeRoutesDeps {
  personalData: PersonalDataService;
  installations: Pick<InstallationRepository, 'roster'>;
  logger: Logger;
}

const route = defineRoute<MeRoutesDeps>();

/** "Export my data", "Delete my data", and the roster members may see. */
export const meRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/me/export',
    summary: 'Everything Rapport stores about the caller, as a JSON download',
    access: 'caller',
    responses: { 200: personalExportView },
    handler: async ({ caller }, { personalData }) => {
      const data = await personalData.collect(caller);
      const exportedAt = new Date().toISOString();
      return {
        status: 200,
        headers: {
          'content-disposition': `attachment; filename="rapport-export-${exportedAt.slice(0, 10)}.json"`,
        },
        body: {
          exportedAt,
          person: { tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, name: caller.name },
          ...data,
          notStored: NOT_STORED,
        },
      };
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/me',
    summary:
      'Erase the caller’s data: recognitions given or received, votes on decided proposals; names on agreements become “Former member”. Anonymous aggregates stay intact.',
    access: 'caller',
    responses: { 204: null },
    handler: async ({ caller }, { personalData, logger }) => {
      const report = await personalData.erase(caller);
      // Only counts are logged: never who asked.
      logger.info('personal data erased on request', { ...report });
      return { status: 204 };
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
