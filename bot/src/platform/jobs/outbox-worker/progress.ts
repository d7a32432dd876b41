import type { Logger } from '../../../logger';
import type { WorkerCounters } from './api';

/** A run: from the first send after an idle spell to the next idle spell, logged as it goes. */
export class RunProgress {
  private startedAt: number | undefined;
  private sentThisRun = 0;

  constructor(
    private readonly counters: WorkerCounters,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly every: number,
  ) {}

  sendStarted(): void {
    this.startedAt ??= this.now();
  }

  countSent(): void {
    this.counters.sent++;
    this.sentThisRun++;
    if (this.counters.sent % this.every !== 0) return;
    const seconds = (this.now() - (this.startedAt ?? this.now())) / 1000;
    this.logger.info('outbox progress', {
      ...this.counters,
      perSecond: seconds > 0 ? Math.round((this.sentThisRun / seconds) * 10) / 10 : undefined,
    });
  }

  /** Nothing left to send: logs the run's total, once. */
  drained(): void {
    if (this.startedAt === undefined) return;
    const seconds = (this.now() - this.startedAt) / 1000;
    this.logger.info('outbox drained', {
      sentThisRun: this.sentThisRun,
      seconds,
      ...this.counters,
    });
    this.startedAt = undefined;
    this.sentThisRun = 0;
  }
}
