import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getJson, postJson } from '../../../support/http';
import { useTestApp } from '../../../support/use-test-app';

describe('which methods each path answers', () => {
  const tabDist = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-tab-'));

  // A built tab for the app to serve, in place before it starts.
  beforeAll(() => {
    fs.mkdirSync(path.join(tabDist, 'assets'));
    fs.writeFileSync(path.join(tabDist, 'index.html'), '<!doctype html><title>Rapport</title>');
    fs.writeFileSync(path.join(tabDist, 'assets', 'app-1a2b.js'), 'console.log("tab");');
  });
  const app = useTestApp('methods', { app: { tabDist } });
  afterAll(() => fs.rmSync(tabDist, { recursive: true, force: true }));

  it('answers a wrong method on a known API path with 405 and the methods it does answer', async () => {
    const res = await fetch(`${app.url}/api/v1/teams/abc/checkin/rounds`);

    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({
      code: 'METHOD_NOT_ALLOWED',
      message: expect.stringContaining('POST'),
    });
  });

  it('lists in Allow exactly the methods the OpenAPI document gives each path', async () => {
    const doc = (await getJson(`${app.url}/api/openapi.json`)).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    // Any value the document allows: a recognition id is 24 hex digits, a prompt id
    // `<category>-<n>`, other ids UUIDs.
    const validIds: Record<string, string> = { teamId: 'x', id: '65f0c0ffee00000000c0ffee' };
    const seen: Record<string, string> = {};
    const documented: Record<string, string> = {};
    for (const [template, operations] of Object.entries(doc.paths)) {
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'id' && template.includes('/prompts/')
          ? 'light-1'
          : (validIds[name] ?? randomUUID()),
      );
      const res = await fetch(`${app.url}${url}`, { method: 'OPTIONS' });
      seen[template] = `${res.status} ${res.headers.get('allow')}`;
      documented[template] = `405 ${Object.keys(operations)
        .filter((m) => m !== 'parameters')
        .map((m) => m.toUpperCase())
        .sort()
        .join(', ')}`;
    }

    expect(seen).toEqual(documented);
  });

  it('answers unknown API paths with a JSON 404, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await fetch(`${app.url}/api/v1/nope`, { method });
      expect({ method, status: res.status, body: await res.json() }).toEqual({
        method,
        status: 404,
        body: { code: 'NOT_FOUND', message: expect.stringContaining('/api/openapi.json') },
      });
    }
  });

  it('serves the tab’s files and its client-side routes, and nothing else, outside the API', async () => {
    const asset = await fetch(`${app.url}/assets/app-1a2b.js`);
    const view = await fetch(`${app.url}/agreements/123`);
    const posted = await postJson(`${app.url}/agreements/123`, {});

    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("tab");');
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await view.text()).toContain('<title>Rapport</title>');
    expect(posted).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } });
  });
});
