import fs from 'node:fs';
import { z } from 'zod';
import path from 'node:path';
import type { Server } from 'restify';
import { GUID, type AuthConfig, type Config } from './config';
import type { Db } from 'mongodb';
import { createLogger, type Logger } from './logger';
import { connectDatabase, type Database } from './platform/store/database';
import { PLATFORM_SCHEMA, prepareSchema, type SchemaPart } from './platform/store/collections';
import { EmbeddedDatabase, startEmbeddedDatabase } from './platform/store/embedded-database';
import { createDevTokenIssuer } from './platform/http/auth/dev-tokens';
import { createTokenValidator } from './platform/http/auth/token-validator';
import { domainErrors, PLATFORM_ERROR_STATUSES } from './platform/http/domain-errors';
import { migrateListings } from './migrations/listing-migration';
import { migrateRosters } from './people/roster-migration';
import { createPeople, type People } from './people/people';
import { createAdapter, type RapportAdapter } from './platform/teams/adapter';
import { createOutbox, indexPendingMessages, type Outbox } from './platform/jobs/outbox';
import { MESSAGES_STORED_DATA } from './platform/jobs/messages-stored-data';
import { startOutboxWorker, type OutboxWorker } from './platform/jobs/outbox-worker';
import { createRateLimiter } from './platform/jobs/rate-limiter';
import { createProactiveSender } from './platform/teams/proactive-sender';
import { createScheduler, type Scheduler } from './platform/jobs/scheduler';
import { retentionJobHandlers, scheduleRetention } from './platform/jobs/retention-jobs';
import { registry } from './platform/registry';
import type { Feature, FeatureContext } from './platform/feature';
import { RapportBot } from './platform/teams/rapport-bot';
import { createServer } from './platform/http/server';
import type { Readiness } from './platform/http/health-routes';
import { createMetrics } from './platform/observability/metrics';
import { startTelemetry, type Telemetry } from './platform/observability/telemetry';
import { KNOWN_ACTIVITY_NAMES } from './platform/teams/incoming-activity';
import type { ApiRoute } from './platform/http/route';
import { createAgreementsFeature } from './features/agreements';
import { createCoffeeFeature } from './features/coffee';
import { createIcebreakersFeature } from './features/icebreakers';
import { createInterestsFeature } from './features/interests';
import { createCheckinsFeature } from './features/checkins';
import { createFollowThroughFeature, type FollowThroughFeature } from './features/follow-through';
import { createPrivacyFeature } from './features/privacy';
import { createRecognitionFeature } from './features/recognition';
import { createTrustHealthFeature } from './features/trust-health';

export interface RunningApp {
  readonly url: string;
  readonly database: Database;
  readonly embedded?: EmbeddedDatabase;
  /** The one queue for proactive messages; a worker started with the app drains it. */
  readonly outbox: Outbox;
  /** Every route the server answers, so tests can hold the OpenAPI document to it. */
  readonly routes: { method: string; path: string }[];
  /** The tab API's route definitions, so tests can hold each answer to its schema. */
  readonly apiRoutes: readonly ApiRoute[];
  /** Check-in rhythm on the database; tests tick it with a chosen clock. */
  readonly scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Folder of the tab's static build. */
  tabDist?: string;
  version?: string;
  /** The embedded database, when the caller launched it already (to start it while this loads). */
  embedded?: Promise<EmbeddedDatabase>;
}

/** The folder holding package.json, whether running from source (tests) or from dist/. */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

/**
 * The tab API's one token validator. In dev mode it checks tokens signed by a key generated
 * here, which also mints them; in entra mode, Teams SSO tokens against Microsoft's keys.
 */
async function createTabAuth(auth: AuthConfig, logger: Logger) {
  if (auth.tenantId !== undefined && !GUID.test(auth.tenantId)) {
    // Tokens name the tenant by GUID (`tid`), so a domain name here would refuse everyone.
    logger.warn('tab API: the allowed tenant is not a GUID; set AUTH_TENANT_ID to the tenant id', {
      configuredTenant: auth.tenantId,
    });
  }
  if (auth.mode === 'entra') {
    logger.info('tab API auth: Entra ID tokens', { audiences: auth.audiences });
    return { tokens: createTokenValidator(auth), devTokens: undefined };
  }
  logger.info('tab API auth: dev tokens from POST /api/dev/token (loopback only)');
  const devTokens = await createDevTokenIssuer();
  const tokens = createTokenValidator({
    mode: 'dev',
    keys: devTokens.keys,
    tenantId: auth.tenantId,
  });
  return { tokens, devTokens };
}

/** Composition root: config → database → platform → people → features → server and bot. */
export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<RunningApp> {
  let embedded: EmbeddedDatabase | undefined;
  let uri: string;
  if (config.database.kind === 'embedded') {
    embedded = await (options.embedded ??
      startEmbeddedDatabase({
        dataDir: config.database.dataDir,
        cacheDir: config.database.cacheDir,
        logger,
      }));
    uri = embedded.uri;
  } else {
    uri = config.database.uri;
  }

  try {
    return await serve(config, logger, uri, options, embedded);
  } catch (err) {
    // The child would outlive us otherwise: Node does not end child processes on exit.
    await embedded?.stop();
    throw err;
  }
}

