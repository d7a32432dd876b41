import restify, { Request, Response, Server } from 'restify';
import type { DevTokenIssuer } from './auth/dev-tokens';
import type { MemberRoutesDeps } from '../../people/member-routes';
import type { TokenValidator } from './auth/token-validator';
import { sendError } from './http-error';
import { openApiDocument } from './openapi';
import { registerRoutes, type Route } from './route';
import type { InstallationRepository } from '../../people/domain/installation';
import type { RecognitionService } from '../../features/recognition/recognition-service';
import type { CheckinService } from '../../features/checkins/checkin-service';
import type { TeamValuesStore } from '../../features/checkins/team-settings-repository';
import type { PersonalDataService } from '../../features/privacy/personal-data';
import type { AgreementService } from '../../features/agreements/agreement-service';
import type { Logger } from '../../logger';
import type { RapportAdapter } from '../teams/adapter';
import { botEndpoint } from '../teams/bot-endpoint';
import type { RapportBot } from '../teams/rapport-bot';
import { tabFiles } from './tab-files';
import { PRIVACY_PAGE, publicPage, TERMS_PAGE } from '../../features/privacy/public-pages';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: RapportAdapter;
  bot: RapportBot;
  logger: Logger;
  databaseKind: 'embedded' | 'external';
  pingDatabase: () => Promise<boolean>;
  tabDist: string;
  version: string;
  recognitions: RecognitionService;
  checkins: CheckinService;
  personalData: PersonalDataService;
  teamValues: TeamValuesStore;
  agreements: AgreementService;
  /** The tab API's one token validator, the roster it checks, and dev tokens in dev mode. */
  auth: {
    tokens: TokenValidator;
    installations: MemberRoutesDeps['installations'] &
      Pick<InstallationRepository, 'roster' | 'rosterSince'>;
    devTokens?: DevTokenIssuer;
  };
  /** The API's routes, each feature's as one list: served, and documented at /api/openapi.json. */
  routes: readonly (readonly Route<ApiDeps>[])[];
}

/** What the route handlers are handed: the services, and what the access checks need. */
export type ApiDeps = ReturnType<typeof apiDeps>;

function apiDeps(deps: Omit<ServerDeps, 'routes'>) {
  return {
    ...deps.auth,
    logger: deps.logger,
    databaseKind: deps.databaseKind,
    pingDatabase: deps.pingDatabase,
    version: deps.version,
    recognitions: deps.recognitions,
    checkins: deps.checkins,
    personalData: deps.personalData,
    teamValues: deps.teamValues,
    agreements: deps.agreements,
  };
}

/**
 * Builds the HTTP surface: the bot endpoint, the tab API, health, and the tab's static files.
 *
 * Long because it lists the whole HTTP surface in one place, in the order restify applies it.
 */
export function createServer(deps: ServerDeps): Server {
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

  server.post('/api/messages', botEndpoint(deps));

  const routes = deps.routes.flat();
  const document = openApiDocument(routes, deps.version);
  server.get('/api/openapi.json', async (_req: Request, res: Response) => {
    res.json(document);
  });
  // The manifest's privacyUrl and termsOfUseUrl.
  server.get('/privacy', publicPage(PRIVACY_PAGE));
  server.get('/terms', publicPage(TERMS_PAGE));
  registerRoutes(server, routes, apiDeps(deps));

  // No catch-all route: one would make every path look like it answers that method (restify
  // lists the methods of every matching route in a 405's Allow). Paths no route matches land
  // here instead: the API answers in JSON, and any other GET is the tab.
  server.on('MethodNotAllowed', (req: Request, res: Response, _err: unknown, done: () => void) => {
    sendError(
      res,
      405,
      'METHOD_NOT_ALLOWED',
      `${req.method} is not allowed on ${req.path()}: it answers ${String(res.getHeader('allow'))}.`,
    );
    done();
  });
  const tab = tabFiles(deps.tabDist);
  server.on('NotFound', (req: Request, res: Response, _err: unknown, done: () => void) => {
    if (req.path().startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      sendError(
        res,
        404,
        'NOT_FOUND',
        `${req.path()} is not part of the API; see /api/openapi.json.`,
      );
    } else {
      tab(req, res);
    }
    done();
  });

  return server;
}
