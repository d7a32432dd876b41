import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import { ConfigError } from '../../../../bot/src/config';
import { createInstallationRepository } from '../../../../bot/src/people/installation-repository';
import { postJson } from '../../../support/http';
import { startTestApp } from '../../../support/test-app';
import { useTestApp } from '../../../support/use-test-app';
import { TENANT_ID, teamInstallationUpdate } from '../../../fixtures/teams-activities';

/** GET with an optional Authorization header, keeping the raw text to search for leaks. */
async function get(url: string, authorization?: string) {
  const res = await fetch(url, { headers: authorization ? { authorization } : {} });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: text ? (JSON.parse(text) as unknown) : undefined,
    headers: res.headers,
  };
}

const teamPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}`;
const newTeamId = () => `19:${randomUUID()}@thread.tacv2`;

/** An Entra-shaped key set served over HTTP, as login.microsoftonline.com serves its keys. */
async function startKeyServer(keys: object[]) {
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('tab API auth with Entra ID tokens (AUTH_MODE=entra)', () => {
  const BOT_APP_ID = '00000000-0000-4000-8000-00000000b07d';
  const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
  const KID = 'entra-test-key';
  let signingKey: CryptoKey;
  let strangerKey: CryptoKey;
  let keyServer: Awaited<ReturnType<typeof startKeyServer>>;

  const ana = { aadObjectId: randomUUID(), teamsUserId: '29:ana', name: 'Ana' };
  const bo = { aadObjectId: randomUUID(), teamsUserId: '29:bo', name: 'Bo' };
  const chen = { aadObjectId: randomUUID(), teamsUserId: '29:chen', name: 'Chen' };
  const outsider = { aadObjectId: randomUUID(), name: 'Olu' };
  const platform = newTeamId();
  const design = newTeamId();
  const retired = newTeamId();

  /** A v2.0 Teams SSO token for Ana; `overrides` replace claims (undefined removes one). */
  const token = async (
    overrides: JWTPayload = {},
    { key = signingKey, kid = KID }: { key?: CryptoKey; kid?: string } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const tid = (overrides.tid as string | undefined) ?? TENANT_ID;
    return new SignJWT({
      iss: `https://login.microsoftonline.com/${tid}/v2.0`,
      aud: BOT_APP_ID,
      iat: now,
      nbf: now,
      exp: now + 3600,
      tid: TENANT_ID,
      oid: ana.aadObjectId,
      name: ana.name,
      ver: '2.0',
      ...overrides,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .sign(key);
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    keyServer = await startKeyServer([
      { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' },
    ]);
  });
  const app = useTestApp('authentra', {
    env: () => ({
      HOST: '127.0.0.1',
      BOT_ID: BOT_APP_ID,
      BOT_PASSWORD: 'not-used-by-these-tests',
      AUTH_MODE: 'entra',
      AUTH_JWKS_URL: keyServer.url,
      AUTH_TENANT_ID: TENANT_ID,
    }),
  });
  beforeAll(async () => {
    const repo = createInstallationRepository(app.database.db);
    const at = new Date();
    const install = async (id: string, name: string, members: (typeof ana)[]) => {
      await repo.activate({ id, kind: 'team', tenantId: TENANT_ID, name, reference: {} }, at);
      await repo.replaceRoster(id, members, at);
    };
    await install(platform, 'Platform', [ana, bo, chen]);
    await install(design, 'Design', [bo, chen]);
    await install(retired, 'Retired', [ana, bo]);
    await repo.deactivate(retired, at);
  });
  afterAll(() => keyServer.close());

  /** The error body is exactly {code, message} and repeats nothing from the token. */
  const expectRefusal = (
    res: Awaited<ReturnType<typeof get>>,
    status: number,
    code: string,
    sent?: string,
  ) => {
    expect({ status: res.status, body: res.json }).toEqual({
      status,
      body: { code, message: expect.any(String) },
    });
    for (const secret of [sent, KID, ana.aadObjectId, ana.name, OTHER_TENANT].filter(Boolean))
      expect(res.text).not.toContain(secret);
    for (const part of (sent ?? '').split('.').filter(Boolean))
      expect(res.text).not.toContain(part);
  };

  it('lets a member in with a v2.0 token: /me lists the active teams whose roster holds them', async () => {
    const res = await get(`${app.url}/api/v1/me`, `Bearer ${await token()}`);

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json).toEqual({
      tenantId: TENANT_ID,
      aadObjectId: ana.aadObjectId,
      name: 'Ana',
      teams: [{ id: platform, name: 'Platform', kind: 'team' }],
    });
  });

  it('describes a team to its members, with the URL-encoded team id', async () => {
    const res = await get(`${app.url}${teamPath(platform)}`, `Bearer ${await token()}`);

    expect(res).toMatchObject({
      status: 200,
      json: { id: platform, name: 'Platform', kind: 'team', members: 3 },
    });
  });

  it('accepts v1 tokens (sts.windows.net issuer, Application ID URI audience)', async () => {
    const v1 = await token({
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      aud: `api://botid-${BOT_APP_ID}`,
      ver: '1.0',
    });

    expect((await get(`${app.url}/api/v1/me`, `Bearer ${v1}`)).status).toBe(200);
  });

  it('tolerates 60 s of clock skew and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const justExpired = await token({ exp: now - 30, iat: now - 3600, nbf: now - 3600 });
    const expired = await token({ exp: now - 120, iat: now - 3600, nbf: now - 3600 });

    expect((await get(`${app.url}/api/v1/me`, `Bearer ${justExpired}`)).status).toBe(200);
    const res = await get(`${app.url}/api/v1/me`, `Bearer ${expired}`);
    expectRefusal(res, 401, 'TOKEN_EXPIRED', expired);
    expect(res.json).toMatchObject({ message: expect.stringMatching(/expired/) });
  });

  it('refuses a token for another audience', async () => {
    const t = await token({ aud: 'api://botid-00000000-0000-4000-8000-000000000bad' });

    expectRefusal(await get(`${app.url}/api/v1/me`, `Bearer ${t}`), 401, 'TOKEN_INVALID', t);
  });

  it('refuses a token from a tenant other than AUTH_TENANT_ID', async () => {
    const t = await token({ tid: OTHER_TENANT });

    expectRefusal(await get(`${app.url}/api/v1/me`, `Bearer ${t}`), 403, 'TENANT_NOT_ALLOWED', t);
  });

  it('refuses an issuer that is not the token’s own tenant', async () => {
    const t = await token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` });

    expectRefusal(await get(`${app.url}/api/v1/me`, `Bearer ${t}`), 401, 'TOKEN_INVALID', t);
  });

  it('refuses a token signed by another key, whether or not it claims a known key id', async () => {
    const forged = await token({}, { key: strangerKey });
    const unknownKid = await token({}, { key: strangerKey, kid: 'someone-elses-key' });

    for (const t of [forged, unknownKid])
      expectRefusal(await get(`${app.url}/api/v1/me`, `Bearer ${t}`), 401, 'TOKEN_INVALID', t);
  });

  it('refuses unsigned and symmetric-key tokens', async () => {
    const unsigned = new UnsecuredJWT({ tid: TENANT_ID, oid: ana.aadObjectId })
      .setIssuer(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`)
      .setAudience(BOT_APP_ID)
      .setExpirationTime('1h')
      .encode();
    const hs256 = await new SignJWT({ tid: TENANT_ID, oid: ana.aadObjectId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`)
      .setAudience(BOT_APP_ID)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-guess!'));

    for (const t of [unsigned, hs256])
      expectRefusal(await get(`${app.url}/api/v1/me`, `Bearer ${t}`), 401, 'TOKEN_INVALID', t);
  });

  it('refuses a token without oid, tid or expiry', async () => {
    for (const t of [
      await token({ oid: undefined }),
      await token({ tid: undefined, iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0` }),
      await token({ exp: undefined }),
      await token({ oid: 42 }),
    ])
      expectRefusal(await get(`${app.url}/api/v1/me`, `Bearer ${t}`), 401, 'TOKEN_INVALID', t);
  });

  it('asks for a token when the Authorization header is missing', async () => {
    const res = await get(`${app.url}/api/v1/me`);

    expectRefusal(res, 401, 'TOKEN_MISSING');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.json).toMatchObject({ message: expect.stringContaining('Authorization: Bearer') });
  });

  it('refuses a malformed Authorization header', async () => {
    const good = await token();
    for (const header of [
      `Basic ${good}`,
      good,
      'Bearer',
      'Bearer not-a-jwt',
      `Bearer ${good}x.y`,
    ]) {
      const res = await get(`${app.url}/api/v1/me`, header);
      expectRefusal(res, 401, 'TOKEN_INVALID', good);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    }
  });

  it('refuses a signed-in person who is not in the team’s roster', async () => {
    const t = await token({ oid: outsider.aadObjectId, name: outsider.name });

    const team = await get(`${app.url}${teamPath(platform)}`, `Bearer ${t}`);
    const me = await get(`${app.url}/api/v1/me`, `Bearer ${t}`);

    expectRefusal(team, 403, 'NOT_A_MEMBER', t);
    expect(me.json).toMatchObject({ aadObjectId: outsider.aadObjectId, teams: [] });
  });

  it('refuses another team’s id, an unknown id and an uninstalled team with the same answer', async () => {
    const t = `Bearer ${await token()}`;
    const answers = await Promise.all(
      [design, newTeamId(), retired].map((id) => get(`${app.url}${teamPath(id)}`, t)),
    );

    for (const res of answers) expectRefusal(res, 403, 'NOT_A_MEMBER');
    expect(new Set(answers.map((r) => r.text)).size).toBe(1);
    expect(answers[0].text).not.toContain(design);
  });

  it('answers the dev token endpoint with 404', async () => {
    const res = await postJson(`${app.url}/api/dev/token`, {
      tenantId: TENANT_ID,
      userId: ana.aadObjectId,
      name: 'Ana',
    });

    expect(res).toMatchObject({
      status: 404,
      json: { code: 'NOT_FOUND', message: expect.stringContaining('AUTH_MODE=dev') },
    });
  });

  it('fetches the key set once and reuses it', () => {
    expect(keyServer.fetches()).toBe(1);
  });
});

