/**
 * A minimal stand-in for the Bot Connector API (the activity's serviceUrl) for benchmarks. It
 * runs as its own child process (forked by the benchmark, talking over IPC), so answering the
 * bot's replies costs neither the server under test nor the load generator any event-loop time.
 *
 * It answers what the bot calls during a benchmark:
 *   POST /v3/conversations/{id}/activities[/{replyToId}]  → 200 {id}, counted per conversation
 *   GET  /v3/conversations/{id}/pagedmembers               → the roster set over IPC, one page
 *   GET  /v3/conversations/{id}/members/{memberId}         → 404 (unknown member)
 *
 * IPC, parent → child: {type:'roster', conversationId, members} and {type:'stats'};
 * child → parent: {type:'ready', url}, {type:'roster-set'} and {type:'stats', posted}.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubMember {
  id: string;
  aadObjectId: string;
  name: string;
}

export type StubRequest =
  { type: 'roster'; conversationId: string; members: StubMember[] } | { type: 'stats' };

export type StubReply =
  | { type: 'ready'; url: string }
  | { type: 'roster-set' }
  | { type: 'stats'; posted: Record<string, number> };

function main(): void {
  const send = (message: StubReply) => process.send?.(message);
  const rosters = new Map<string, StubMember[]>();
  const posted = new Map<string, number>();

  const server = http.createServer((req, res) => {
    // Drain the body without keeping it: only the path matters here.
    req.resume();
    req.on('end', () => {
      const parts = (req.url ?? '/')
        .split('?')[0]
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      const reply = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      };
      const [v3, conversations, conversationId, resource] = parts;
      if (v3 !== 'v3' || conversations !== 'conversations' || !conversationId) {
        reply(404, { error: { code: 'NotFound', message: `${req.method} ${req.url}` } });
        return;
      }
      if (req.method === 'POST' && resource === 'activities') {
        const count = (posted.get(conversationId) ?? 0) + 1;
        posted.set(conversationId, count);
        reply(200, { id: `stub-${count}` });
        return;
      }
      if (req.method === 'GET' && resource === 'pagedmembers') {
        reply(200, { members: rosters.get(conversationId) ?? [] });
        return;
      }
      reply(404, { error: { code: 'NotFound', message: `${req.method} ${req.url}` } });
    });
  });
  server.keepAliveTimeout = 60_000;

  process.on('message', (message: StubRequest) => {
    if (message.type === 'roster') {
      rosters.set(message.conversationId, message.members);
      send({ type: 'roster-set' });
    } else if (message.type === 'stats') {
      send({ type: 'stats', posted: Object.fromEntries(posted) });
    }
  });
  // The parent going away (even killed) closes the IPC channel: leave with it.
  process.on('disconnect', () => process.exit(0));

  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    send({ type: 'ready', url: `http://127.0.0.1:${port}/` });
  });
}

if (require.main === module) main();
