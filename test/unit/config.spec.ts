import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/src/config';

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

  it('treats empty variables as unset, as shells and .env files produce them', () => {
    expect(loadConfig({ MONGODB_URI: '', BOT_ID: '', BOT_PASSWORD: '' }).database.kind).toBe(
      'embedded',
    );
  });
});
