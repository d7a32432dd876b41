import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import path from 'node:path';
import { GUID, type AuthConfig, type Config } from './config';
import type { Logger } from './logger';
import { connectDatabase, type Database } from './platform/store/database';
import { prepareSchema } from './platform/store/collections';
import { EmbeddedDatabase, startEmbeddedDatabase } from './platform/store/embedded-database';
import { createInstallationRepository } from './people/installation-repository';
import { createDevTokenIssuer } from './platform/http/auth/dev-tokens';
import { createTokenValidator } from './platform/http/auth/token-validator';
import { createRecognitionService } from './features/recognition/recognition-service';
import { createPeopleDirectory } from './people/people-directory';
import { migrateListings } from './platform/store/listing-migration';
import { migrateRosters } from './people/roster-migration';
import { createRecognitionRepository } from './features/recognition/recognition-repository';
import { createTeamSettingsRepository } from './features/checkins/team-settings-repository';
import { createTrustWeekCounter } from './features/trust-health/trust-week-repository';
import { createAdapter } from './platform/teams/adapter';
import { createOutbox, indexPendingMessages, type Outbox } from './platform/jobs/outbox';
import { startOutboxWorker } from './platform/jobs/outbox-worker';
import { createRateLimiter } from './platform/jobs/rate-limiter';
import { createPersonalConversations } from './people/personal-conversations';
import { createProactiveSender } from './platform/teams/proactive-sender';
import { createRecognitionFlow } from './features/recognition/teams/recognition-flow';
import { createRecipientLookup } from './features/recognition/teams/recognition-recipients';
import { createCheckinService } from './features/checkins/checkin-service';
import { createCheckinDelivery } from './features/checkins/teams/checkin-delivery';
import {
  checkinJobHandlers,
  scheduleRoundEnd,
  scheduleTeamCheckins,
} from './features/checkins/checkin-jobs';
import { createScheduler, type Scheduler } from './platform/jobs/scheduler';
import { retentionJobHandlers, scheduleRetention } from './platform/jobs/retention-jobs';
import { createCheckinRepository } from './features/checkins/checkin-repository';
import { createPersonalDataRepository } from './features/privacy/personal-data-repository';
import { createPersonalDataService } from './features/privacy/personal-data';
import { createCheckinFlow } from './features/checkins/teams/checkin-flow';
import { createAgreementService } from './features/agreements/agreement-service';
import { createAgreementDelivery } from './features/agreements/teams/agreement-delivery';
import { agreementJobHandlers, agreementSchedule } from './features/agreements/agreement-jobs';
import { createAgreementRepository } from './features/agreements/agreement-repository';
import { createAgreementFlow } from './features/agreements/teams/agreement-flow';
import { RapportBot } from './platform/teams/rapport-bot';
import { createServer } from './platform/http/server';
import { healthRoutes } from './platform/http/health-routes';
import { devTokenRoutes } from './platform/http/auth/dev-tokens';
import { privacyRoutes } from './features/privacy/privacy-routes';
import { memberRoutes } from './people/member-routes';
import { meRoutes } from './people/me-routes';
import { checkinRoutes } from './features/checkins/checkin-routes';
import { teamValuesRoutes } from './features/recognition/team-values-routes';
import { agreementRoutes } from './features/agreements/agreement-routes';
import { recognitionRoutes } from './features/recognition/recognition-routes';

