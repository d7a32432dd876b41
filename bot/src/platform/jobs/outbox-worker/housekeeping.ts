import type { Logger } from '../../../logger';
import type { Outbox } from '../outbox';
import type { OutboxWorkerOptions } from './api';
import type { Signals } from './signals';
import type { WorkerState } from './state';

const STEP = 10;
const REMEMBER_BATCH = STEP * 5;

/**
 * The chores done while there is nothing to send, in small steps so new work waits little:
 * storing the 1:1 conversations the worker created on their members, and folding recorded
 * outcomes into their messages (see outbox.ts for why outcomes are inserted first).
 */
export class Housekeeping {
  running = false;
  private task: Promise<void> = Promise.resolve();

  constructor(
    private readonly outbox: Outbox,
    private readonly state: WorkerState,
    private readonly signals: Signals,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly rememberConversations?: OutboxWorkerOptions['rememberConversations'],
  ) {}

  due(): boolean {
    return this.state.toRemember.size > 0 || this.state.compactionDue;
  }

  /** Starts one step in the background; the dispatcher is woken when it is done. */
  start(): void {
    this.running = true;
    this.task = this.step()
      .catch((err: unknown) => {
        this.logger.warn('outbox worker: housekeeping failed; trying again later', { err });
        this.state.compactionDue = false; // until the next outcome
      })
      .finally(() => {
        this.running = false;
        this.signals.wake();
      });
  }

  settled(): Promise<void> {
    return this.task;
  }

  /** At stop: stores what it can of the created conversations, within a time budget. */
  async rememberBeforeStop(budgetMs: number): Promise<void> {
    const deadline = this.now() + budgetMs;
    const { toRemember } = this.state;
    while (toRemember.size > 0 && this.rememberConversations && this.now() < deadline) {
      try {
        await this.rememberSome();
      } catch {
        break;
      }
    }
    if (toRemember.size > 0) {
      this.logger.info(
        'outbox worker: some created conversations were not stored; they are created again when needed',
        { notStored: toRemember.size },
      );
    }
  }

  private async step(): Promise<void> {
    if (this.state.toRemember.size > 0 && this.rememberConversations) {
      await this.rememberSome();
      return;
    }
    this.state.toRemember.clear();
    if ((await this.outbox.compact(STEP)) < STEP) this.state.compactionDue = false;
  }

  private async rememberSome(): Promise<void> {
    const batch = new Map([...this.state.toRemember].slice(0, REMEMBER_BATCH));
    await this.rememberConversations?.(batch);
    for (const aadObjectId of batch.keys()) this.state.toRemember.delete(aadObjectId);
  }
}
