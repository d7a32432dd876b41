import type { Logger } from '../../../logger';
import type { Outbox } from '../outbox';
import type { WorkerCounters } from './api';
import type { WorkerSettings } from './settings';

/**
 * The outbox lock as this worker holds it: taken or renewed every third of its time to live, so
 * one holder sends and another stands by until the lock lapses.
 */
export class OutboxLease {
  holding = false;
  private renewAt = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly settings: Pick<WorkerSettings, 'owner' | 'lockTtlMs' | 'now'>,
    private readonly logger: Logger,
    private readonly counters: Pick<WorkerCounters, 'takeovers'>,
  ) {}

  /** Takes or renews the lock when due; false while another worker holds it. */
  async hold(): Promise<boolean> {
    const { owner, lockTtlMs, now } = this.settings;
    if (this.holding && now() < this.renewAt) return true;
    const result = await this.outbox.lock(owner, new Date(now()), lockTtlMs);
    if (!result.held) {
      if (this.holding)
        this.logger.warn('outbox worker: lost the outbox lock; standing by', { owner });
      this.holding = false;
      return false;
    }
    if (!this.holding) this.logger.info('outbox worker: holding the outbox lock', { owner });
    if (result.tookOverFrom) {
      this.counters.takeovers++;
      this.logger.warn(
        'outbox worker: took over from a worker that stopped mid-run; a send it had in flight may arrive twice',
        { previousOwner: result.tookOverFrom },
      );
    }
    this.holding = true;
    this.renewAt = now() + lockTtlMs / 3;
    return true;
  }

  /** At stop: lets a standing-by worker take over at once instead of after the time to live. */
  async release(): Promise<void> {
    if (!this.holding) return;
    await this.outbox.unlock(this.settings.owner).catch((err: unknown) => {
      this.logger.warn('outbox worker: could not release the lock', { err });
    });
  }
}
