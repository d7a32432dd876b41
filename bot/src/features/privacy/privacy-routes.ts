import type { Server } from 'restify';
import type { PrivacyAccount } from './domain/privacy';

/** Public: what Rapport stores is no secret, and people should read it before installing. */
export function registerPrivacyRoutes(server: Server, account: PrivacyAccount): void {
  server.get('/api/v1/privacy', async (_req, res) => {
    res.json({ stored: account.stored, notStored: account.notStored });
  });
}
