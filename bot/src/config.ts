import path from 'node:path';
import { z } from 'zod';

/** Thrown when the environment cannot start the app; the message names every bad variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** The app id local runs and the local app package share, so deep links work in a sideloaded dev app. */
export const DEV_TEAMS_APP_ID = '6d0c5f7e-3a51-4a43-9f0e-7a3c1b2d4e5f';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

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
    BOT_ID: optionalText.refine(
      (v) => v === undefined || GUID.test(v),
      { message: 'must be the bot’s Microsoft App ID (a GUID)' },
    ),
    BOT_PASSWORD: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('MultiTenant'),
    BOT_TENANT_ID: optionalText,
    TEAMS_APP_ID: z
      .string()
      .trim()
      .default(DEV_TEAMS_APP_ID)
      .refine((v) => GUID.test(v), { message: 'must be the Teams app id from the manifest (a GUID)' }),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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
    if (env.BOT_TYPE === 'SingleTenant' && !env.BOT_TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_TENANT_ID'],
        message: 'is required when BOT_TYPE=SingleTenant',
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

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  botAuth: BotAuth;
  teamsAppId: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  shutdownGraceMs: number;
}

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
          raw === undefined ? '' : ` (got "${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}")`;
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
    host: e.HOST ?? (botAuth.mode === 'anonymous' ? '127.0.0.1' : '0.0.0.0'),
    database: e.MONGODB_URI
      ? { kind: 'external', uri: e.MONGODB_URI, dbName: e.MONGODB_DB }
      : {
          kind: 'embedded',
          dataDir: path.resolve(cwd, e.DATA_DIR),
          cacheDir: path.resolve(cwd, e.FERRETDB_CACHE_DIR),
          dbName: e.MONGODB_DB,
        },
    botAuth,
    teamsAppId: e.TEAMS_APP_ID,
    logLevel: e.LOG_LEVEL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
