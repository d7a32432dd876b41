import type { Logger } from '../../../logger';
import type { Outbox, Outcome } from '../outbox';
import type { SendError } from '../proactive-port';
import type { UnreachableHook } from './api';
import { storedError, type FailureDecision, type Phase } from './retry-policy';
import type { Due, WorkerState } from './state';

const SENT_RECORD_TRIES = 3;

/**
 * Writes how each try ended. Each outcome is one single-document insert made before the send's
 * slot is given to the next message, so a restart resumes exactly what is pending.
 */
export class OutcomeRecorder {
  constructor(
    private readonly outbox: Outbox,
    private readonly state: WorkerState,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly onUnreachable?: UnreachableHook,
  ) {}

  /** Runs a write; a failure is logged, and the message stays as the database has it. */
  async write(key: string, what: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      this.logger.error(`outbox: could not record ${what}`, { key, err });
    }
  }

  /** Puts a message back in the database until `until`, counted as in flight meanwhile. */
  defer(d: Due, until: number): void {
    const key = d.doc._id;
    const task = this.write(key, 'a deferral', () => this.outbox.defer(key, new Date(until)));
    this.state.track(task, () => this.state.release(key));
  }

  /** Puts a message whose conversation was just created back in the database until `until`. */
  deferCreated(key: string, until: number, conversationId: string): Promise<void> {
    return this.write(key, 'a deferral', () =>
      this.outbox.defer(key, new Date(until), conversationId),
    );
  }

  async recordSent(key: string, conversationId: string, attempts: number): Promise<void> {
    const outcome: Outcome = { status: 'sent', at: new Date(this.now()), attempts, conversationId };
    for (let attempt = 1; attempt <= SENT_RECORD_TRIES; attempt++) {
      try {
        await this.outbox.recordOutcome(key, outcome);
        return;
      } catch (err) {
        if (attempt === SENT_RECORD_TRIES) {
          // Teams has it: never send it again; keep trying to record it instead.
          this.state.unrecorded.set(key, outcome);
          this.logger.error('outbox: sent, but could not record it yet; will keep trying', {
            key,
            err,
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** Records the sends whose recording failed, in order, until the database fails again. */
  async flushUnrecorded(): Promise<void> {
    for (const [key, outcome] of this.state.unrecorded) {
      try {
        await this.outbox.recordOutcome(key, outcome);
        this.state.unrecorded.delete(key);
        this.state.release(key);
      } catch {
        return; // the database is still away
      }
    }
  }

  async recordFailure(
    d: Due,
    failure: { attempts: number; phase: Phase; conversationId?: string; error: SendError },
    decision: FailureDecision,
  ): Promise<void> {
    const { attempts, phase, conversationId, error: e } = failure;
    const key = d.doc._id;
    const at = new Date(this.now());
    const withConversation = conversationId ? { conversationId } : {};
    if (decision.kind === 'unreachable') {
      const lastError = storedError(phase, e, at);
      await this.outbox.recordOutcome(key, {
        status: 'unreachable',
        at,
        attempts,
        lastError,
        ...withConversation,
      });
      this.state.counters.unreachable++;
      this.logger.info('outbox: member unreachable', { key, code: e.code });
      await this.tellUnreachable(d, e);
    } else if (decision.kind === 'retry') {
      const lastError = storedError(phase, e, at);
      await this.outbox.retryLater(
        key,
        new Date(at.getTime() + decision.delayMs),
        lastError,
        attempts,
        conversationId,
      );
      this.state.counters.retried++;
      this.logger.debug('outbox: will retry', { key, status: e.status, delayMs: decision.delayMs });
    } else {
      const gaveUp = decision.kind === 'give-up';
      const lastError = storedError(
        phase,
        e,
        at,
        gaveUp ? `gave up after ${attempts} tries; ` : '',
      );
      const outcome: Outcome = { status: 'failed', at, attempts, lastError };
      await this.outbox.recordOutcome(key, gaveUp ? outcome : { ...outcome, ...withConversation });
      this.state.counters.failed++;
      this.logger.warn('outbox: message failed', { key, lastError });
    }
  }

  private async tellUnreachable(d: Due, e: SendError): Promise<void> {
    const { target } = d.doc;
    try {
      // A shared conversation (no member) refused: nobody to mark as unreachable.
      if (target.aadObjectId)
        await this.onUnreachable?.(target.aadObjectId, target.tenantId, {
          status: 403,
          code: e.code,
          blocked: e.blocked,
        });
    } catch (hookErr) {
      this.logger.warn('outbox: onUnreachable failed', { key: d.doc._id, err: hookErr });
    }
  }
}
