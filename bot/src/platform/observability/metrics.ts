import type { Meter } from '@opentelemetry/api';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What the app counts, in Prometheus' terms. Every label value is one of a fixed set the code
 * names (a route pattern, an activity type, a job kind, an outcome), never something a request
 * carries: no team, user or conversation id, no name, no text. A value from outside that is not
 * in its set is counted as "other", so nobody can grow the series by sending made-up names.
 */
export interface Metrics {
  readonly registry: Registry;
  /** One HTTP request answered: `route` is the pattern it matched, never the URL. */
  httpRequest(request: { method: string; route: string; status: number; seconds: number }): void;
  /**
   * One activity posted to /api/messages, by type, invoke or event name, and how it ended;
   * answers with the labels it was counted under (unknown names as "other").
   */
  botActivity(activity: {
    type: string;
    name: string;
    outcome: ActivityOutcome;
    seconds: number;
  }): { type: string; name: string; outcome: ActivityOutcome };
  /** A scheduled job ran `lagSeconds` after it was due. */
  jobRan(kind: string, lagSeconds: number): void;
  /** Where the gauges and running totals read from, once the app has them. */
  watch(sources: MetricSources): void;
}

export type ActivityOutcome = 'ok' | 'refused' | 'invalid' | 'unauthorized' | 'failed';

/** Running totals as their owners keep them; each scrape adds what grew since the last one. */
export interface MetricSources {
  /** Messages queued and not yet known to be finished. */
  outboxDepth(): Promise<number>;
  outboxTotals(): {
    sent: number;
    retried: number;
    throttled: number;
    failed: number;
    unreachable: number;
  };
  /** Pings the database; false when it did not answer. */
  pingDatabase(): Promise<boolean>;
  /** Times the embedded database's process was started again; absent with an external one. */
  databaseRestarts?: () => number;
}

/** The activity types Teams sends a bot; anything else is counted as "other". */
const ACTIVITY_TYPES = new Set([
  'message',
  'messageUpdate',
  'messageDelete',
  'messageReaction',
  'conversationUpdate',
  'installationUpdate',
  'invoke',
  'event',
  'typing',
  'endOfConversation',
]);

/** A label value from a fixed set, or "other". */
export const known = (values: ReadonlySet<string>, value: string): string =>
  values.has(value) ? value : 'other';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Seconds: a bot must answer an invoke within 5 s and a message within 15 s. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
const LAG_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

/**
 * The app's registry (one per app, so tests may run several apps in one process), and the same
 * figures as OpenTelemetry instruments on `meter` (a no-op meter when nothing is exported).
 */
