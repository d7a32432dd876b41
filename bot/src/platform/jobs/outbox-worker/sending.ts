import type { ProactiveSender } from '../proactive-port';
import type { Permit, RateLimiter, Reservation } from '../rate-limiter';
import type { OutcomeRecorder } from './outcomes';
import type { RunProgress } from './progress';
import { decideAfterFailure, describeError, type Phase } from './retry-policy';
import type { WorkerSettings } from './settings';
import type { Signals } from './signals';
import type { Due, WorkerState } from './state';
import type { Throttle } from './throttle';

type Admission = { ok: true; permits: Permit[] } | Extract<Reservation, { ok: false }>;

/**
 * The slots the message's first call needs. Without a conversation it takes two tenant slots
 * at once, for the create and for the send that follows, so that a created conversation is
 * never left waiting behind new creates.
 */
export function admit(limiter: RateLimiter, d: Due, t: number): Admission {
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
}

export interface SendingParts {
  sender: ProactiveSender;
  limiter: RateLimiter;
  state: WorkerState;
  settings: Pick<
    WorkerSettings,
    'concurrency' | 'maxInlineWaitMs' | 'maxAttempts' | 'backoff' | 'now'
  >;
  signals: Signals;
  recorder: OutcomeRecorder;
  throttle: Throttle;
  progress: RunProgress;
}

/**
 * Starts buffered messages as the rate limits allow, up to `concurrency` at once. Per message:
 * create the 1:1 conversation if none is known (one call, counted against the tenant's limit),
 * then post the activity (counted against the conversation's and the tenant's limits), then
 * record the outcome.
 */
export class Dispatcher {
  constructor(private readonly parts: SendingParts) {}

  /** Starts what the limits allow; returns how long to wait before trying again (0: now). */
  dispatch(): number {
    const { state, settings, limiter, recorder } = this.parts;
    const { buffer, inflight } = state;
    const t = settings.now();
    let wait = Infinity;
    const blockedTenants = new Set<string>();
    for (let i = 0; i < buffer.length && inflight.size < settings.concurrency;) {
      const d = buffer[i];
      if (blockedTenants.has(d.tenantId)) {
        i++;
        continue;
      }
      const admission = admit(limiter, d, t);
      if (admission.ok) {
        buffer.splice(i, 1);
        this.start(d, admission.permits);
      } else if (admission.scope === 'tenant') {
        blockedTenants.add(d.tenantId);
        wait = Math.min(wait, admission.delayMs);
        i++;
      } else if (admission.delayMs > settings.maxInlineWaitMs) {
        buffer.splice(i, 1);
        recorder.defer(d, t + admission.delayMs);
      } else {
        wait = Math.min(wait, admission.delayMs);
        i++;
      }
    }
    if (buffer.length === 0 || inflight.size >= settings.concurrency) return 0;
    return wait;
  }

  private start(d: Due, permits: Permit[]): void {
    const { state, progress, signals } = this.parts;
    progress.sendStarted();
    state.track(this.deliver(d, permits), () => {
      if (!state.unrecorded.has(d.doc._id)) state.release(d.doc._id);
      signals.wake();
    });
  }

  private async deliver(d: Due, permits: Permit[]): Promise<void> {
    const { sender, settings, recorder, progress } = this.parts;
    const { doc } = d;
    const attempts = doc.attempts + 1;
    let phase: Phase = 'create';
    let conversationId = d.conversationId;
    try {
      let sendPermits = permits;
      if (permits.length === 2) {
        const created = await this.createConversation(d, permits);
        if (!created) return;
        ({ conversationId, sendPermits } = created);
      }
      phase = 'send';
      if (!conversationId) throw new Error('no conversation to send to');
      try {
        await sender.sendToConversation({ ...doc.target, conversationId }, doc.activity);
      } finally {
        const at = settings.now();
        for (const p of sendPermits) p.done(at);
      }
      await recorder.recordSent(doc._id, conversationId, attempts);
      progress.countSent();
    } catch (err) {
      await recorder.write(doc._id, 'a failed try', () =>
        this.failed(d, attempts, phase, conversationId, err),
      );
    } finally {
      // Whatever was not used frees its slot (a settled permit ignores this).
      for (const p of permits) p.cancel();
    }
  }

  /**
   * Creates the 1:1 conversation and waits (briefly) for its own limits; undefined when the
   * send had to be put back in the database instead.
   */
  private async createConversation(
    d: Due,
    [createPermit, sendPermit]: Permit[],
  ): Promise<{ conversationId: string; sendPermits: Permit[] } | undefined> {
    const { sender, settings, state, recorder } = this.parts;
    const { doc } = d;
    let conversationId: string;
    try {
      conversationId = await sender.createConversation(doc.target);
    } finally {
      createPermit.done(settings.now());
    }
    state.counters.conversationsCreated++;
    state.toRemember.set(doc.target.aadObjectId, conversationId);
    const admitted = await this.admitConversation(conversationId);
    if ('retryAt' in admitted) {
      sendPermit.cancel();
      await recorder.deferCreated(doc._id, admitted.retryAt, conversationId);
      return undefined;
    }
    return { conversationId, sendPermits: [sendPermit, admitted.permit] };
  }

  /** Waits (briefly) for the conversation's own limits before the send that follows a create. */
  private async admitConversation(
    conversationId: string,
  ): Promise<{ permit: Permit } | { retryAt: number }> {
    const { limiter, settings, signals } = this.parts;
    for (;;) {
      const r = limiter.reserve({ conversation: conversationId }, settings.now());
      if (r.ok) return { permit: r.permit };
      if (signals.stopping || r.delayMs > settings.maxInlineWaitMs)
        return { retryAt: settings.now() + r.delayMs };
      await signals.sleep(r.delayMs);
    }
  }

  private async failed(
    d: Due,
    attempts: number,
    phase: Phase,
    conversationId: string | undefined,
    err: unknown,
  ): Promise<void> {
    const { settings, state, throttle, recorder } = this.parts;
    const error = describeError(err);
    if (error.status === 429) {
      state.counters.throttled++;
      throttle.tooManyRequests(
        d.tenantId,
        phase === 'create' ? undefined : conversationId,
        settings.now() + (error.retryAfterMs ?? settings.backoff(attempts)),
      );
    }
    const decision = decideAfterFailure(error, attempts, settings.maxAttempts, settings.backoff);
    await recorder.recordFailure(d, { attempts, phase, conversationId, error }, decision);
  }
}
