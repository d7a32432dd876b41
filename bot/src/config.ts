import path from 'node:path';
import { z } from 'zod';
import type { TelemetryConfig } from './platform/observability/telemetry';

/** Thrown when the environment cannot start the app; the message names every bad variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** The app id local runs and the local app package share, so deep links work in a sideloaded dev app. */
export const DEV_TEAMS_APP_ID = '6d0c5f7e-3a51-4a43-9f0e-7a3c1b2d4e5f';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Where Microsoft publishes the keys that sign Entra ID tokens for every tenant. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]']);

/** True for the addresses only this machine can reach: dev tokens may be minted there only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK_HOSTS.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

const defaultHost = (botId: string | undefined) => (botId ? '0.0.0.0' : '127.0.0.1');

/** A JWKS location: https, or http only on loopback (a local key server in tests). */
const jwksUrl = optionalText.refine(
  (v) => {
    if (v === undefined) return true;
    try {
      const url = new URL(v);
      return (
        url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
      );
    } catch {
      return false;
    }
  },
  { message: 'must be an https:// URL (http:// only for a loopback host)' },
);

/** Comma-separated list; empty entries are dropped. */
const audienceList = optionalText.transform((v) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
);

/** Milliseconds from `min` to `max`, with a default. */
const millis = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `must be a whole number of milliseconds from ${min} to ${max}`,
    })
    .transform(Number);

const port = (fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535, {
      message: 'must be a whole number from 0 to 65535',
    })
    .transform(Number);

const envSchema = z
  .object({
    PORT: port(3978),
    HOST: optionalText,
    MONGODB_URI: optionalText.refine((v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v), {
      message: 'must start with mongodb:// or mongodb+srv://',
    }),
    MONGODB_DB: z
      .string()
      .trim()
      .default('rapport')
      .refine((v) => /^[A-Za-z0-9_-]{1,38}$/.test(v), {
        message: 'must be 1–38 letters, digits, "_" or "-"',
      }),
    DATA_DIR: z.string().trim().min(1, 'must not be empty').default('.data'),
    FERRETDB_CACHE_DIR: z.string().trim().min(1, 'must not be empty').default('.cache/ferretdb'),
    BOT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), {
      message: 'must be the bot’s Microsoft App ID (a GUID)',
    }),
    BOT_PASSWORD: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('MultiTenant'),
    BOT_TENANT_ID: optionalText,
    TEAMS_APP_ID: z
      .string()
      .trim()
      .default(DEV_TEAMS_APP_ID)
      .refine((v) => GUID.test(v), {
        message: 'must be the Teams app id from the manifest (a GUID)',
      }),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    AUTH_MODE: optionalText.pipe(
      z.enum(['entra', 'dev'], { message: 'must be "entra" or "dev"' }).optional(),
    ),
    AUTH_JWKS_URL: jwksUrl,
    AUTH_AUDIENCE: audienceList,
    AUTH_TENANT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), {
      message: 'must be the Entra tenant id (a GUID), as it appears in tokens’ "tid" claim',
    }),
    METRICS_TOKEN: optionalText.refine((v) => v === undefined || /^[\x21-\x7e]{16,512}$/.test(v), {
      message: 'must be 16 to 512 printable characters without spaces (it is a bearer token)',
    }),
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.refine(
      (v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v),
      {
        message:
          'must be the collector’s http:// or https:// base URL (such as http://127.0.0.1:4318)',
      },
    ),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine(
      (v) => v === undefined || /(^|;)\s*InstrumentationKey=[0-9a-f-]{36}\s*(;|$)/i.test(v),
      {
        message:
          'must be the Application Insights resource’s connection string (InstrumentationKey=…;IngestionEndpoint=…)',
      },
    ),
    OTEL_SERVICE_NAME: z
      .string()
      .trim()
      .default('rapport')
      .refine((v) => /^[\x21-\x7e]{1,100}$/.test(v), {
        message: 'must be 1–100 printable characters without spaces',
      }),
    OTEL_BSP_SCHEDULE_DELAY: millis(5000, 100, 60_000),
    OTEL_METRIC_EXPORT_INTERVAL: millis(60_000, 1000, 3_600_000),
    SHUTDOWN_GRACE_MS: z
      .string()
      .trim()
      .default('10000')
      .refine((v) => /^\d+$/.test(v) && Number(v) <= 120000, {
        message: 'must be a whole number of milliseconds up to 120000',
      })
      .transform(Number),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_ID && !env.BOT_PASSWORD && env.BOT_TYPE !== 'UserAssignedMsi') {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_PASSWORD'],
        message: 'is required when BOT_ID is set (or set BOT_TYPE=UserAssignedMsi)',
      });
    }
    if (!env.BOT_ID && env.BOT_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_ID'],
        message: 'is required when BOT_PASSWORD is set',
      });
    }
    if (env.BOT_TYPE !== 'MultiTenant' && !env.BOT_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_TENANT_ID'],
        message: `is required when BOT_TYPE=${env.BOT_TYPE}`,
      });
    }
    // A managed identity gets its tokens from the platform; a secret beside it would mean the
    // operator believes it is used, and the Bot Framework refuses the pair at start-up anyway.
    if (env.BOT_TYPE === 'UserAssignedMsi' && env.BOT_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_PASSWORD'],
        message:
          'must be unset when BOT_TYPE=UserAssignedMsi: the managed identity signs the bot in',
      });
    }
    // Tab API auth. Dev tokens can be minted by anyone who reaches the server, so dev mode is
    // only allowed where nobody else can reach it.
    const authMode = env.AUTH_MODE ?? (env.BOT_ID ? 'entra' : 'dev');
    const host = env.HOST ?? defaultHost(env.BOT_ID);
    if (authMode === 'dev' && !isLoopbackHost(host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message:
          `is dev${env.AUTH_MODE ? '' : ' (the default without BOT_ID)'}, which lets anyone ` +
          `who reaches the server mint tokens, so HOST must be loopback (127.0.0.1, ::1 or ` +
          `localhost), not "${host}": set HOST=127.0.0.1, or set AUTH_MODE=entra`,
      });
    }
    if (authMode === 'dev') {
      for (const name of ['AUTH_JWKS_URL', 'AUTH_AUDIENCE'] as const) {
        if (env[name] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'applies only when AUTH_MODE=entra: unset it, or set AUTH_MODE=entra',
          });
      }
    }
    if (authMode === 'entra' && !env.BOT_ID && !env.AUTH_AUDIENCE?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_AUDIENCE'],
        message:
          'is required when AUTH_MODE=entra and BOT_ID is unset: the Application ID URI ' +
          'and/or client id of the tab’s Entra app, comma-separated',
      });
    }
  });

