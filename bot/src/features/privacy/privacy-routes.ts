import { defineRoute } from '../../platform/http/route';
import { NOT_STORED, STORED } from './domain/privacy';
import { privacyView } from './privacy-schemas';

const route = defineRoute<unknown>();

/** Public: what Rapport stores is no secret, and people should read it before installing. */
export const privacyRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/privacy',
    summary: 'Every record and field Rapport stores, who can see it and how long it is kept',
    access: 'public',
    responses: { 200: privacyView },
    handler: async () => ({ status: 200, body: { stored: STORED, notStored: NOT_STORED } }),
  }),
];
