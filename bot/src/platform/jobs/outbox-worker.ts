/**
 * The one worker that drains the outbox into Teams, as fast as Teams' limits allow.
 *
 * Only the holder of the outbox lock sends (a lock document renewed every third of its time to
 * live); another instance stands by and takes over when the lock lapses. One sender is what
 * keeps Teams' limits honest — two would each think they had the tenant's 50 calls a second —
 * and it spares every message a claim write.
 *
 * A dispatcher loop reads the pending messages that come due first, asks the rate limiter
 * whether each one's next call may start, and starts up to `concurrency` of them at once.
 * Per message: create the 1:1 conversation if none is known (one call, counted against the
 * tenant's limit), then post the activity (counted against the conversation's and the tenant's
 * limits), then record the outcome. By Teams' status code:
 *   - 412, 429, 502, 503, 504 and no answer at all: retried at
 *     max(Retry-After, 2^attempt s + 0–1 s jitter) — Microsoft's 2, 4, 8 s… — until
 *     `maxAttempts` tries, then `failed` with the last error;
 *   - 403: `unreachable` (the member blocked the bot, or it is not installed for them) and
 *     `onUnreachable` is called for the member (a shared conversation has none) — retrying
 *     cannot help (except `InvalidBotApiHost`: `failed`);
 *   - any other status: `failed` at once.
 * A 429 also pauses its conversation until Retry-After. Teams does not say which limit a 429 is
 * about, so the whole tenant is paused when the 429 answered a create-conversation call (only the
 * app-wide limit applies there) or when three different conversations of the tenant got one
 * within a second (the app-wide limit, or Teams shedding load); a lone 429 in one conversation
 * — another bot busy in the same chat, say — holds up nobody else.
 *
 * When there is nothing to send, the worker does its chores in small steps: it stores the 1:1
 * conversations it created on the members (`rememberConversation`), and folds recorded
 * outcomes into the messages (see outbox.ts for why outcomes are inserted first).
 *
 * Its parts, in outbox-worker/: the lock (lease.ts), the read-ahead of pending messages
 * (read-ahead.ts), sending under the rate limits (sending.ts, throttle.ts, retry-policy.ts),
 * recording outcomes (outcomes.ts), the chores (housekeeping.ts), and the loop that ties them
 * (worker.ts) around the state they share (state.ts).
 *
 * Crash semantics: each outcome is one single-document insert made before the send's slot is
 * given to the next message, so a restart resumes exactly what is pending. The one case no
 * design can settle without help from Teams is a call in flight when the process dies: Teams
 * may have delivered it while we never heard. Such a message is still pending, and the next
 * lock holder sends it again (at-least-once, at most `concurrency` messages, only after a crash;
 * a graceful stop waits for in-flight calls). The takeover is logged as such.
 */

import type { OutboxWorker, OutboxWorkerOptions } from './outbox-worker/api';
import { OutboxWorkerLoop } from './outbox-worker/worker';

export type { OutboxWorker, OutboxWorkerOptions, WorkerCounters } from './outbox-worker/api';

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const worker = new OutboxWorkerLoop(options).start();
  // Methods that keep working when a caller passes them on alone (`const { stop } = worker`).
  return {
    stop: () => worker.stop(),
    idle: () => worker.idle(),
    notify: () => worker.notify(),
    counters: () => worker.counters(),
  };
}
