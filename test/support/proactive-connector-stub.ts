import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Bot Connector stand-in for proactive messaging (the outbox): it creates 1:1 conversations,
 * records every activity posted, and answers as Teams does when told to — 429 with Retry-After,
 * 403 when the member blocked the bot, 5xx. (test/support/connector-stub.ts serves the inbound
 * flows; this one is separate so the two can change independently.)
 *
 *   POST /v3/conversations                      → 200 {id}: `a:` + the member's user id, the same
 *                                                 id each time, as Teams returns for a 1:1 chat
 *   POST /v3/conversations/{id}/activities      → 200 {id}, recorded
 */

export interface StubCall {
  kind: 'create' | 'send';
  /** The conversation posted to, or (create) the one that was or would be created. */
  conversationId: string;
  /** The member (create: from the parameters; send: from the conversation id when it is `a:`). */
  userId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  startedAt: number;
  endedAt?: number;
  status?: number;
}

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer this much later (a slow Teams). */
  delayMs?: number;
}

/** What Teams answers when the member blocked the bot. */
export const BLOCKED: StubAnswer = {
  status: 403,
  body: {
    error: {
      code: 'ConversationBlockedByUser',
      message: 'User blocked the conversation with the bot.',
    },
  },
};

export const throttled = (retryAfterSeconds: number): StubAnswer => ({
  status: 429,
  headers: { 'retry-after': String(retryAfterSeconds) },
  body: { error: { code: 'Throttled', message: 'Too many requests.' } },
});

export const serviceError = (status = 503): StubAnswer => ({
  status,
  body: { error: { code: 'ServiceError', message: 'Service unavailable.' } },
});

export const personalConversationId = (userId: string) => `a:${userId}`;

export async function startProactiveConnectorStub() {
  const calls: StubCall[] = [];
  let inFlight = 0;
  /** Set by a test: answers a call instead of the default; undefined keeps the default. */
  let intercept: ((call: StubCall) => StubAnswer | undefined) | undefined;
  /** Scripted answers per conversation id (sends) or user id (creates), used up in order. */
  const scripts = new Map<string, StubAnswer[]>();

  const server = http.createServer((req, res) => {
    inFlight++;
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parts = new URL(req.url ?? '/', 'http://stub').pathname
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const answer = (call: StubCall | undefined, a: StubAnswer) => {
        if (a.delayMs) {
          setTimeout(() => answer(call, { ...a, delayMs: 0 }), a.delayMs);
          return;
        }
        const text = JSON.stringify(a.body ?? {});
        res.writeHead(a.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(a.headers ?? {}),
        });
        res.end(text);
        if (call) {
          call.status = a.status;
          call.endedAt = Date.now();
        }
        inFlight--;
      };
      if (req.method !== 'POST' || parts[0] !== 'v3' || parts[1] !== 'conversations') {
        answer(undefined, { status: 404, body: { error: { code: 'NotFound', message: req.url } } });
        return;
      }
      let call: StubCall;
      if (parts.length === 2) {
        const members = (body.members ?? []) as { id?: string }[];
        const userId = members[0]?.id ?? '';
        call = {
          kind: 'create',
          conversationId: personalConversationId(userId),
          userId,
          body,
          authorization: req.headers.authorization,
          startedAt,
        };
      } else if (parts.length === 4 && parts[3] === 'activities') {
        call = {
          kind: 'send',
          conversationId: parts[2],
          userId: parts[2].startsWith('a:') ? parts[2].slice(2) : undefined,
          body,
          authorization: req.headers.authorization,
          startedAt,
        };
      } else {
        answer(undefined, { status: 404, body: { error: { code: 'NotFound', message: req.url } } });
        return;
      }
      calls.push(call);
      const scriptKey = call.kind === 'create' ? `user:${call.userId}` : call.conversationId;
      const scripted = scripts.get(scriptKey)?.shift();
      const special = scripted ?? intercept?.(call);
      if (special) {
        answer(call, special);
        return;
      }
      answer(call, {
        status: 200,
        body: call.kind === 'create' ? { id: call.conversationId } : { id: `act-${calls.length}` },
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const delivered = () => calls.filter((c) => c.kind === 'send' && c.status === 200);
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    /** Activities Teams accepted (200), in order. */
    delivered,
    /** Accepted activities per conversation id. */
    deliveredPer(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const c of delivered())
        counts.set(c.conversationId, (counts.get(c.conversationId) ?? 0) + 1);
      return counts;
    },
    inFlight: () => inFlight,
    /** The next answers for sends to `conversationId`, in order; then back to 200. */
    scriptSends(conversationId: string, ...answers: StubAnswer[]) {
      scripts.set(conversationId, [...(scripts.get(conversationId) ?? []), ...answers]);
    },
    /** The next answers for creating the member's conversation. */
    scriptCreates(userId: string, ...answers: StubAnswer[]) {
      const key = `user:${userId}`;
      scripts.set(key, [...(scripts.get(key) ?? []), ...answers]);
    },
    setIntercept(fn: ((call: StubCall) => StubAnswer | undefined) | undefined) {
      intercept = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ProactiveConnectorStub = Awaited<ReturnType<typeof startProactiveConnectorStub>>;