export interface RunningApp {
  readonly url: string;
  readonly database: Database;
  readonly embedded?: EmbeddedDatabase;
  /** The one queue for proactive messages; a worker started with the app drains it. */
  readonly outbox: Outbox;
  /** Every route the server answers, so tests can hold the OpenAPI document to it. */
  readonly routes: { method: string; path: string }[];
  /** Check-in rhythm on the database; tests tick it with a chosen clock. */
  readonly scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Folder of the tab's static build. */
  tabDist?: string;
  version?: string;
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

/** Composition root: config → database → repositories → adapter → bot → routes. */
export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<RunningApp> {
  let embedded: EmbeddedDatabase | undefined;
  let uri: string;
  if (config.database.kind === 'embedded') {
    embedded = await startEmbeddedDatabase({
      dataDir: config.database.dataDir,
      cacheDir: config.database.cacheDir,
      logger,
    });
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

async function serve(
  config: Config,
  logger: Logger,
  uri: string,
  options: AppOptions,
  embedded: EmbeddedDatabase | undefined,
): Promise<RunningApp> {
  const database = await connectDatabase(uri, config.database.dbName);
  try {
    await prepareSchema(database.db);
    // Before serving: rosters decide who may read a team's data, listings what a team has.
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

  const installations = createInstallationRepository(database.db);
  // One counter per team and year for recognitions and closed rounds (see its doc).
  const trustWeeks = createTrustWeekCounter(database.db);
  const adapter = createAdapter(config.botAuth, logger);
  const outbox = createOutbox(database.db);
  const personalConversations = createPersonalConversations(database.db);
  const checkins = createCheckinService({
    repo: createCheckinRepository(database.db, trustWeeks),
    roster: installations,
    delivery: createCheckinDelivery({
      installations,
      enqueue: (m) => outbox.enqueue(m),
      unreachableAmong: personalConversations.unreachableAmong,
      logger,
    }),
    newId: randomUUID,
    onRhythmChanged: (teamId) => scheduleTeamCheckins(scheduler, checkins, teamId),
    onRoundOpened: (round) => scheduleRoundEnd(scheduler, round),
  });
  const agreements = createAgreementService({
    repo: createAgreementRepository(database.db),
    roster: installations,
    checkins,
    delivery: createAgreementDelivery({
      installations,
      enqueue: (m) => outbox.enqueue(m),
      teamsAppId: config.teamsAppId,
      logger,
    }),
    schedule: agreementSchedule(() => scheduler),
    newId: randomUUID,
  });
  const scheduler: Scheduler = createScheduler({
    db: database.db,
    handlers: {
      ...checkinJobHandlers({ checkins, installations, logger }),
      ...agreementJobHandlers({ agreements, installations }),
      ...retentionJobHandlers({ outbox }),
    },
    logger,
  });
  const settings = createTeamSettingsRepository(database.db);
  const recognitionRepository = createRecognitionRepository(database.db, trustWeeks, logger);
  const recognitions = createRecognitionService({
    recognitions: recognitionRepository,
    settings,
    agreements,
  });
  const recognition = createRecognitionFlow({
    recognitions,
    settings,
    installations,
    recipients: createRecipientLookup({
      people: createPeopleDirectory(database.db, installations),
      installations,
    }),
    teamsAppId: config.teamsAppId,
    logger,
    agreements,
  });
  const bot = new RapportBot({
    installations,
    recognition,
    checkin: createCheckinFlow({ checkins, installations }),
    agreement: createAgreementFlow({ agreements, teamsAppId: config.teamsAppId, logger }),
    onInstalled: (teamId, installer) => checkins.installed(teamId, installer),
    onPersonalMessage: (aadObjectId) => personalConversations.reachable(aadObjectId),
    logger,
  });
  const { tokens, devTokens } = await createTabAuth(config.auth, logger);
  const server = createServer({
    auth: { tokens, installations, devTokens },
    recognitions,
    checkins,
    agreements,
    personalData: createPersonalDataService({
      store: createPersonalDataRepository(database.db),
      outbox,
    }),
    teamValues: settings,
    adapter,
    bot,
    logger,
    databaseKind: config.database.kind,
    // A dead child is known at once; a ping alone could wait out the restart and report healthy.
    pingDatabase: async () =>
      (embedded ? embedded.pid() !== undefined : true) && (await database.ping()),
    tabDist: options.tabDist ?? path.join(projectRoot(), 'tab', 'dist'),
    version: options.version ?? '0.1.0',
    routes: [
      healthRoutes,
      privacyRoutes,
      devTokenRoutes,
      memberRoutes,
      checkinRoutes,
      teamValuesRoutes,
      meRoutes,
      agreementRoutes,
      recognitionRoutes,
    ],
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;

  const outboxWorker = startOutboxWorker({
    outbox,
    sender: createProactiveSender({
      adapter,
      botAppId: config.botAuth.mode === 'botframework' ? config.botAuth.appId : undefined,
      logger,
    }),
    limiter: createRateLimiter(),
    logger,
    knownConversations: personalConversations.find,
    rememberConversations: personalConversations.rememberAll,
    onUnreachable: (aadObjectId, _tenantId, reason) =>
      personalConversations.markUnreachable(aadObjectId, reason.code ?? 'Forbidden', new Date()),
  });

  await scheduleRetention(scheduler, new Date());
  scheduler.start();
  // In the background: requests finish their own records; this catches what a crash left.
  void recognitionRepository
    .catchUp()
    // Logged even when nothing was left: benchmarks wait for this start-up read to end.
    .then((finished) => logger.info('recognitions checked at start-up', { finished }))
    .catch((err: unknown) => logger.warn('could not finish counting recognitions yet', { err }));
  // Logged last: whoever waits for this line (a supervisor, a test) finds the app fully started.
  logger.info('Rapport is listening', { url, database: config.database.kind });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let in-flight requests finish (bounded by the grace period), then close
      // the database and only then its process, so no acknowledged write is cut off.
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const timer = setTimeout(() => server.server.closeAllConnections(), config.shutdownGraceMs);
      // The outbox worker finishes its in-flight sends meanwhile; it needs the database to the end.
      await Promise.all([closed, outboxWorker.stop(), scheduler.stop()]);
      clearTimeout(timer);
      await database.close();
      await embedded?.stop();
      logger.info('Rapport stopped');
    })());

  const debugInfo: unknown = server.getDebugInfo();
  const routes = z
    .object({ routes: z.array(z.object({ method: z.string(), path: z.string() })) })
    .parse(debugInfo)
    .routes.map(({ method, path: p }) => ({ method, path: p }));

  return { url, database, embedded, outbox, scheduler, routes, stop };
}
