import { defineRoute } from '../../platform/http/route';
import type { AccountWording } from './account-wording';
import { privacyView } from './privacy-schemas';

const route = defineRoute<{ wording: AccountWording }>();

/** Public: what Rapport stores is no secret, and people should read it before installing. */
export const privacyRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/privacy',
    summary: 'Every record and field Rapport stores, who can see it and how long it is kept',
    access: 'public',
    responses: { 200: privacyView },
    handler: async ({ t }, { wording }) => ({ status: 200, body: wording(t) }),
  }),
];
