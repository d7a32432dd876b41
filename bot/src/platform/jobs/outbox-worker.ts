import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '../../logger';
import type { Outbox, OutboxDoc, OutboxError, Outcome } from './outbox';
import { isRetryable, SendError, type ProactiveSender } from './proactive-port';
import type { Permit, RateLimiter, Reservation } from './rate-limiter';

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
 * Crash semantics: each outcome is one single-document insert made before the send's slot is
 * given to the next message, so a restart resumes exactly what is pending. The one case no
 * design can settle without help from Teams is a call in flight when the process dies: Teams
 * may have delivered it while we never heard. Such a message is still pending, and the next
 * lock holder sends it again (at-least-once, at most `concurrency` messages, only after a crash;
 * a graceful stop waits for in-flight calls). The takeover is logged as such.
 */

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
  onUnreachable?: (
    aadObjectId: string,
    tenantId: string,
    reason: { status: number; code?: string; blocked: boolean },
  ) => Promise<void> | void;
  /** Known 1:1 conversation ids by aadObjectId, so sends skip creating them. */
  knownConversations?: (aadObjectIds: string[]) => Promise<Map<string, string>>;
  /** Called with 1:1 conversations the worker had to create (aadObjectId → conversation id). */
  rememberConversations?: (conversations: Map<string, string>) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Lock owner id; unique per process by default. */
  owner?: string;
}

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

const MAX_ERROR_TEXT = 500;

type Admission = { ok: true; permits: Permit[] } | Extract<Reservation, { ok: false }>;

interface Due {
  doc: OutboxDoc;
  tenantId: string;
  /** Known 1:1 conversation: stored by an earlier try, given by the caller, or on the member. */
  conversationId?: string;
}

