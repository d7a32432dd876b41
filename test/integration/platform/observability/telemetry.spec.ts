import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { TENANT_ID, recognitionMessage } from '../../../fixtures/teams-activities';
import { MongoClient } from 'mongodb';
import { launchApp, listeningUrl, type AppProcess } from '../../../support/app-process';
import { startConnectorStub } from '../../../support/connector-stub';
import { postJson } from '../../../support/http';
import { call, devToken, installTeam, newMembers } from '../../../support/team-harness';
import { testMongoUri, uniqueDbName } from '../../../support/test-app';
import { useTestApp } from '../../../support/use-test-app';
import { waitUntil } from '../../../support/wait-until';
import { hashedTeamId } from '../../../../bot/src/platform/observability/telemetry';

interface Export {
  path: string;
  contentType: string;
  body: string;
}

/** A local OTLP/HTTP receiver: it keeps every export posted to it and answers 200. */
function useOtlpReceiver(port = 0) {
  const received: Export[] = [];
  const handle = { url: '', received };
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          contentType: req.headers['content-type'] ?? '',
          body,
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    handle.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  return handle;
}

interface OtlpSpan {
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** Every span in the trace exports received so far. */
function spansIn(exports: Export[]): OtlpSpan[] {
  return exports
    .filter((e) => e.path === '/v1/traces')
    .flatMap((e) => {
      const body = JSON.parse(e.body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      return body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    });
}

const attribute = (span: OtlpSpan, key: string) =>
  Object.values(span.attributes.find((a) => a.key === key)?.value ?? {})[0];

// The built app as its own process (`npx tsc -p tsconfig.build.json` first): the OTLP exporter
// loads Node's http module with a dynamic import, which Jest's module sandbox does not run.
describe('OpenTelemetry export to OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  const receiver = useOtlpReceiver();
  const [ana, ben, cho] = newMembers('Ana Lima', 'Ben Okafor', 'Cho Park');
  const secretText = `for the migration plan ${randomUUID()}`;
  let connector: Awaited<ReturnType<typeof startConnectorStub>>;
  let run: AppProcess;
  const dbName = uniqueDbName('otel');

  beforeAll(async () => {
    connector = await startConnectorStub();
    run = launchApp({
      PORT: '0',
      MONGODB_URI: testMongoUri(),
      MONGODB_DB: dbName,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
    });
  });
  afterAll(async () => {
    run.child.kill('SIGTERM');
    await run.exited;
    await connector.close();
    const client = await MongoClient.connect(testMongoUri());
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('sends spans named by route pattern, with the team hashed, and the metrics', async () => {
    const url = await listeningUrl(run, 25000);
    const team = await installTeam(url, connector, [ana, ben, cho]);
    const posted = await postJson(
      `${url}/api/messages`,
      recognitionMessage(team, ana, ben, `for dependability ${secretText}`),
    );
    expect(posted.status).toBe(200);
    expect((await call('GET', team.path, await devToken(url, cho))).status).toBe(200);

    await waitUntil(
      () => spansIn(receiver.received).some((s) => s.name === 'GET /api/v1/teams/:teamId'),
      { what: 'the span of GET /api/v1/teams/{teamId} at the receiver' },
    );
    const spans = spansIn(receiver.received);
    const activities = spans.filter((s) => s.name === 'POST /api/messages');
    expect(activities.map((s) => attribute(s, 'rapport.activity.type')).sort()).toEqual([
      'installationUpdate',
      'message',
    ]);
    for (const span of activities) {
      expect(attribute(span, 'rapport.team.hash')).toBe(hashedTeamId(team.teamId));
      expect(attribute(span, 'rapport.activity.outcome')).toBe('ok');
      expect(attribute(span, 'http.response.status_code')).toBe(200);
    }
    expect(receiver.received.every((e) => e.contentType.startsWith('application/json'))).toBe(true);

    await waitUntil(
      () =>
        receiver.received.some(
          (e) => e.path === '/v1/metrics' && e.body.includes('http.server.request.duration'),
        ),
      { what: 'the request duration metric at the receiver' },
    );

    // Nothing that names the team, its people or what they wrote left the app.
    const everything = receiver.received.map((e) => e.body).join('\n');
    for (const personal of [
      team.teamId,
      encodeURIComponent(team.teamId),
      team.channelId,
      TENANT_ID,
      secretText,
      ...[ana, ben, cho].flatMap((m) => [m.id, m.aadObjectId, m.name]),
    ])
      expect(everything).not.toContain(personal);
  });
});

describe('OpenTelemetry when nothing is configured', () => {
  // Where an OTLP exporter sends by default (localhost:4318): an SDK started with no endpoint
  // would post here.
  const receiver = useOtlpReceiver(4318);
  const [ana, ben, cho] = newMembers('Ana Lima', 'Ben Okafor', 'Cho Park');
  const app = useTestApp('otel-off', { members: [ana, ben, cho] });

  it('exports nothing, even after the app stopped and flushed', async () => {
    const team = await app.install([ana, ben, cho]);
    expect((await call('GET', team.path, app.token(ana))).status).toBe(200);
    await app.stop();
    expect(receiver.received).toEqual([]);
  });
});