/**
 * Every feature, in the order their lines appear in the welcome and help messages and in the
 * privacy account. A new feature is one more line in the list.
 */
function createFeatures(platform: FeatureContext, people: People): Feature[] {
  const trustHealth = createTrustHealthFeature({ platform });
  const trustWeeks = trustHealth.counter;
  // Follow-through reads check-ins, and check-ins call it around rounds: built after them, it is
  // read only when a round opens or closes, long after this function returned.
  const checkins = createCheckinsFeature({
    platform,
    people,
    trustWeeks,
    followUp: () => followThrough.roundFollowUp,
  });
  const agreements = createAgreementsFeature({ platform, people, checkins: checkins.service });
  const followThrough: FollowThroughFeature = createFollowThroughFeature({
    platform,
    people,
    checkins: checkins.service,
    agreements: agreements.service,
  });
  const features: Feature[] = [
    createRecognitionFeature({
      platform,
      people,
      trustWeeks,
      agreements: agreements.service,
      checkins: checkins.service,
      settings: checkins.settings,
    }),
    checkins,
    trustHealth,
    followThrough,
    agreements,
    createCoffeeFeature({ platform, people, checkins: checkins.service }),
    createIcebreakersFeature({ platform, people, checkins: checkins.service }),
    createInterestsFeature({ platform, people, checkins: checkins.service }),
  ];
  const storedData = [
    people.storedData,
    MESSAGES_STORED_DATA,
    ...features.map((f) => f.storedData),
  ];
  const personalData = [
    { owner: people.name, part: people.personalData },
    ...features.flatMap((f) => (f.personalData ? [{ owner: f.name, part: f.personalData }] : [])),
  ];
  return [...features, createPrivacyFeature({ platform, people, storedData, personalData })];
}

/** The parts whose collections start-up prepares, in its order. */
const schemaOf = (people: People, features: readonly Feature[]): SchemaPart[] => [
  PLATFORM_SCHEMA,
  people,
  ...features,
];

/**
 * The app's whole schema, read from the platform, people and every feature of createFeatures
 * as the composition root builds them (nothing runs: a feature only declares its collections).
 * Tests and benchmarks that use the database without the app prepare it from here, so a
 * feature's collections are declared once, in its Feature.
 */
export function appSchema(db: Db): SchemaPart[] {
  const idle = () => {
    throw new Error('the app is not running: its parts were built only to read their schema');
  };
  const people = createPeople(db);
  const platform: FeatureContext = {
    db,
    logger: createLogger('error', () => undefined),
    outbox: { enqueue: idle, removeFor: idle },
    scheduler: idle,
    teamsAppId: '',
  };
  return schemaOf(people, createFeatures(platform, people));
}

/** Before serving: rosters decide who may read a team's data, listings what a team has. */
async function prepareDatabase(
  database: Database,
  parts: readonly SchemaPart[],
  logger: Logger,
): Promise<void> {
  try {
    await prepareSchema(database.db, parts);
    const moved = await migrateRosters(database.db);
    if (moved > 0) logger.info('rosters moved to one document per conversation', { moved });
    const listed = await migrateListings(database.db);
    if (listed > 0) logger.info('records listed under their team', { listed });
    const indexed = await indexPendingMessages(database.db);
    if (indexed > 0) logger.info('queued messages indexed', { indexed });
  } catch (err) {
    await database.close();
    throw err;
  }
}