function describeError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SendError(undefined, message);
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, sender, limiter, logger } = options;
  const concurrency = options.concurrency ?? 16;
  const lockTtlMs = options.leaseMs ?? 15_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const pollMs = options.pollMs ?? 200;
  const idlePollMaxMs = Math.max(pollMs, options.idlePollMaxMs ?? 2_000);
  const batchSize = options.batchSize ?? Math.max(500, concurrency * 16);
  /** Read ahead when fewer than this many due messages are buffered. */
  const lowWater = Math.min(batchSize / 2, concurrency * 4);
  const maxInlineWaitMs = options.maxInlineWaitMs ?? 1_000;
  const backoffBase = options.backoff?.baseMs ?? 1_000;
  const backoffJitter = options.backoff?.jitterMs ?? 1_000;
  const backoffMax = options.backoff?.maxMs ?? 10 * 60_000;
  const progressEvery = options.progressEvery ?? 500;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const counters: WorkerCounters = {
    sent: 0,
    conversationsCreated: 0,
    retried: 0,
    throttled: 0,
    failed: 0,
    unreachable: 0,
    takeovers: 0,
  };
  /** Due messages read but not yet started, earliest first. */
  const buffer: Due[] = [];
  /** Keys buffered, in flight, being written or waiting to be recorded: never started twice. */
  const local = new Set<string>();
  const inflight = new Set<Promise<void>>();
  /**
   * Keys whose outcome was just written, by write sequence number. A read that began before the
   * write can still return the message as pending; such stale copies are skipped until a read
   * that began after the write has completed.
   */
  const finished = new Map<string, number>();
  let writeSeq = 0;
  /** Sent, but recording it failed: kept here (and out of reach of a re-send) until it works. */
  const unrecorded = new Map<string, Outcome>();
  /** Waits inside sends, woken at stop. */
  const sleepers = new Set<() => void>();
  const recent429 = new Map<string, { at: number; conversation: string }[]>();
  const tenantPausedUntil = new Map<string, number>();
  let idleWaiters: (() => void)[] = [];
  let stopping = false;
  let poked = false;
  let wakeDispatcher: (() => void) | undefined;
  let holding = false;
  let renewAt = 0;
  let emptyPolls = 0;
  let refilling = false;
  /** Outcomes may be waiting to be folded into their messages (true at start: a crash may have left some). */
  let compactionDue = true;
  /**
   * 1:1 conversations created during a run, stored on the members when there is nothing to
   * send (each such write costs as much as a send's on FerretDB); used for lookups meanwhile.
   */
  const toRemember = new Map<string, string>();
  let housekeeping = false;
  let housekeepingTask: Promise<void> = Promise.resolve();
  let refillTask: Promise<void> = Promise.resolve();
  /** When to read the outbox again while nothing is buffered (0: now). */
  let nextLookAt = 0;
  let runStartedAt: number | undefined;
  let runSent = 0;

  const backoff = (attempt: number) =>
    Math.min(backoffMax, backoffBase * 2 ** attempt + random() * backoffJitter);

  /** The dispatcher's wait: ended early by notify(), a finished send, or stop. */
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      if (poked || stopping) {
        poked = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        wakeDispatcher = undefined;
        poked = false;
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      wakeDispatcher = done;
    });

  /** Wakes the dispatcher (a send finished, a read completed). */
  const wake = () => {
    poked = true;
    wakeDispatcher?.();
  };

  /** Something new may be due (an enqueue): look at the outbox now. */
  const notify = () => {
    emptyPolls = 0;
    nextLookAt = 0;
    wake();
  };

  /** A wait inside a send, ended early only by stop. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      sleepers.add(done);
    });

  const settleIdle = () => {
    if (runStartedAt !== undefined) {
      const seconds = (now() - runStartedAt) / 1000;
      logger.info('outbox drained', { sentThisRun: runSent, seconds, ...counters });
      runStartedAt = undefined;
      runSent = 0;
    }
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  /** Takes or renews the lock when due; false while another worker holds it. */
  const holdLock = async (): Promise<boolean> => {
    if (holding && now() < renewAt) return true;
    const result = await outbox.lock(owner, new Date(now()), lockTtlMs);
    if (result.held) {
      if (!holding) logger.info('outbox worker: holding the outbox lock', { owner });
      if (result.tookOverFrom) {
        counters.takeovers++;
        logger.warn(
          'outbox worker: took over from a worker that stopped mid-run; a send it had in flight may arrive twice',
          { previousOwner: result.tookOverFrom },
        );
      }
      holding = true;
      renewAt = now() + lockTtlMs / 3;
      return true;
    }
    if (holding) logger.warn('outbox worker: lost the outbox lock; standing by', { owner });
    holding = false;
    buffer.splice(0).forEach((d) => local.delete(d.doc._id));
    return false;
  };

  /** Buffers what is due; says how many were new, and when the first one not yet due is. */
  const refill = async (): Promise<{ added: number; nextDueAt?: number }> => {
    const startedAfter = writeSeq;
    const pending = await outbox.nextPending(batchSize);
    const t = now();
    const due: Due[] = [];
    let nextDueAt: number | undefined;
    for (const doc of pending) {
      if (local.has(doc._id)) continue;
      const written = finished.get(doc._id);
      if (written !== undefined) {
        if (written > startedAfter) continue; // a copy read before its outcome was written
        finished.delete(doc._id); // this read saw the outcome: it really is pending again
      }
      if (doc.notBefore.getTime() > t) {
        nextDueAt = Math.min(nextDueAt ?? Infinity, doc.notBefore.getTime());
        continue;
      }
      due.push({
        doc,
        tenantId: doc.target.tenantId,
        conversationId:
          doc.conversationId ?? doc.target.conversationId ?? toRemember.get(doc.target.aadObjectId),
      });
    }
    // Outcomes written before this read began are visible to it (and to every later read).
    for (const [key, seq] of finished) if (seq <= startedAfter) finished.delete(key);
    const unknown = due
      .filter((d) => !d.conversationId && d.doc.target.aadObjectId)
      .map((d) => d.doc.target.aadObjectId);
    if (unknown.length > 0 && options.knownConversations) {
      const known = await options.knownConversations([...new Set(unknown)]);
      for (const d of due) d.conversationId ??= known.get(d.doc.target.aadObjectId);
    }
    for (const d of due) {
      local.add(d.doc._id);
      buffer.push(d);
    }
    return { added: due.length, nextDueAt };
  };

  /**
   * The slots the message's first call needs. Without a conversation it takes two tenant slots
   * at once, for the create and for the send that follows, so that a created conversation is
   * never left waiting behind new creates.
   */
  const admit = (d: Due, t: number): Admission => {
    if (d.conversationId) {
      const r = limiter.reserve({ conversation: d.conversationId, tenant: d.tenantId }, t);
      return r.ok ? { ok: true, permits: [r.permit] } : r;
    }
    const create = limiter.reserve({ tenant: d.tenantId }, t);
    if (!create.ok) return create;
    const send = limiter.reserve({ tenant: d.tenantId }, t);
    if (!send.ok) {
      create.permit.cancel();
      return send;
    }
    return { ok: true, permits: [create.permit, send.permit] };
  };

  /** The message's outcome is written (or given up on): later reads decide about it again. */
  const release = (key: string) => {
    local.delete(key);
    finished.set(key, ++writeSeq);
    compactionDue = true;
  };

  const write = async (key: string, what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      logger.error(`outbox: could not record ${what}`, { key, err });
    }
  };

  const defer = (d: Due, until: number) => {
    const task = write(d.doc._id, 'a deferral', () =>
      outbox.defer(d.doc._id, new Date(until)),
    ).finally(() => {
      inflight.delete(task);
      release(d.doc._id);
    });
    inflight.add(task);
  };

  /** Starts what the limits allow; returns how long to wait before trying again (0: now). */
  const dispatch = (): number => {
    const t = now();
    let wait = Infinity;
    const blockedTenants = new Set<string>();
    for (let i = 0; i < buffer.length && inflight.size < concurrency;) {
      const d = buffer[i];
      if (blockedTenants.has(d.tenantId)) {
        i++;
        continue;
      }
      const admission = admit(d, t);
      if (admission.ok) {
        buffer.splice(i, 1);
        start(d, admission.permits);
      } else if (admission.scope === 'tenant') {
        blockedTenants.add(d.tenantId);
        wait = Math.min(wait, admission.delayMs);
        i++;
      } else if (admission.delayMs > maxInlineWaitMs) {
        buffer.splice(i, 1);
        defer(d, t + admission.delayMs);
      } else {
        wait = Math.min(wait, admission.delayMs);
        i++;
      }
    }
    if (buffer.length === 0 || inflight.size >= concurrency) return 0;
    return wait;
  };

  const start = (d: Due, permits: Permit[]) => {
    runStartedAt ??= now();
    const task = deliver(d, permits).finally(() => {
      inflight.delete(task);
      if (!unrecorded.has(d.doc._id)) release(d.doc._id);
      wake();
    });
    inflight.add(task);
  };

  /** Waits (briefly) for the conversation's own limits before the send that follows a create. */
  const admitConversation = async (
    conversationId: string,
  ): Promise<{ permit: Permit } | { retryAt: number }> => {
    for (;;) {
      const r = limiter.reserve({ conversation: conversationId }, now());
      if (r.ok) return { permit: r.permit };
      if (stopping || r.delayMs > maxInlineWaitMs) return { retryAt: now() + r.delayMs };
      await sleep(r.delayMs);
    }
  };

  const recordSent = async (key: string, conversationId: string, attempts: number) => {
    const outcome: Outcome = { status: 'sent', at: new Date(now()), attempts, conversationId };
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await outbox.recordOutcome(key, outcome);
        return;
      } catch (err) {
        if (attempt === 3) {
          // Teams has it: never send it again; keep trying to record it instead.
          unrecorded.set(key, outcome);
          logger.error('outbox: sent, but could not record it yet; will keep trying', {
            key,
            err,
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  };

  const flushUnrecorded = async () => {
    for (const [key, s] of unrecorded) {
      try {
        await outbox.recordOutcome(key, s);
        unrecorded.delete(key);
        release(key);
      } catch {
        return; // the database is still away
      }
    }
  };

  const progress = () => {
    counters.sent++;
    runSent++;
    if (counters.sent % progressEvery === 0) {
      const seconds = (now() - (runStartedAt ?? now())) / 1000;
      logger.info('outbox progress', {
        ...counters,
        perSecond: seconds > 0 ? Math.round((runSent / seconds) * 10) / 10 : undefined,
      });
    }
  };

  /** A 429: hold the conversation, and the tenant when the app-wide limit is the likely cause. */
  const throttle = (tenantId: string, conversationId: string | undefined, until: number) => {
    const t = now();
    const pauseTenant = (why: string) => {
      limiter.pause({ tenant: tenantId }, until);
      if ((tenantPausedUntil.get(tenantId) ?? 0) < t) {
        logger.warn(`outbox: throttled ${why}; pausing the tenant`, { tenantId, forMs: until - t });
      }
      tenantPausedUntil.set(tenantId, Math.max(until, tenantPausedUntil.get(tenantId) ?? 0));
    };
    if (conversationId === undefined) {
      pauseTenant('creating a conversation');
      return;
    }
    limiter.pause({ conversation: conversationId }, until);
    const recent = (recent429.get(tenantId) ?? []).filter((r) => r.at > t - 1_000);
    recent.push({ at: t, conversation: conversationId });
    recent429.set(tenantId, recent);
    if (new Set(recent.map((r) => r.conversation)).size >= 3)
      pauseTenant('in several conversations');
  };

  const fail = async (
    d: Due,
    attempts: number,
    phase: 'create' | 'send',
    conversationId: string | undefined,
    err: unknown,
  ) => {
    const e = describeError(err);
    const t = now();
    const key = d.doc._id;
    const lastError: OutboxError = {
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.code !== undefined ? { code: e.code } : {}),
      message:
        `${phase === 'create' ? 'creating the conversation' : 'sending'}: ${e.message}`.slice(
          0,
          MAX_ERROR_TEXT,
        ),
      at: new Date(t),
    };
    const { target } = d.doc;
    if (e.status === 403 && e.code !== 'InvalidBotApiHost') {
      await outbox.recordOutcome(key, {
        status: 'unreachable',
        at: lastError.at,
        attempts,
        lastError,
        ...(conversationId ? { conversationId } : {}),
      });
      counters.unreachable++;
      logger.info('outbox: member unreachable', { key, code: e.code });
      try {
        // A shared conversation (no member) refused: nobody to mark as unreachable.
        if (target.aadObjectId)
          await options.onUnreachable?.(target.aadObjectId, target.tenantId, {
            status: 403,
            code: e.code,
            blocked: e.blocked,
          });
      } catch (hookErr) {
        logger.warn('outbox: onUnreachable failed', { key, err: hookErr });
      }
      return;
    }
    if (isRetryable(e.status)) {
      if (e.status === 429) {
        counters.throttled++;
        throttle(
          target.tenantId,
          phase === 'create' ? undefined : conversationId,
          t + (e.retryAfterMs ?? backoff(attempts)),
        );
      }
      if (attempts >= maxAttempts) {
        lastError.message = `gave up after ${attempts} tries; ${lastError.message}`.slice(
          0,
          MAX_ERROR_TEXT,
        );
        await outbox.recordOutcome(key, {
          status: 'failed',
          at: lastError.at,
          attempts,
          lastError,
        });
        counters.failed++;
        logger.warn('outbox: message failed', { key, lastError });
        return;
      }
      const delay = Math.max(e.retryAfterMs ?? 0, backoff(attempts));
      await outbox.retryLater(key, new Date(t + delay), lastError, attempts, conversationId);
      counters.retried++;
      logger.debug('outbox: will retry', { key, status: e.status, delayMs: delay });
      return;
    }
    await outbox.recordOutcome(key, {
      status: 'failed',
      at: lastError.at,
      attempts,
      lastError,
      ...(conversationId ? { conversationId } : {}),
    });
    counters.failed++;
    logger.warn('outbox: message failed', { key, lastError });
  };

  const deliver = async (d: Due, permits: Permit[]) => {
    const { doc } = d;
    const key = doc._id;
    const attempts = doc.attempts + 1;
    let phase: 'create' | 'send' = 'create';
    let conversationId = d.conversationId;
    try {
      const sendPermits: Permit[] = [];
      if (permits.length === 2) {
        const [createPermit, sendPermit] = permits;
        try {
          conversationId = await sender.createConversation(doc.target);
        } finally {
          createPermit.done(now());
        }
        counters.conversationsCreated++;
        const created = conversationId;
        toRemember.set(doc.target.aadObjectId, created);
        const admitted = await admitConversation(conversationId);
        if ('retryAt' in admitted) {
          sendPermit.cancel();
          await write(key, 'a deferral', () =>
            outbox.defer(key, new Date(admitted.retryAt), created),
          );
          return;
        }
        sendPermits.push(sendPermit, admitted.permit);
      } else {
        sendPermits.push(...permits);
      }
      phase = 'send';
      if (!conversationId) throw new Error('no conversation to send to');
      try {
        await sender.sendToConversation({ ...doc.target, conversationId }, doc.activity);
      } finally {
        const at = now();
        for (const p of sendPermits) p.done(at);
      }
      await recordSent(key, conversationId, attempts);
      progress();
    } catch (err) {
      await write(key, 'a failed try', () => fail(d, attempts, phase, conversationId, err));
    } finally {
      // Whatever was not used frees its slot (a settled permit ignores this).
      for (const p of permits) p.cancel();
    }
  };

  /**
   * Reads ahead in the background when the buffer runs low, so sending never waits for a read
   * (on the embedded FerretDB a read of a few thousand messages takes a good part of a second).
   */
  const kickRefill = () => {
    refilling = true;
    refillTask = refill()
      .then(({ added, nextDueAt }) => {
        if (added > 0) {
          emptyPolls = 0;
          nextLookAt = 0;
          return;
        }
        // Nothing due: look again soon, then less often (each look reads the collection);
        // an enqueue in this process, or the next retry coming due, brings the look forward.
        const idleWait = Math.min(idlePollMaxMs, pollMs * 2 ** Math.min(emptyPolls++, 6));
        nextLookAt = now() + Math.max(1, Math.min(idleWait, (nextDueAt ?? Infinity) - now()));
      })
      .catch((err: unknown) => {
        logger.error('outbox worker: reading the outbox failed', { err });
        nextLookAt = now() + Math.max(pollMs, 1_000);
      })
      .finally(() => {
        refilling = false;
        wake();
      });
  };

  /**
   * While there is nothing to send: stores a few created conversations on their members, or
   * folds a few recorded outcomes into their messages. Small steps, so new work waits little.
   */
  const kickHousekeeping = () => {
    housekeeping = true;
    const step = 10;
    housekeepingTask = (async () => {
      if (toRemember.size > 0 && options.rememberConversations) {
        const batch = new Map([...toRemember].slice(0, step * 5));
        await options.rememberConversations(batch);
        for (const aadObjectId of batch.keys()) toRemember.delete(aadObjectId);
        return;
      }
      toRemember.clear();
      if ((await outbox.compact(step)) < step) compactionDue = false;
    })()
      .catch((err: unknown) => {
        logger.warn('outbox worker: housekeeping failed; trying again later', { err });
        compactionDue = false; // until the next outcome
      })
      .finally(() => {
        housekeeping = false;
        wake();
      });
  };

  /** At stop: stores what it can of the created conversations, within a time budget. */
  const rememberBeforeStop = async (budgetMs: number) => {
    const deadline = now() + budgetMs;
    while (toRemember.size > 0 && options.rememberConversations && now() < deadline) {
      const batch = new Map([...toRemember].slice(0, 50));
      try {
        await options.rememberConversations(batch);
      } catch {
        break;
      }
      for (const aadObjectId of batch.keys()) toRemember.delete(aadObjectId);
    }
    if (toRemember.size > 0) {
      logger.info(
        'outbox worker: some created conversations were not stored; they are created again when needed',
        {
          notStored: toRemember.size,
        },
      );
    }
  };

  const loop = async () => {
    while (!stopping) {
      try {
        if (!(await holdLock())) {
          if (inflight.size === 0) settleIdle();
          await nap(Math.min(lockTtlMs / 3, 2_000));
          continue;
        }
        if (unrecorded.size > 0) await flushUnrecorded();
        if (buffer.length < lowWater && !refilling && now() >= nextLookAt) kickRefill();
        if (buffer.length === 0) {
          const quiet = !refilling && inflight.size === 0;
          if (quiet) settleIdle();
          const chores = toRemember.size > 0 || compactionDue;
          if (quiet && chores && !housekeeping && !stopping) kickHousekeeping();
          await nap(!quiet || housekeeping ? pollMs : Math.max(1, nextLookAt - now()));
          continue;
        }
        if (inflight.size >= concurrency) {
          await nap(pollMs);
          continue;
        }
        const wait = dispatch();
        if (wait > 0) await nap(Math.min(wait, 5_000));
      } catch (err) {
        // The database is away, most likely: keep trying, calmly.
        logger.error('outbox worker: polling failed', { err });
        await nap(Math.max(pollMs, 1_000));
      }
    }
  };

  const unsubscribe = outbox.subscribe(notify);
  const running = loop();
  logger.info('outbox worker started', { owner, concurrency });

  let stopped: Promise<void> | undefined;
  return {
    notify,
    counters: () => ({ ...counters }),
    idle() {
      if (stopping) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notify();
      });
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        unsubscribe();
        wakeDispatcher?.();
        for (const wake of [...sleepers]) wake();
        await running;
        await refillTask;
        await housekeepingTask;
        await rememberBeforeStop(2_000);
        await Promise.allSettled([...inflight]);
        await flushUnrecorded();
        buffer.length = 0;
        if (holding) {
          await outbox.unlock(owner).catch((err: unknown) => {
            logger.warn('outbox worker: could not release the lock', { err });
          });
        }
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
        logger.info('outbox worker stopped', { ...counters });
      })();
      return stopped;
    },
  };
}
