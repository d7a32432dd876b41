import { fork } from 'node:child_process';
import path from 'node:path';
import type { StubMember, StubReply, StubRequest } from '../connector-stub';
import { cleanups, ipcReplies, waitForExit } from './harness';

export interface Stub {
  url: string;
  setRoster(conversationId: string, members: StubMember[]): Promise<void>;
  /** How many activities the stub was sent, by kind. */
  posted(): Promise<Record<string, number>>;
}

/**
 * The Bot Connector stub as a child process (bench/connector-stub.ts), so answering the app's
 * replies does not share the load generator's event loop; it stops with the benchmark.
 */
export async function startStub(): Promise<Stub> {
  const child = fork(path.join(__dirname, '..', 'connector-stub.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanups.push(async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 3000);
  });
  const ask = ipcReplies<StubRequest, StubReply>(child, 'connector stub');
  const { url } = await ask('ready');
  // Replies carry no request id: one request at a time, so each caller gets its own reply.
  let queue: Promise<unknown> = Promise.resolve();
  const next: typeof ask = (type, request) => {
    const reply = queue.then(() => ask(type, request));
    queue = reply.catch(() => undefined);
    return reply;
  };
  return {
    url,
    setRoster: async (conversationId, members) => {
      await next('roster-set', { type: 'roster', conversationId, members });
    },
    posted: async () => (await next('stats', { type: 'stats' })).posted,
  };
}
