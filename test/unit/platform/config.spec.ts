import path from 'node:path';
import { ConfigError, loadConfig } from '../../../bot/src/config';
import { createLogger } from '../../../bot/src/logger';
import { createAdapter } from '../../../bot/src/platform/teams/adapter';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('runs with no configuration at all: port 3978, loopback, embedded database, anonymous bot', () => {
    const config = loadConfig({}, '/srv/rapport');

    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.botAuth).toEqual({ mode: 'anonymous' });
    expect(config.database).toEqual({
      kind: 'embedded',
      dataDir: path.resolve('/srv/rapport', '.data'),
      cacheDir: path.resolve('/srv/rapport', '.cache/ferretdb'),
      dbName: 'rapport',
    });
  });

  it('uses an external MongoDB when MONGODB_URI is set', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb+srv://u:p@cluster.example.net/',
      MONGODB_DB: 'teams',
    });

    expect(config.database).toEqual({
      kind: 'external',
      uri: 'mongodb+srv://u:p@cluster.example.net/',
      dbName: 'teams',
    });
  });

  it('uses Bot Framework auth and listens on all interfaces when BOT_ID is set', () => {
    const config = loadConfig({
      BOT_ID: '00000000-0000-0000-0000-000000000001',
      BOT_PASSWORD: 'secret',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: 'contoso.onmicrosoft.com',
    });

    expect(config.host).toBe('0.0.0.0');
    expect(config.botAuth).toMatchObject({
      mode: 'botframework',
      type: 'SingleTenant',
      tenantId: 'contoso.onmicrosoft.com',
    });
  });

  it('names each bad variable on its own line, with the value it got', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      MONGODB_URI: 'postgres://db',
      LOG_LEVEL: 'loud',
    });

    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(
      expect.stringMatching(/^PORT must be a whole number from 0 to 65535 \(got "eighty"\)$/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^MONGODB_URI must start with mongodb:\/\/ or mongodb\+srv:\/\//),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^LOG_LEVEL /));
  });

  it('refuses half-configured bot credentials', () => {
    expect(problemsOf({ BOT_ID: '00000000-0000-0000-0000-000000000001' })).toEqual([
      expect.stringMatching(/^BOT_PASSWORD is required when BOT_ID is set/),
    ]);
    expect(problemsOf({ BOT_PASSWORD: 'x' })).toEqual([
      expect.stringMatching(/^BOT_ID is required/),
    ]);
    expect(problemsOf({ BOT_ID: 'not-a-guid', BOT_PASSWORD: 'x' })).toEqual([
      expect.stringMatching(/^BOT_ID must be/),
    ]);
  });

  it('signs the bot in with a user-assigned managed identity: no secret, the tenant required', () => {
    const msi = {
      BOT_ID: '00000000-0000-0000-0000-000000000002',
      BOT_TYPE: 'UserAssignedMsi',
      BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    };
    const config = loadConfig(msi);
    expect(config.botAuth).toEqual({
      mode: 'botframework',
      appId: msi.BOT_ID,
      password: undefined,
      type: 'UserAssignedMsi',
      tenantId: msi.BOT_TENANT_ID,
    });
    // The Bot Framework's own checks of the pair run when the adapter is built.
    expect(() =>
      createAdapter(
        config.botAuth,
        createLogger('error', () => undefined),
      ),
    ).not.toThrow();

    expect(problemsOf({ BOT_ID: msi.BOT_ID, BOT_TYPE: msi.BOT_TYPE })).toEqual([
      'BOT_TENANT_ID is required when BOT_TYPE=UserAssignedMsi',
    ]);
    expect(problemsOf({ ...msi, BOT_PASSWORD: 'a-secret' })).toEqual([
      expect.stringMatching(/^BOT_PASSWORD must be unset when BOT_TYPE=UserAssignedMsi/),
    ]);
  });

  it('treats empty variables as unset, as shells and .env files produce them', () => {
    expect(loadConfig({ MONGODB_URI: '', BOT_ID: '', BOT_PASSWORD: '' }).database.kind).toBe(
      'embedded',
    );
  });
});

