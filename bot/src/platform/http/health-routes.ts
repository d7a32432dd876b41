import { z } from 'zod';
import { defineRoute } from './route';

export interface HealthDeps {
  databaseKind: 'embedded' | 'external';
  pingDatabase: () => Promise<boolean>;
  version: string;
}

const health = <S extends string, R extends boolean>(
  status: S,
  reachable: R,
  description: string,
) =>
  z
    .strictObject({
      status: z.literal(status),
      database: z.strictObject({
        kind: z.enum(['embedded', 'external']),
        reachable: z.literal(reachable),
      }),
      version: z.string(),
    })
    .meta({ description });

const route = defineRoute<HealthDeps>();

export const healthRoutes = [
  route({
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and database reachability',
    access: 'public',
    responses: {
      200: health('ok', true, 'The app and its database answer'),
      503: health('unavailable', false, 'The database is unreachable'),
    },
    handler: async (_input, { pingDatabase, databaseKind: kind, version }) =>
      (await pingDatabase())
        ? ({
            status: 200,
            body: { status: 'ok', database: { kind, reachable: true }, version },
          } as const)
        : ({
            status: 503,
            body: { status: 'unavailable', database: { kind, reachable: false }, version },
          } as const),
  }),
];
