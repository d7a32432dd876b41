import { randomUUID } from 'node:crypto';
import {
  TENANT_ID,
  channelMessage,
  recognitionMessage,
  teamInvoke,
} from '../../../fixtures/teams-activities';
import { getJson, postJson } from '../../../support/http';
import { call, newMembers, type Member } from '../../../support/team-harness';
import { useTestApp, type Team } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, sample lines only. */
function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The sum of the samples named `name` whose labels include `labels`. */
const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Sample[]> {
  const res = await fetch(`${url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseSamples(await res.text());
}

describe('GET /metrics', () => {
  const [ana, ben, cho] = newMembers('Ana Lima', 'Ben Okafor', 'Cho Park');
  const app = useTestApp('metrics', { members: [ana, ben, cho] });
  let team: Team;
  let before: Sample[];
  const secretText = `thanks for the release notes ${randomUUID()}`;

  beforeAll(async () => {
    before = await scrape(app.url);
    team = await app.install([ana, ben, cho]);
    await app.send(recognitionMessage(team, ana, ben, `for dependability ${secretText}`));
    await app.send(channelMessage(team, cho, 'help'));
    await app.send(teamInvoke(team, ana, 'composeExtension/fetchTask', { commandId: 'recognize' }));
    // A name Rapport does not read: answered, and counted under "other".
    await postJson(`${app.url}/api/messages`, teamInvoke(team, ana, `made/up-${randomUUID()}`, {}));
    await postJson(`${app.url}/api/messages`, { type: 'message', text: secretText });
    expect((await call('GET', team.path, app.token(ana))).status).toBe(200);
    expect((await call('GET', `${team.path}/members`, app.token(ben))).status).toBe(200);
    await getJson(`${app.url}/healthz`);
    // Every job due within a year runs now: the lag histogram gets its observations.
    await app.scheduler.tick(new Date(Date.now() + 366 * 86_400_000));
  });

  it('times HTTP requests by route pattern and status', async () => {
    const after = await scrape(app.url);
    const moved = (labels: Record<string, string>) =>
      total(after, 'rapport_http_request_duration_seconds_count', labels) -
      total(before, 'rapport_http_request_duration_seconds_count', labels);
    expect(moved({ method: 'GET', route: '/api/v1/teams/:teamId', status: '200' })).toBe(1);
    expect(moved({ method: 'GET', route: '/api/v1/teams/:teamId/members', status: '200' })).toBe(1);
    expect(moved({ method: 'POST', route: '/api/messages', status: '200' })).toBeGreaterThanOrEqual(
      4,
    );
    // The malformed activity and the invoke Rapport does not handle.
    expect(moved({ route: '/api/messages', status: '400' })).toBe(2);
    expect(moved({ route: '/healthz', status: '200' })).toBe(1);
  });

  it('counts bot activities by type, invoke name and outcome', async () => {
    const after = await scrape(app.url);
    const count = (labels: Record<string, string>) =>
      total(after, 'rapport_bot_activity_duration_seconds_count', labels);
    expect(count({ type: 'installationUpdate', outcome: 'ok' })).toBe(1);
    expect(count({ type: 'message', outcome: 'ok' })).toBe(2);
    expect(count({ type: 'invoke', name: 'composeExtension/fetchTask', outcome: 'ok' })).toBe(1);
    expect(count({ type: 'invoke', name: 'other', outcome: 'refused' })).toBe(1);
    expect(count({ type: 'message', outcome: 'invalid' })).toBe(1);
  });

  it('follows the outbox, the scheduler and the database', async () => {
    // The welcome and the recognition's cards go out through the outbox to the connector stub.
    await waitUntil(async () => total(await scrape(app.url), 'rapport_outbox_sent_total') >= 1, {
      what: 'a proactive send counted',
    });
    const after = await scrape(app.url);
    expect(after.some((s) => s.name === 'rapport_outbox_depth')).toBe(true);
    for (const name of ['retried', 'throttled', 'failed', 'unreachable'])
      expect(after.some((s) => s.name === `rapport_outbox_${name}_total`)).toBe(true);
    expect(total(after, 'rapport_scheduler_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(total(after, 'rapport_database_up')).toBe(1);
    const ping = total(after, 'rapport_database_ping_seconds');
    expect(ping).toBeGreaterThan(0);
    expect(ping).toBeLessThan(1.5);
    expect(after.some((s) => s.name === 'rapport_process_resident_memory_bytes')).toBe(true);
  });

  it('puts no id, name or text from the traffic in any label', async () => {
    const after = await scrape(app.url);
    const personal = [
      TENANT_ID,
      team.teamId,
      encodeURIComponent(team.teamId),
      team.channelId,
      ...[ana, ben, cho].flatMap((m: Member) => [
        m.id,
        m.aadObjectId,
        m.name,
        m.name.split(' ')[0],
      ]),
      secretText,
      'release notes',
    ];
    const values = after.flatMap((s) => Object.values(s.labels));
    for (const value of values) {
      for (const p of personal) expect(value).not.toContain(p);
      // Route patterns, type and job names, statuses, buckets: nothing that looks like an id.
      expect(value).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|19:|29:|@thread/i);
    }
    expect(values).toContain('/api/v1/teams/:teamId');
  });

  it('answers only this machine when no token is set: a forwarded request is refused', async () => {
    const res = await getJson(`${app.url}/metrics`, { 'x-forwarded-for': '203.0.113.9' });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      code: 'METRICS_LOOPBACK_ONLY',
      message: expect.stringContaining('METRICS_TOKEN'),
    });
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const token = `metrics-${randomUUID()}`;
  const app = useTestApp('metrics-token', { env: { METRICS_TOKEN: token } });

  it('asks for the bearer token, even on loopback', async () => {
    const missing = await fetch(`${app.url}/metrics`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await getJson(`${app.url}/metrics`, { authorization: `Bearer ${token}x` });
    expect(wrong.status).toBe(401);
  });

  it('serves whoever sends it, through a proxy too', async () => {
    const samples = await scrape(app.url, {
      authorization: `Bearer ${token}`,
      'x-forwarded-for': '203.0.113.9',
    });
    expect(samples.some((s) => s.name === 'rapport_http_request_duration_seconds_count')).toBe(
      true,
    );
  });
});

describe('GET /readyz', () => {
  const app = useTestApp('readyz');

  it('is ready once the schema is prepared and the database answers', async () => {
    const res = await getJson(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ready',
      checks: { database: 'reachable', schema: 'prepared', accepting: true },
      version: expect.any(String),
    });
  });
});
