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
  const next = ipcReplies<StubRequest, StubReply>(child, 'connector stub');
  const { url } = await next('ready');
  return {
    url,
    setRoster: async (conversationId, members) => {
      await next('roster-set', { type: 'roster', conversationId, members });
    },
    posted: async () => (await next('stats', { type: 'stats' })).posted,
  };
}
