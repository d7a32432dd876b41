import { channelMessage } from '../../../fixtures/teams-activities';
import { getJson, postJson } from '../../../support/http';
import { useTestApp } from '../../../support/use-test-app';

describe('HTTP input limits', () => {
  const app = useTestApp('limits');

  it.each(['/api/messages', '/api/v1/teams/abc/recognitions', '/api/v1/privacy'])(
    'answers malformed JSON to %s with 400 and a JSON error',
    async (path) => {
      const res = await postJson(`${app.url}${path}`, '{"type": "message",');

      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        code: expect.any(String),
        message: expect.stringMatching(/JSON/),
      });
    },
  );

  it.each(['/api/messages', '/api/v1/teams/abc/recognitions'])(
    'answers a body over 256 KB at %s with 413',
    async (path) => {
      const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });

      const res = await postJson(`${app.url}${path}`, big);

      expect(res.status).toBe(413);
      expect(res.json).toEqual({
        code: expect.any(String),
        message: expect.stringMatching(/exceeds 262144/),
      });
    },
  );

  it('accepts a body just under the limit', async () => {
    const team = {
      serviceUrl: 'http://127.0.0.1:9', // a typing activity gets no reply
      teamId: '19:limits@thread.tacv2',
      teamName: 'Limits',
      channelId: '19:limits@thread.tacv2',
    };
    const from = { id: '29:ana', aadObjectId: 'aad-ana', name: 'Ana' };
    const res = await postJson(`${app.url}/api/messages`, {
      ...channelMessage(team, from, ''),
      type: 'typing',
      text: 'x'.repeat(200 * 1024),
    });

    expect(res.status).toBe(200);
  });

  it('refuses JSON that is not an activity', async () => {
    for (const body of ['[]', '"text"', '{"text":"no type"}']) {
      const res = await postJson(`${app.url}/api/messages`, body);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'INVALID_ACTIVITY' });
    }
  });

  it('stays up after bad input', async () => {
    const health = await getJson(`${app.url}/healthz`);

    expect(health).toEqual({ status: 200, json: expect.objectContaining({ status: 'ok' }) });
  });

  it('serves the OpenAPI document, listing every GET route it answers', async () => {
    const doc = await getJson(`${app.url}/api/openapi.json`);

    expect(doc.status).toBe(200);
    const paths = (doc.json as { paths: Record<string, { get?: { security?: unknown[] } }> }).paths;
    for (const [p, ops] of Object.entries(paths)) {
      if (p.includes('{') || !ops.get) continue;
      // Routes that declare bearerAuth must refuse a request without a token.
      const expected = ops.get.security?.length ? 401 : 200;
      expect({ path: p, status: (await getJson(`${app.url}${p}`)).status }).toEqual({
        path: p,
        status: expected,
      });
    }
    expect(doc.json).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await getJson(`${app.url}/api/v1/nope`);

    expect(res).toEqual({
      status: 404,
      json: { code: 'NOT_FOUND', message: expect.stringContaining('/api/openapi.json') },
    });
  });
});

describe('the OpenAPI document', () => {
  const app = useTestApp('openapi');

  it('describes every API route the server answers, and nothing it does not', async () => {
    const doc = (await getJson(`${app.url}/api/openapi.json`)).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    // restify writes parameters as :name, OpenAPI as {name}.
    const served = app.routes
      .filter(
        (r) =>
          r.path.startsWith('/api/') &&
          !r.path.includes('*') &&
          r.path !== '/api/messages' &&
          r.path !== '/api/openapi.json',
      )
      .map(
        // A parameter may carry its pattern, as in :id(^[0-9a-f]{24}$).
        (r) =>
          `${r.method === 'del' ? 'delete' : r.method} ${r.path.replace(/:(\w+)(\([^)]*\))?/g, '{$1}')}`,
      )
      .sort();
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/'))
      .flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => m !== 'parameters')
          .map((m) => `${m} ${p}`),
      )
      .sort();

    expect(documented).toEqual(served);
  });
});
