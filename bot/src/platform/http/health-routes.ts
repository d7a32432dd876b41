import { z } from 'zod';
import { defineRoute } from './route';

export interface HealthDeps {
  databaseKind: 'embedded' | 'external';
  pingDatabase: () => Promise<boolean>;
  readiness: () => Readiness;
  version: string;
}

/** What the app knows about itself that readiness depends on, besides the database. */
export interface Readiness {
  /** Collections, indexes and start-up migrations are done. */
  schemaPrepared: boolean;
  /** Shutting down: let the load balancer send new requests elsewhere. */
  stopping: boolean;
}

const readyBody = (status: 'ready' | 'not-ready', description: string) =>
  z
    .strictObject({
      status: z.literal(status),
      checks: z.strictObject({
        database: z.enum(['reachable', 'unreachable']),
        schema: z.enum(['prepared', 'pending']),
        accepting: z.boolean().meta({ description: 'False while the app shuts down' }),
      }),
      version: z.string(),
    })
    .meta({ description });

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
  route({
    method: 'GET',
    path: '/readyz',
    summary: 'Readiness: ready to serve requests (for App Service and load balancers)',
    access: 'public',
    responses: {
      200: readyBody(
        'ready',
        'The database answers, the schema is prepared, requests are accepted',
      ),
      503: readyBody(
        'not-ready',
        'Something the app needs to serve is not there yet, or it is stopping',
      ),
    },
    handler: async (_input, { pingDatabase, readiness, version }) => {
      const { schemaPrepared, stopping } = readiness();
      const reachable = await pingDatabase();
      const checks = {
        database: reachable ? 'reachable' : 'unreachable',
        schema: schemaPrepared ? 'prepared' : 'pending',
        accepting: !stopping,
      } as const;
      return reachable && schemaPrepared && !stopping
        ? ({ status: 200, body: { status: 'ready', checks, version } } as const)
        : ({ status: 503, body: { status: 'not-ready', checks, version } } as const);
    },
  }),
];
