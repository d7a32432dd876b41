import type { Server } from 'restify';
import { NOT_STORED, STORED } from './domain/privacy';

/** Public: what Rapport stores is no secret, and people should read it before installing. */
export function registerPrivacyRoutes(server: Server): void {
  server.get('/api/v1/privacy', async (_req, res) => {
    res.json({ stored: STORED, notStored: NOT_STORED });
  });
}
