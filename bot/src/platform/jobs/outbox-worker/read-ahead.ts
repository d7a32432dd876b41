import type { Logger } from '../../../logger';
import type { Outbox, OutboxDoc } from '../outbox';
import type { OutboxWorkerOptions } from './api';
import type { WorkerSettings } from './settings';
import type { Signals } from './signals';
import type { Due, WorkerState } from './state';

type ReadAheadSettings = Pick<
  WorkerSettings,
  'batchSize' | 'lowWater' | 'pollMs' | 'idlePollMaxMs' | 'now'
>;

/**
 * The messages of a read that are due and not already handled here, and when the first one not
 * yet due is. Forgets the outcome marks the read has seen (see WorkerState.finished).
 */
export function selectDue(
  pending: OutboxDoc[],
  state: Pick<WorkerState, 'local' | 'finished' | 'toRemember'>,
  startedAfter: number,
  t: number,
): { due: Due[]; nextDueAt?: number } {
  const due: Due[] = [];
  let nextDueAt: number | undefined;
  for (const doc of pending) {
    if (state.local.has(doc._id)) continue;
    const written = state.finished.get(doc._id);
    if (written !== undefined) {
      if (written > startedAfter) continue; // a copy read before its outcome was written
      state.finished.delete(doc._id); // this read saw the outcome: it really is pending again
    }
    if (doc.notBefore.getTime() > t) {
      nextDueAt = Math.min(nextDueAt ?? Infinity, doc.notBefore.getTime());
      continue;
    }
    due.push({
      doc,
      tenantId: doc.target.tenantId,
      conversationId:
        doc.conversationId ??
        doc.target.conversationId ??
        state.toRemember.get(doc.target.aadObjectId),
    });
  }
  // Outcomes written before this read began are visible to it (and to every later read).
  for (const [key, seq] of state.finished) if (seq <= startedAfter) state.finished.delete(key);
  return { due, nextDueAt };
}

/**
 * How long to wait before looking at an outbox that had nothing due: soon, then less often
 * (each look reads the collection), but no later than the next retry coming due.
 */
export function idleLookDelay(
  emptyPolls: number,
  settings: Pick<WorkerSettings, 'pollMs' | 'idlePollMaxMs'>,
  untilNextDue: number,
): number {
  const idleWait = Math.min(settings.idlePollMaxMs, settings.pollMs * 2 ** Math.min(emptyPolls, 6));
  return Math.max(1, Math.min(idleWait, untilNextDue));
}

/**
 * Reads ahead in the background when the buffer runs low, so sending never waits for a read
 * (on the embedded FerretDB a read of a few thousand messages takes a good part of a second).
 */
export class ReadAhead {
  reading = false;
  private task: Promise<void> = Promise.resolve();
  /** When to read the outbox again while nothing is buffered (0: now). */
  nextLookAt = 0;
  private emptyPolls = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly state: WorkerState,
    private readonly settings: ReadAheadSettings,
    private readonly signals: Signals,
    private readonly logger: Logger,
    private readonly knownConversations?: OutboxWorkerOptions['knownConversations'],
  ) {}

  /** Something new may be due (an enqueue): look at the outbox at once. */
  lookNow(): void {
    this.emptyPolls = 0;
    this.nextLookAt = 0;
  }

  wanted(): boolean {
    return (
      this.state.buffer.length < this.settings.lowWater &&
      !this.reading &&
      this.settings.now() >= this.nextLookAt
    );
  }

  /** Starts a read in the background; the dispatcher is woken when it completes. */
  start(): void {
    this.reading = true;
    this.task = this.refill()
      .then(({ added, nextDueAt }) => {
        if (added > 0) return this.lookNow();
        const now = this.settings.now();
        const delay = idleLookDelay(
          this.emptyPolls++,
          this.settings,
          (nextDueAt ?? Infinity) - now,
        );
        this.nextLookAt = now + delay;
      })
      .catch((err: unknown) => {
        this.logger.error('outbox worker: reading the outbox failed', { err });
        this.nextLookAt = this.settings.now() + Math.max(this.settings.pollMs, 1_000);
      })
      .finally(() => {
        this.reading = false;
        this.signals.wake();
      });
  }

  /** The read under way, if any. */
  settled(): Promise<void> {
    return this.task;
  }

  /** Buffers what is due; says how many were new, and when the first one not yet due is. */
  async refill(): Promise<{ added: number; nextDueAt?: number }> {
    const startedAfter = this.state.writeSeq;
    const pending = await this.outbox.nextPending(this.settings.batchSize);
    const { due, nextDueAt } = selectDue(pending, this.state, startedAfter, this.settings.now());
    await this.lookUpConversations(due);
    for (const d of due) {
      this.state.local.add(d.doc._id);
      this.state.buffer.push(d);
    }
    return { added: due.length, nextDueAt };
  }

  private async lookUpConversations(due: Due[]): Promise<void> {
    const unknown = due
      .filter((d) => !d.conversationId && d.doc.target.aadObjectId)
      .map((d) => d.doc.target.aadObjectId);
    if (unknown.length === 0 || !this.knownConversations) return;
    const known = await this.knownConversations([...new Set(unknown)]);
    for (const d of due) d.conversationId ??= known.get(d.doc.target.aadObjectId);
  }
}
