import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  conversationId: string;
  replyToId?: string;
  body: Record<string, unknown>;
}

export interface StubMember {
  id: string;
  aadObjectId: string;
  name: string;
}

/**
 * A local stand-in for the Bot Connector API (the serviceUrl Teams gives the bot): it records
 * what the bot posts and serves paged rosters, so tests see exactly what would reach Teams.
 */
export async function startConnectorStub() {
  const posted: PostedActivity[] = [];
  const updated: { conversationId: string; activityId: string; body: Record<string, unknown> }[] =
    [];
  const rosters = new Map<string, StubMember[]>();
  let pageSizeSeen: number | undefined;
  const watchers: { matches: (p: PostedActivity) => boolean; left: number; done: () => void }[] =
    [];
  let postDelayMs = 0;
  const record = (activity: PostedActivity) => {
    posted.push(activity);
    for (const watcher of watchers)
      if (watcher.left > 0 && watcher.matches(activity) && --watcher.left === 0) watcher.done();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      // /v3/conversations/{id}/activities[/{replyToId}]
      if (
        req.method === 'POST' &&
        parts[0] === 'v3' &&
        parts[1] === 'conversations' &&
        parts[3] === 'activities'
      ) {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<
          string,
          unknown
        >;
        record({ conversationId: parts[2], replyToId: parts[4], body });
        const id = `stub-activity-${posted.length}`;
        setTimeout(() => send(200, { id }), postDelayMs);
        return;
      }
      // PUT /v3/conversations/{id}/activities/{activityId}: a card updated in place for everyone.
      if (
        req.method === 'PUT' &&
        parts[0] === 'v3' &&
        parts[1] === 'conversations' &&
        parts[3] === 'activities' &&
        parts[4]
      ) {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<
          string,
          unknown
        >;
        updated.push({ conversationId: parts[2], activityId: parts[4], body });
        send(200, { id: parts[4] });
        return;
      }
      // POST /v3/conversations: a 1:1 conversation with a member, as proactive messages need.
      if (
        req.method === 'POST' &&
        parts.length === 2 &&
        parts[0] === 'v3' &&
        parts[1] === 'conversations'
      ) {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
          members?: { id?: string }[];
        };
        send(200, { id: `a:${body.members?.[0]?.id ?? 'unknown'}` });
        return;
      }
      // /v3/conversations/{id}/pagedmembers?pageSize&continuationToken: two members per page,
      // so every roster of three or more exercises the continuation loop.
      if (req.method === 'GET' && parts[1] === 'conversations' && parts[3] === 'pagedmembers') {
        pageSizeSeen = Number(url.searchParams.get('pageSize') ?? NaN);
        const members = rosters.get(parts[2]) ?? [];
        const start = Number(url.searchParams.get('continuationToken') ?? '0');
        // Teams gives each member's sign-in name too; the stub makes one up from the name.
        const page = members.slice(start, start + 2).map((m) => ({
          userPrincipalName: `${m.name.toLowerCase()}@contoso.example`,
          ...m,
        }));
        const next = start + 2 < members.length ? String(start + 2) : undefined;
        send(200, { members: page, continuationToken: next });
        return;
      }
      // GET /v3/conversations/{id}/members/{memberId}: one member, by Teams or Entra id, as Teams
      // answers it; someone outside the roster is not found.
      if (req.method === 'GET' && parts[1] === 'conversations' && parts[3] === 'members') {
        const member = (rosters.get(parts[2]) ?? []).find(
          (m) => m.id === parts[4] || m.aadObjectId === parts[4],
        );
        if (member) send(200, member);
        else send(404, { error: { code: 'MemberNotFoundInConversation', message: 'Not found' } });
        return;
      }
      send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posted,
    updated,
    setRoster: (conversationId: string, members: StubMember[]) =>
      rosters.set(conversationId, members),
    pageSizeSeen: () => pageSizeSeen,
    /**
     * Resolves the moment the `count`-th matching activity arrives, not at the next poll: a fault
     * test that kills the app then catches a fan-out in the middle however fast it runs.
     */
    postsArrived: (matches: (p: PostedActivity) => boolean, count: number) =>
      new Promise<void>((done) => {
        const left = count - posted.filter(matches).length;
        if (left <= 0) done();
        else watchers.push({ matches, left, done });
      }),
    /** Teams answering slowly: each post is recorded at once and answered after `ms`. */
    answerPostsAfter: (ms: number) => {
      postDelayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