describe('tab API auth when the signing keys cannot be fetched', () => {
  let closedUrl: string;
  beforeAll(async () => {
    const closed = await startKeyServer([]);
    await closed.close();
    closedUrl = closed.url;
  });
  const app = useTestApp('authnokeys', {
    env: () => ({
      AUTH_MODE: 'entra',
      AUTH_AUDIENCE: 'api://rapport.example/botid-x',
      AUTH_JWKS_URL: closedUrl,
    }),
  });

  it('answers 503 (our problem), not 401 (theirs)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const t = await new SignJWT({ tid: TENANT_ID, oid: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`)
      .setAudience('api://rapport.example/botid-x')
      .setExpirationTime('1h')
      .sign(privateKey);

    const res = await get(`${app.url}/api/v1/me`, `Bearer ${t}`);

    expect({ status: res.status, body: res.json }).toEqual({
      status: 503,
      body: { code: 'AUTH_UNAVAILABLE', message: expect.any(String) },
    });
    expect(res.text).not.toContain('127.0.0.1');
  });
});

describe('tab API auth with dev tokens (AUTH_MODE=dev, the local default)', () => {
  const app = useTestApp('authdev');
  const team = {
    teamId: newTeamId(),
    teamName: 'Platform',
    channelId: newTeamId(),
  };
  const people = ['Ana', 'Bo', 'Chen'].map((name) => ({
    id: `29:${name}-${randomUUID()}`,
    aadObjectId: randomUUID(),
    name,
  }));

  const mint = (body: unknown) => postJson(`${app.url}/api/dev/token`, body);

  beforeAll(async () => {
    app.connector.setRoster(team.teamId, people);
    const installed = await postJson(
      `${app.url}/api/messages`,
      teamInstallationUpdate({ ...team, serviceUrl: app.connector.url }, 'add', people[0]),
    );
    expect(installed.status).toBe(200);
  });

  it('mints a token that opens /me and the team, end to end', async () => {
    const minted = await mint({ tenantId: TENANT_ID, userId: people[1].aadObjectId, name: 'Bo' });
    expect(minted).toMatchObject({ status: 200, json: { token: expect.any(String) } });
    const auth = `Bearer ${(minted.json as { token: string }).token}`;

    const me = await get(`${app.url}/api/v1/me`, auth);
    const detail = await get(`${app.url}${teamPath(team.teamId)}`, auth);

    expect(me).toMatchObject({
      status: 200,
      json: {
        tenantId: TENANT_ID,
        aadObjectId: people[1].aadObjectId,
        name: 'Bo',
        teams: [{ id: team.teamId, name: 'Platform', kind: 'team' }],
      },
    });
    expect(detail).toMatchObject({
      status: 200,
      json: { id: team.teamId, name: 'Platform', kind: 'team', members: 3 },
    });
  });

  it('lists group chats but never the personal chat with the bot among the caller’s teams', async () => {
    const dee = { id: `29:Dee-${randomUUID()}`, aadObjectId: randomUUID(), name: 'Dee' };
    const chats = {
      personal: { id: `a:${randomUUID()}`, conversationType: 'personal' },
      groupChat: { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat' },
    };
    for (const conversation of Object.values(chats)) {
      app.connector.setRoster(conversation.id, [dee]);
      const installed = await postJson(`${app.url}/api/messages`, {
        ...teamInstallationUpdate({ ...team, serviceUrl: app.connector.url }, 'add', dee),
        conversation: { ...conversation, tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
      });
      expect(installed.status).toBe(200);
    }
    const minted = await mint({ tenantId: TENANT_ID, userId: dee.aadObjectId, name: 'Dee' });

    const me = await get(
      `${app.url}/api/v1/me`,
      `Bearer ${(minted.json as { token: string }).token}`,
    );

    expect((me.json as { teams: unknown[] }).teams).toEqual([
      { id: chats.groupChat.id, name: null, kind: 'groupChat' },
    ]);
  });

  it('tells members since when Rapport is installed in the team', async () => {
    const before = Date.now();
    const fresh = { ...team, teamId: newTeamId(), serviceUrl: app.connector.url };
    app.connector.setRoster(fresh.teamId, people);
    await postJson(`${app.url}/api/messages`, teamInstallationUpdate(fresh, 'add', people[0]));
    const minted = await mint({ tenantId: TENANT_ID, userId: people[1].aadObjectId, name: 'Bo' });

    const res = await get(
      `${app.url}${teamPath(fresh.teamId)}`,
      `Bearer ${(minted.json as { token: string }).token}`,
    );

    const { installedAt } = res.json as { installedAt: string };
    expect(Date.parse(installedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(installedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('still checks the roster for dev tokens', async () => {
    const minted = await mint({ tenantId: TENANT_ID, userId: randomUUID(), name: 'Mallory' });
    const auth = `Bearer ${(minted.json as { token: string }).token}`;

    expect(await get(`${app.url}${teamPath(team.teamId)}`, auth)).toMatchObject({
      status: 403,
      json: { code: 'NOT_A_MEMBER' },
    });
  });

  it.each([
    [{ userId: 'u', name: 'N' }, /^tenantId is required/],
    [{ tenantId: 't', userId: '', name: 'N' }, /^userId must be 1–100 characters/],
    [{ tenantId: 't', userId: 'u', name: 'x'.repeat(101) }, /^name must be 1–100 characters/],
    [{ tenantId: 't', userId: 42, name: 'N' }, /^userId must be a string/],
    ['[]', /JSON object/],
  ])('refuses a bad mint request %j, naming the field', async (body, message) => {
    const res = await mint(body);

    expect(res).toEqual({
      status: 400,
      json: { code: 'INVALID_INPUT', message: expect.stringMatching(message) },
      text: expect.any(String),
    });
  });

  it('refuses dev tokens minted by another process (the key dies with the process)', async () => {
    const other = await startTestApp('authdev2');
    try {
      const minted = await postJson(`${other.url}/api/dev/token`, {
        tenantId: TENANT_ID,
        userId: people[0].aadObjectId,
        name: 'Ana',
      });
      const t = (minted.json as { token: string }).token;

      const res = await get(`${app.url}/api/v1/me`, `Bearer ${t}`);

      expect({ status: res.status, body: res.json }).toEqual({
        status: 401,
        body: { code: 'TOKEN_INVALID', message: expect.any(String) },
      });
      expect(res.text).not.toContain(t);
    } finally {
      await other.stop();
    }
  });

  it('refuses to start in dev mode on a non-loopback HOST', async () => {
    await expect(
      startTestApp('authdevhost', { AUTH_MODE: 'dev', HOST: '0.0.0.0' }),
    ).rejects.toThrow(ConfigError);
    await expect(startTestApp('authdevhost', { HOST: '0.0.0.0' })).rejects.toThrow(/^AUTH_MODE /);
  });
});
