/**
 * A Bot Connector stand-in that ENFORCES Teams' bot rate limits, for the fan-out benchmark. It
 * runs as its own child process (forked by the benchmark, talking over IPC), so counting and
 * answering cost the worker under test no event-loop time.
 *
 *   POST /v3/conversations                  create a 1:1 chat → 200 {id: "a:" + user id}, the
 *                                           same id every time, as Teams does
 *   POST /v3/conversations/{id}/activities  → 200 {id}
 *
 * Limits, as sliding windows over the calls it accepted (by arrival time):
 *   - the app (one tenant): 50 calls per second, creates and sends together;
 *   - one conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per hour.
 * A call over a limit is answered 429 with Retry-After (whole seconds until the window has
 * room) and is not counted. Optional latency: STUB_LATENCY_MS (answer that much later).
 *
 * IPC, parent → child: {type:'stats'} | {type:'reset'}; child → parent: {type:'ready', url},
 * {type:'stats', stats} and {type:'reset-done'}.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubStats {
  createsAccepted: number;
  sendsAccepted: number;
  throttledCreates: number;
  throttledSends: number;
  /** Accepted activities per conversation id. */
  delivered: Record<string, number>;
  /** Accepted creates per user id. */
  created: Record<string, number>;
  firstAcceptedAt?: number;
  lastAcceptedAt?: number;
  /** The most accepted calls seen in any 1 s window (a self-check: never above 50). */
  busiestSecond: number;
}

export type StubRequest = { type: 'stats' } | { type: 'reset' };
export type StubReply =
  { type: 'ready'; url: string } | { type: 'stats'; stats: StubStats } | { type: 'reset-done' };

const APP_WINDOWS = [{ ms: 1_000, max: 50 }];
const CONVERSATION_WINDOWS = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];

/** Milliseconds until one more call fits all windows of the log (0: now). */
function waitFor(log: number[], windows: { ms: number; max: number }[], now: number): number {
  let wait = 0;
  for (const w of windows) {
    const inWindow = log.filter((t) => t > now - w.ms);
    if (inWindow.length >= w.max) {
      wait = Math.max(wait, inWindow[inWindow.length - w.max] + w.ms - now);
    }
  }
  return wait;
}

function main(): void {
  const latencyMs = Number(process.env.STUB_LATENCY_MS ?? 0);
  const send = (message: StubReply) => process.send?.(message);
  let stats: StubStats;
  let appLog: number[];
  let conversationLogs: Map<string, number[]>;
  const reset = () => {
    stats = {
      createsAccepted: 0,
      sendsAccepted: 0,
      throttledCreates: 0,
      throttledSends: 0,
      delivered: {},
      created: {},
      busiestSecond: 0,
    };
    appLog = [];
    conversationLogs = new Map();
  };
  reset();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const arrived = Date.now();
      const parts = (req.url ?? '/')
        .split('?')[0]
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const text = JSON.stringify(body);
        const write = () => {
          res.writeHead(status, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            ...headers,
          });
          res.end(text);
        };
        if (latencyMs > 0) setTimeout(write, latencyMs);
        else write();
      };
      const isCreate = req.method === 'POST' && parts.length === 2;
      const isSend = req.method === 'POST' && parts.length === 4 && parts[3] === 'activities';
      if (parts[0] !== 'v3' || parts[1] !== 'conversations' || (!isCreate && !isSend)) {
        reply(404, { error: { code: 'NotFound', message: `${req.method} ${req.url}` } });
        return;
      }
      let body: { members?: { id?: string }[]; type?: string } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as typeof body;
      } catch {
        reply(400, { error: { code: 'BadArgument', message: 'invalid JSON' } });
        return;
      }
      const conversationId = isSend ? parts[2] : `a:${body.members?.[0]?.id ?? ''}`;
      const conversationLog = conversationLogs.get(conversationId) ?? [];
      const wait = Math.max(
        waitFor(appLog, APP_WINDOWS, arrived),
        isSend ? waitFor(conversationLog, CONVERSATION_WINDOWS, arrived) : 0,
      );
      if (wait > 0) {
        if (isCreate) stats.throttledCreates++;
        else stats.throttledSends++;
        reply(
          429,
          { error: { code: 'Throttled', message: 'Too many requests.' } },
          { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
        );
        return;
      }
      appLog.push(arrived);
      while (appLog.length > 0 && appLog[0] <= arrived - 1_000) appLog.shift();
      stats.busiestSecond = Math.max(stats.busiestSecond, appLog.length);
      stats.firstAcceptedAt ??= arrived;
      stats.lastAcceptedAt = arrived;
      if (isCreate) {
        stats.createsAccepted++;
        const userId = body.members?.[0]?.id ?? '';
        stats.created[userId] = (stats.created[userId] ?? 0) + 1;
        reply(200, { id: conversationId });
        return;
      }
      if (body.type !== 'message') {
        reply(400, { error: { code: 'BadArgument', message: 'not a message activity' } });
        return;
      }
      conversationLog.push(arrived);
      conversationLogs.set(conversationId, conversationLog);
      stats.sendsAccepted++;
      stats.delivered[conversationId] = (stats.delivered[conversationId] ?? 0) + 1;
      reply(200, { id: `activity-${stats.sendsAccepted}` });
    });
  });
  server.keepAliveTimeout = 60_000;

  process.on('message', (message: StubRequest) => {
    if (message.type === 'stats') send({ type: 'stats', stats });
    else if (message.type === 'reset') {
      reset();
      send({ type: 'reset-done' });
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