export function createMetrics(options: {
  activityNames: ReadonlySet<string>;
  meter: Meter;
}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rapport_' });
  const http = new Histogram({
    name: 'rapport_http_request_duration_seconds',
    help: 'HTTP requests by method, matched route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const activities = new Histogram({
    name: 'rapport_bot_activity_duration_seconds',
    help: 'Activities posted to /api/messages by type, invoke or event name, and outcome',
    labelNames: ['type', 'name', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'rapport_scheduler_lag_seconds',
    help: 'How long after its due time a scheduled job ran, by job kind',
    labelNames: ['kind'],
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  let sources: MetricSources | undefined;
  watchSources(registry, () => sources);
  const exported = exportedInstruments(options.meter, () => sources);
  return {
    registry,
    httpRequest: ({ method, route, status, seconds }) => {
      const m = known(METHODS, method);
      http.observe({ method: m, route, status: String(status) }, seconds);
      exported.http.record(seconds, {
        'http.request.method': m,
        'http.route': route,
        'http.response.status_code': status,
      });
    },
    botActivity: ({ type, name, outcome, seconds }) => {
      const labels = {
        type: known(ACTIVITY_TYPES, type),
        name: name === '' ? '' : known(options.activityNames, name),
        outcome,
      };
      activities.observe(labels, seconds);
      exported.activities.record(seconds, labels);
      return labels;
    },
    jobRan: (kind, lagSeconds) => {
      lag.observe({ kind }, Math.max(0, lagSeconds));
      exported.lag.record(Math.max(0, lagSeconds), { kind });
    },
    watch: (s) => {
      sources = s;
    },
  };
}

/** The same figures for OpenTelemetry, named as its conventions name them where they do. */
function exportedInstruments(meter: Meter, sources: () => MetricSources | undefined) {
  meter
    .createObservableGauge('rapport.outbox.depth', {
      description: 'Proactive messages queued and not yet sent or given up',
    })
    .addCallback(async (result) => {
      const s = sources();
      if (s) result.observe(await s.outboxDepth());
    });
  meter
    .createObservableCounter('rapport.outbox.messages', {
      description:
        'Proactive sends by outcome: sent, retried, throttled (429), failed, unreachable',
    })
    .addCallback((result) => {
      const totals = sources()?.outboxTotals();
      for (const [outcome, count] of Object.entries(totals ?? {}))
        result.observe(count, { outcome });
    });
  meter
    .createObservableCounter('rapport.embedded_database.restarts', {
      description: 'Times the embedded FerretDB process died and was started again',
    })
    .addCallback((result) => {
      const restarts = sources()?.databaseRestarts?.();
      if (restarts !== undefined) result.observe(restarts);
    });
  meter
    .createObservableGauge('rapport.database.ping.duration', {
      description: 'How long the database took to answer a ping',
      unit: 's',
    })
    .addCallback(async (result) => {
      const s = sources();
      if (!s) return;
      const started = process.hrtime.bigint();
      const answered = await s.pingDatabase();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      result.observe(seconds, { reachable: answered });
    });
  return {
    http: meter.createHistogram('http.server.request.duration', {
      description: 'HTTP requests by method, matched route pattern and status',
      unit: 's',
    }),
    activities: meter.createHistogram('rapport.bot.activity.duration', {
      description: 'Activities posted to /api/messages by type, name and outcome',
      unit: 's',
    }),
    lag: meter.createHistogram('rapport.scheduler.lag', {
      description: 'How long after its due time a scheduled job ran',
      unit: 's',
    }),
  };
}

/** The metrics read at scrape time from the outbox, its worker and the database. */
function watchSources(registry: Registry, sources: () => MetricSources | undefined): void {
  new Gauge({
    name: 'rapport_outbox_depth',
    help: 'Proactive messages queued and not yet sent or given up',
    registers: [registry],
    async collect() {
      const s = sources();
      if (s) this.set(await s.outboxDepth());
    },
  });
  const totals = {
    sent: 'Proactive messages Teams accepted',
    retried: 'Sends that failed and will be tried again (429, 412, 5xx, network)',
    throttled: 'Sends Teams answered with 429 Too Many Requests',
    failed: 'Messages given up on',
    unreachable: 'Messages to members who blocked or removed the bot (403)',
  } as const;
  for (const [key, help] of Object.entries(totals) as [keyof typeof totals, string][]) {
    growingTotal(
      registry,
      `rapport_outbox_${key}_total`,
      help,
      () => sources()?.outboxTotals()[key],
    );
  }
  growingTotal(
    registry,
    'rapport_embedded_database_restarts_total',
    'Times the embedded FerretDB process died and was started again',
    () => sources()?.databaseRestarts?.(),
  );
  // Both gauges come from one ping per scrape: the registry collects its metrics concurrently.
  let last: { at: number; ping: Promise<{ seconds: number; answered: boolean }> } | undefined;
  const ping = (s: MetricSources) => {
    if (!last || Date.now() - last.at > 1000) {
      const started = process.hrtime.bigint();
      last = {
        at: Date.now(),
        ping: s.pingDatabase().then((answered) => ({
          answered,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        })),
      };
    }
    return last.ping;
  };
  new Gauge({
    name: 'rapport_database_up',
    help: '1 when the database answered a ping at the last scrape, 0 when it did not',
    registers: [registry],
    async collect() {
      const s = sources();
      if (s) this.set((await ping(s)).answered ? 1 : 0);
    },
  });
  new Gauge({
    name: 'rapport_database_ping_seconds',
    help: 'How long the database took to answer a ping at the last scrape',
    registers: [registry],
    async collect() {
      const s = sources();
      if (s) this.set((await ping(s)).seconds);
    },
  });
}

/** A counter that follows a total kept elsewhere: each scrape adds what it grew by. */
function growingTotal(
  registry: Registry,
  name: string,
  help: string,
  read: () => number | undefined,
): void {
  let seen = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now === undefined) return;
      if (now > seen) this.inc(now - seen);
      seen = now;
    },
  });
}