export type BotAuth =
  | { mode: 'anonymous' }
  | {
      mode: 'botframework';
      appId: string;
      password?: string;
      type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMsi';
      tenantId?: string;
    };

export type DatabaseConfig =
  | { kind: 'external'; uri: string; dbName: string }
  | { kind: 'embedded'; dataDir: string; cacheDir: string; dbName: string };

/**
 * How the tab API checks bearer tokens. One validation path for both: `entra` verifies Teams SSO
 * tokens against Microsoft's published keys; `dev` verifies tokens signed by a key generated at
 * start-up and minted by POST /api/dev/token (loopback only).
 */
export type AuthConfig =
  | {
      mode: 'entra';
      jwksUrl: string;
      /** Accepted `aud` values: the Application ID URI (v1 tokens) and the client id (v2). */
      audiences: string[];
      /** When set, a token's `tid` must equal it. */
      tenantId?: string;
    }
  | { mode: 'dev'; tenantId?: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  botAuth: BotAuth;
  auth: AuthConfig;
  teamsAppId: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  shutdownGraceMs: number;
  /** GET /metrics: with a token, for whoever sends it; without, for this machine only. */
  metrics: { token?: string };
  /** OpenTelemetry export: off unless an OTLP endpoint or an Application Insights string is set. */
  telemetry: TelemetryConfig;
}

/** Variables whose values are secrets: an error names them without showing what was set. */
const SECRETS = new Set(['BOT_PASSWORD', 'METRICS_TOKEN', 'APPLICATIONINSIGHTS_CONNECTION_STRING']);

/**
 * Parses the environment once. Anonymous bot auth binds to loopback by default, so a local
 * zero-config run is never reachable from the network without the operator choosing HOST.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const raw = env[name];
        const shown =
          raw === undefined || SECRETS.has(name)
            ? ''
            : ` (got "${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}")`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  const botAuth: BotAuth = e.BOT_ID
    ? {
        mode: 'botframework',
        appId: e.BOT_ID,
        password: e.BOT_PASSWORD,
        type: e.BOT_TYPE,
        tenantId: e.BOT_TENANT_ID,
      }
    : { mode: 'anonymous' };
  return {
    port: e.PORT,
    host: e.HOST ?? defaultHost(e.BOT_ID),
    database: e.MONGODB_URI
      ? { kind: 'external', uri: e.MONGODB_URI, dbName: e.MONGODB_DB }
      : {
          kind: 'embedded',
          dataDir: path.resolve(cwd, e.DATA_DIR),
          cacheDir: path.resolve(cwd, e.FERRETDB_CACHE_DIR),
          dbName: e.MONGODB_DB,
        },
    botAuth,
    auth: authConfig(e),
    teamsAppId: e.TEAMS_APP_ID,
    logLevel: e.LOG_LEVEL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    metrics: { token: e.METRICS_TOKEN },
    telemetry: {
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      azureMonitorConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      serviceName: e.OTEL_SERVICE_NAME,
      spanDelayMs: e.OTEL_BSP_SCHEDULE_DELAY,
      metricIntervalMs: e.OTEL_METRIC_EXPORT_INTERVAL,
    },
  };
}

function authConfig(e: z.infer<typeof envSchema>): AuthConfig {
  const tenantId = e.AUTH_TENANT_ID ?? e.BOT_TENANT_ID;
  if ((e.AUTH_MODE ?? (e.BOT_ID ? 'entra' : 'dev')) === 'dev') return { mode: 'dev', tenantId };
  return {
    mode: 'entra',
    jwksUrl: e.AUTH_JWKS_URL ?? ENTRA_JWKS_URL,
    audiences: e.AUTH_AUDIENCE?.length
      ? e.AUTH_AUDIENCE
      : // The superRefine guarantees BOT_ID here: entra without AUTH_AUDIENCE requires it.
        [`api://botid-${e.BOT_ID}`, String(e.BOT_ID)],
    tenantId,
  };
}