describe('loadConfig: tab API auth', () => {
  const BOT = {
    BOT_ID: '00000000-0000-0000-0000-000000000001',
    BOT_PASSWORD: 'secret',
  };
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

  it('uses dev tokens on loopback when BOT_ID is unset', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'dev', tenantId: undefined });
  });

  it('uses Entra ID tokens when BOT_ID is set: Microsoft’s keys, the bot’s audiences', () => {
    expect(loadConfig(BOT).auth).toEqual({
      mode: 'entra',
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      audiences: [`api://botid-${BOT.BOT_ID}`, BOT.BOT_ID],
      tenantId: undefined,
    });
  });

  it('takes a comma-separated AUTH_AUDIENCE, a JWKS URL and a tenant', () => {
    const auth = loadConfig({
      ...BOT,
      AUTH_AUDIENCE: ' api://rapport.example/botid-x , 1234 ,',
      AUTH_JWKS_URL: 'https://keys.example/jwks',
      AUTH_TENANT_ID: TENANT,
    }).auth;

    expect(auth).toEqual({
      mode: 'entra',
      jwksUrl: 'https://keys.example/jwks',
      audiences: ['api://rapport.example/botid-x', '1234'],
      tenantId: TENANT,
    });
  });

  it('restricts tokens to BOT_TENANT_ID unless AUTH_TENANT_ID says otherwise', () => {
    const other = '11111111-2222-4333-8444-555555555555';
    expect(loadConfig({ ...BOT, BOT_TENANT_ID: TENANT }).auth.tenantId).toBe(TENANT);
    expect(loadConfig({ ...BOT, BOT_TENANT_ID: TENANT, AUTH_TENANT_ID: other }).auth.tenantId).toBe(
      other,
    );
  });

  it('refuses dev mode unless HOST is loopback, naming AUTH_MODE', () => {
    expect(problemsOf({ AUTH_MODE: 'dev', HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^AUTH_MODE is dev.*HOST must be loopback.*"0\.0\.0\.0"/),
    ]);
    // The default without BOT_ID is dev, so the same rule holds for it.
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^AUTH_MODE is dev \(the default without BOT_ID\)/),
    ]);
    // With BOT_ID the default host is 0.0.0.0: dev mode must choose a loopback one.
    expect(problemsOf({ ...BOT, AUTH_MODE: 'dev' })).toEqual([
      expect.stringMatching(/^AUTH_MODE /),
    ]);
    for (const HOST of ['127.0.0.1', '::1', 'localhost', '127.0.1.1'])
      expect(loadConfig({ ...BOT, AUTH_MODE: 'dev', HOST }).auth.mode).toBe('dev');
  });

  it('runs Entra mode on any host', () => {
    expect(loadConfig({ ...BOT, HOST: '0.0.0.0' }).auth.mode).toBe('entra');
    expect(loadConfig({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'a', HOST: '0.0.0.0' }).auth.mode).toBe(
      'entra',
    );
  });

  it('needs an audience for Entra mode without BOT_ID', () => {
    expect(problemsOf({ AUTH_MODE: 'entra' })).toEqual([
      expect.stringMatching(/^AUTH_AUDIENCE is required when AUTH_MODE=entra and BOT_ID is unset/),
    ]);
  });

  it('refuses an unknown mode, a non-https key URL and a tenant that is not a GUID', () => {
    expect(problemsOf({ AUTH_MODE: 'none' })).toEqual([
      expect.stringMatching(/^AUTH_MODE must be "entra" or "dev" \(got "none"\)$/),
    ]);
    expect(problemsOf({ ...BOT, AUTH_JWKS_URL: 'http://keys.example/jwks' })).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL must be an https:\/\/ URL/),
    ]);
    expect(problemsOf({ ...BOT, AUTH_JWKS_URL: 'not a url' })).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL /),
    ]);
    expect(problemsOf({ ...BOT, AUTH_TENANT_ID: 'contoso.onmicrosoft.com' })).toEqual([
      expect.stringMatching(/^AUTH_TENANT_ID must be the Entra tenant id \(a GUID\)/),
    ]);
    expect(loadConfig({ ...BOT, AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys' }).auth).toMatchObject({
      jwksUrl: 'http://127.0.0.1:8080/keys',
    });
  });

  it('refuses Entra-only settings in dev mode rather than ignoring them', () => {
    expect(problemsOf({ AUTH_AUDIENCE: 'a', AUTH_JWKS_URL: 'https://keys.example/' })).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL applies only when AUTH_MODE=entra/),
      expect.stringMatching(/^AUTH_AUDIENCE applies only when AUTH_MODE=entra/),
    ]);
  });
});

describe('loadConfig: metrics', () => {
  it('serves metrics to this machine only when METRICS_TOKEN is unset', () => {
    expect(loadConfig({}).metrics).toEqual({ token: undefined });
  });

  it('takes a METRICS_TOKEN, and refuses a short one without showing it', () => {
    const token = 'k3y-0f-at-least-16-chars';
    expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ token });
    const problems = problemsOf({ METRICS_TOKEN: 'short secret' });
    expect(problems).toEqual([
      'METRICS_TOKEN must be 16 to 512 printable characters without spaces (it is a bearer token)',
    ]);
  });
});

describe('loadConfig: OpenTelemetry', () => {
  const connectionString =
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';

  it('exports nothing unless an endpoint or a connection string is set', () => {
    expect(loadConfig({}).telemetry).toEqual({
      otlpEndpoint: undefined,
      azureMonitorConnectionString: undefined,
      serviceName: 'rapport',
      spanDelayMs: 5000,
      metricIntervalMs: 60000,
    });
  });

  it('takes an OTLP endpoint and an Application Insights connection string', () => {
    const config = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString,
      OTEL_SERVICE_NAME: 'rapport-staging',
    });
    expect(config.telemetry).toMatchObject({
      otlpEndpoint: 'http://127.0.0.1:4318',
      azureMonitorConnectionString: connectionString,
      serviceName: 'rapport-staging',
    });
  });

  it('names what is wrong, without echoing a connection string', () => {
    expect(
      problemsOf({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://secret.example/',
        OTEL_METRIC_EXPORT_INTERVAL: '10',
      }),
    ).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT must be the collector’s http:// or https:// base URL (such as http://127.0.0.1:4318) (got "collector:4318")',
      'APPLICATIONINSIGHTS_CONNECTION_STRING must be the Application Insights resource’s connection string (InstrumentationKey=…;IngestionEndpoint=…)',
      'OTEL_METRIC_EXPORT_INTERVAL must be a whole number of milliseconds from 1000 to 3600000 (got "10")',
    ]);
  });
});