async function serve(
  config: Config,
  logger: Logger,
  uri: string,
  options: AppOptions,
  embedded: EmbeddedDatabase | undefined,
): Promise<RunningApp> {
  const database = await connectDatabase(uri, config.database.dbName);
  const outbox = createOutbox(database.db);
  const platform: FeatureContext = {
    db: database.db,
    logger,
    outbox,
    scheduler: () => scheduler,
    teamsAppId: config.teamsAppId,
  };
  const people = createPeople(database.db);
  const features = createFeatures(platform, people);
  const readiness: Readiness = { schemaPrepared: false, stopping: false };
  await prepareDatabase(database, schemaOf(people, features), logger);
  readiness.schemaPrepared = true;
  const version = options.version ?? '0.1.0';
  const telemetry = await startTelemetry(config.telemetry, version, logger);
  const metrics = createMetrics({ activityNames: KNOWN_ACTIVITY_NAMES, meter: telemetry.meter });
  const scheduler = createScheduler({
    db: database.db,
    handlers: Object.fromEntries(
      registry([
        { owner: 'platform', entries: retentionJobHandlers({ outbox }) },
        ...features.map((f) => ({ owner: f.name, entries: f.jobs })),
      ]),
    ),
    logger,
    onRun: (kind, lagMs) => metrics.jobRan(kind, lagMs / 1000),
  });
  const adapter = createAdapter(config.botAuth, logger);
  // A dead child is known at once; a ping alone could wait out the restart and report healthy.
  const pingDatabase = async () =>
    (embedded ? embedded.pid() !== undefined : true) && (await database.ping());
  const { server, apiRoutes } = createServer({
    adapter,
    bot: new RapportBot({
      installations: people.installations,
      features,
      onPersonalMessage: (aadObjectId) => people.personalConversations.reachable(aadObjectId),
      onLocale: (person, tag) => people.personalConversations.rememberLocale(person, tag),
      logger,
    }),
    logger,
    databaseKind: config.database.kind,
    pingDatabase,
    readiness: () => readiness,
    metrics,
    metricsAccess: config.metrics,
    tracer: telemetry.tracer,
    tabDist: options.tabDist ?? path.join(projectRoot(), 'tab', 'dist'),
    version,
    http: {
      ...(await createTabAuth(config.auth, logger)),
      installations: people.installations,
      errors: domainErrors([
        { owner: 'platform', entries: PLATFORM_ERROR_STATUSES },
        ...features.map((f) => ({ owner: f.name, entries: f.errors })),
      ]),
      logger,
    },
    routes: [...people.routes, ...features.flatMap((f) => f.routes ?? [])],
    pages: features.flatMap((f) => (f.pages ? [f.pages] : [])),
  });

  const url = await listen(server, config);
  const outboxWorker = startDelivery({ config, adapter, outbox, people, logger });
  metrics.watch({
    outboxDepth: () => outbox.depth(),
    outboxTotals: () => outboxWorker.counters(),
    pingDatabase,
    databaseRestarts: embedded?.restarts,
  });
  await startSchedule(scheduler, features);
  // Logged last: whoever waits for this line (a supervisor, a test) finds the app fully started.
  logger.info('Rapport is listening', { url, database: config.database.kind });

  const stop = stopper({
    config,
    logger,
    server,
    outboxWorker,
    scheduler,
    database,
    embedded,
    readiness,
    telemetry,
  });
  return { url, database, embedded, outbox, scheduler, routes: routesOf(server), apiRoutes, stop };
}

/** Listens on the configured address; answers with the URL it serves. */
async function listen(server: Server, config: Config): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
}

/** The outbox worker: sends queued proactive messages through the adapter, within Teams' limits. */
function startDelivery(deps: {
  config: Config;
  adapter: RapportAdapter;
  outbox: Outbox;
  people: People;
  logger: Logger;
}): OutboxWorker {
  const { config, people, logger } = deps;
  const conversations = people.personalConversations;
  return startOutboxWorker({
    outbox: deps.outbox,
    sender: createProactiveSender({
      adapter: deps.adapter,
      botAppId: config.botAuth.mode === 'botframework' ? config.botAuth.appId : undefined,
      logger,
    }),
    limiter: createRateLimiter(),
    logger,
    knownConversations: conversations.find,
    rememberConversations: conversations.rememberAll,
    onUnreachable: (aadObjectId, _tenantId, reason) =>
      conversations.markUnreachable(aadObjectId, reason.code ?? 'Forbidden', new Date()),
  });
}

/** The platform's and every feature's recurring jobs, then the loop that runs them. */
async function startSchedule(scheduler: Scheduler, features: readonly Feature[]): Promise<void> {
  const now = new Date();
  await scheduleRetention(scheduler, now);
  scheduler.start();
  for (const feature of features) await feature.start?.(scheduler, now);
}

function stopper(deps: {
  config: Config;
  logger: Logger;
  server: Server;
  outboxWorker: OutboxWorker;
  scheduler: Scheduler;
  database: Database;
  embedded: EmbeddedDatabase | undefined;
  readiness: Readiness;
  telemetry: Telemetry;
}): () => Promise<void> {
  const { server, config } = deps;
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      deps.readiness.stopping = true;
      // Stop accepting, let in-flight requests finish (bounded by the grace period), then close
      // the database and only then its process, so no acknowledged write is cut off.
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const timer = setTimeout(() => server.server.closeAllConnections(), config.shutdownGraceMs);
      // The outbox worker finishes its in-flight sends meanwhile; it needs the database to the end.
      await Promise.all([closed, deps.outboxWorker.stop(), deps.scheduler.stop()]);
      clearTimeout(timer);
      await deps.database.close();
      await deps.embedded?.stop();
      // Last, so the spans of the requests that finished meanwhile are sent too.
      await deps.telemetry.shutdown();
      deps.logger.info('Rapport stopped');
    })());
}

/** Every route the server answers, as restify lists them. */
function routesOf(server: Server): { method: string; path: string }[] {
  const debugInfo: unknown = server.getDebugInfo();
  return z
    .object({ routes: z.array(z.object({ method: z.string(), path: z.string() })) })
    .parse(debugInfo)
    .routes.map(({ method, path: p }) => ({ method, path: p }));
}
