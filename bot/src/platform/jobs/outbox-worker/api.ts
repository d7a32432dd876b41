import type { Logger } from '../../../logger';
import type { Outbox } from '../outbox';
import type { ProactiveSender } from '../proactive-port';
import type { RateLimiter } from '../rate-limiter';

export interface OutboxWorkerOptions {
  outbox: Outbox;
  sender: ProactiveSender;
  limiter: RateLimiter;
  logger: Logger;
  /** Bot Connector calls in flight at once. Default 16. */
  concurrency?: number;
  /** Time to live of the outbox lock; a crashed holder is replaced after this. Default 15 s. */
  leaseMs?: number;
  /** Tries per message before it is marked failed. Default 5. */
  maxAttempts?: number;
  /** First wait between looks at an empty outbox; doubles up to `idlePollMaxMs`. Default 200 ms. */
  pollMs?: number;
  idlePollMaxMs?: number;
  /** Pending messages read per query. */
  batchSize?: number;
  /** Longer conversation waits put the message back in the database instead. Default 1 s. */
  maxInlineWaitMs?: number;
  /** Retry delay: baseMs × 2^attempt + random × jitterMs, at most maxMs. */
  backoff?: { baseMs?: number; jitterMs?: number; maxMs?: number };
  /** Log progress every this many sent messages. Default 500. */
  progressEvery?: number;
  /** Called once when a member turns out unreachable (403). */
  onUnreachable?: UnreachableHook;
  /** Known 1:1 conversation ids by aadObjectId, so sends skip creating them. */
  knownConversations?: (aadObjectIds: string[]) => Promise<Map<string, string>>;
  /** Called with 1:1 conversations the worker had to create (aadObjectId → conversation id). */
  rememberConversations?: (conversations: Map<string, string>) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Lock owner id; unique per process by default. */
  owner?: string;
}

export type UnreachableHook = (
  aadObjectId: string,
  tenantId: string,
  reason: { status: number; code?: string; blocked: boolean },
) => Promise<void> | void;

export interface WorkerCounters {
  sent: number;
  conversationsCreated: number;
  retried: number;
  /** 429 answers received. */
  throttled: number;
  failed: number;
  unreachable: number;
  /** Times this worker took the lock over from one that stopped without releasing it. */
  takeovers: number;
}

export interface OutboxWorker {
  /** Finishes in-flight sends, releases the lock if it holds it, and stops. */
  stop(): Promise<void>;
  /** Resolves when nothing is due and nothing is in flight (or another worker holds the lock). */
  idle(): Promise<void>;
  /** Look for due messages now (enqueue in this process calls it). */
  notify(): void;
  counters(): WorkerCounters;
}
