import { defineRoute } from '../../platform/http/route';
import type { PrivacyAccount } from './domain/privacy';
import { privacyView } from './privacy-schemas';

const route = defineRoute<{ account: PrivacyAccount }>();

/** Public: what Rapport stores is no secret, and people should read it before installing. */
export const privacyRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/privacy',
    summary: 'Every record and field Rapport stores, who can see it and how long it is kept',
    access: 'public',
    responses: { 200: privacyView },
    handler: async (_input, { account }) => ({
      status: 200,
      body: { stored: account.stored, notStored: account.notStored },
    }),
  }),
];
