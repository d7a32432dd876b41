import type { PersonalDataService } from './personal-data';
import type { Logger } from '../../logger';
import { defineRoute } from '../../platform/http/route';
import type { AccountWording } from './account-wording';
import type { PersonalExportView } from './privacy-schemas';

export interface PersonalDataRoutesDeps {
  personalData: PersonalDataService;
  /** The account, whose "never stored" list every export says again in the caller's language. */
  wording: AccountWording;
  logger: Logger;
}

const route = defineRoute<PersonalDataRoutesDeps>();

/** "Export my data" and "Delete my data", the export's shape gathered from every feature. */
export const personalDataRoutes = (exportView: PersonalExportView) => [
  route({
    method: 'GET',
    path: '/api/v1/me/export',
    summary: 'Everything Rapport stores about the caller, as a JSON download',
    access: 'caller',
    responses: { 200: exportView },
    handler: async ({ caller, t }, { personalData, wording }) => {
      const data = await personalData.collect(caller);
      const exportedAt = new Date().toISOString();
      return {
        status: 200,
        headers: {
          'content-disposition': `attachment; filename="rapport-export-${exportedAt.slice(0, 10)}.json"`,
        },
        // Not parsed again: each part's keys are the ones it declares (the service keeps no
        // other), and a stored record that no longer fits its schema must not cost the person
        // their export. The tests hold the answer to the documented shape.
        body: {
          exportedAt,
          person: { tenantId: caller.tenantId, aadObjectId: caller.aadObjectId, name: caller.name },
          ...data,
          notStored: wording(t).notStored,
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
];
