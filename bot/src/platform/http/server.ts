import restify, { Request, Response, Server } from 'restify';
import { devTokenRoutes } from './auth/dev-tokens';
import { healthRoutes, type Readiness } from './health-routes';
import { metricsEndpoint, type MetricsAccess } from './metrics-endpoint';
import type { Tracer } from '@opentelemetry/api';
import type { Metrics } from '../observability/metrics';
import { observeRequests } from './request-telemetry';
import { sendError } from './http-error';
import { readerOf } from './reader-language';
import { openApiDocument } from './openapi';
import { registerRoutes, serveWith, type ApiRoute } from './route';
import type { Logger } from '../../logger';
import type { RapportAdapter } from '../teams/adapter';
import { botEndpoint, type BotEndpointDeps } from '../teams/bot-endpoint';
import { tabFiles } from './tab-files';
import type { HttpContext, PageRegistration } from '../feature';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: RapportAdapter;
  bot: BotEndpointDeps['bot'];
  logger: Logger;
  databaseKind: 'embedded' | 'external';
  pingDatabase: () => Promise<boolean>;
  /** What /readyz reports besides the database: schema prepared, not stopping. */
  readiness: () => Readiness;
  metrics: Metrics;
  metricsAccess: MetricsAccess;
  /** Spans for OpenTelemetry (a tracer that records nothing when nothing is exported). */
  tracer: Tracer;
  tabDist: string;
  version: string;
  /** The tab API's one token validator, the roster it checks, and dev tokens in dev mode. */
  http: HttpContext;
  /** People's and every feature's API routes, with the services their handlers need. */
  routes: readonly ApiRoute[];
  /** Pages outside the API (the privacy feature's public pages). */
  pages: readonly PageRegistration[];
}

/**
 * Builds the HTTP surface: the bot endpoint, the tab API, health, and the tab's static files.
 *
 * Long because it lists the whole HTTP surface in one place, in the order restify applies it.
 */
export interface HttpSurface {
  server: Server;
  /** The tab API as served and documented, for tests that hold answers to their schemas. */
  apiRoutes: readonly ApiRoute[];
}

export function createServer(deps: ServerDeps): HttpSurface {
  const server = restify.createServer({ name: 'rapport', handleUncaughtExceptions: false });

  // Parsed before routing so that a malformed or oversized body gets the same 400/413 answer on
  // every path, whether or not a route exists for it.
  server.pre(
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      mapFiles: false,
      rejectUnknown: false,
    }),
  );
  server.use(restify.plugins.queryParser({ mapParams: false }));
  observeRequests(server, deps.metrics, deps.tracer);

  server.get('/metrics', metricsEndpoint(deps.metrics.registry, deps.metricsAccess));

  server.post('/api/messages', botEndpoint(deps));

  const routes = [
    ...serveWith(healthRoutes, deps),
    ...serveWith(devTokenRoutes, deps.http),
    ...deps.routes,
  ];
  const document = openApiDocument(routes, deps.version);
  server.get('/api/openapi.json', async (_req: Request, res: Response) => {
    res.json(document);
  });
  for (const register of deps.pages) register(server);
  registerRoutes(server, routes, deps.http);

  // No catch-all route: one would make every path look like it answers that method (restify
  // lists the methods of every matching route in a 405's Allow). Paths no route matches land
  // here instead: the API answers in JSON, and any other GET is the tab.
  server.on('MethodNotAllowed', (req: Request, res: Response, _err: unknown, done: () => void) => {
    const t = readerOf(req, res);
    const allowed = String(res.getHeader('allow'));
    const values = { method: String(req.method), path: req.path(), allowed };
    sendError(res, 405, 'METHOD_NOT_ALLOWED', t('errors.METHOD_NOT_ALLOWED', values));
    done();
  });
  const tab = tabFiles(deps.tabDist);
  server.on('NotFound', (req: Request, res: Response, _err: unknown, done: () => void) => {
    if (req.path().startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      const t = readerOf(req, res);
      sendError(res, 404, 'NOT_FOUND', t('errors.NOT_FOUND', { what: 'path', path: req.path() }));
    } else {
      tab(req, res);
    }
    done();
  });

  return { server, apiRoutes: routes };
}
