import type { Logger } from '../../../logger';
import type { Outbox } from '../outbox';
import type { OutboxWorker, OutboxWorkerOptions, WorkerCounters } from './api';
import { Housekeeping } from './housekeeping';
import { OutboxLease } from './lease';
import { OutcomeRecorder } from './outcomes';
import { RunProgress } from './progress';
import { ReadAhead } from './read-ahead';
import { Dispatcher } from './sending';
import { resolveSettings, type WorkerSettings } from './settings';
import { Signals } from './signals';
import { WorkerState } from './state';
import { Throttle } from './throttle';

/** How long a graceful stop spends storing created conversations on their members. */
const REMEMBER_AT_STOP_MS = 2_000;

/** The loop that ties the worker's parts together, and its start, idle and stop. */
export class OutboxWorkerLoop implements OutboxWorker {
  private readonly settings: WorkerSettings;
  private readonly outbox: Outbox;
  private readonly logger: Logger;
  private readonly state = new WorkerState();
  private readonly signals = new Signals();
  private readonly lease: OutboxLease;
  private readonly readAhead: ReadAhead;
  private readonly recorder: OutcomeRecorder;
  private readonly dispatcher: Dispatcher;
  private readonly housekeeping: Housekeeping;
  private readonly progress: RunProgress;
  private idleWaiters: (() => void)[] = [];
  private running: Promise<void> = Promise.resolve();
  private unsubscribe: () => void = () => undefined;
  private stopped: Promise<void> | undefined;

  constructor(options: OutboxWorkerOptions) {
    const settings = resolveSettings(options);
    const { outbox, logger, limiter } = options;
    const { state, signals } = this;
    this.settings = settings;
    this.outbox = outbox;
    this.logger = logger;
    this.lease = new OutboxLease(outbox, settings, logger, state.counters);
    this.readAhead = new ReadAhead(
      outbox,
      state,
      settings,
      signals,
      logger,
      options.knownConversations,
    );
    this.recorder = new OutcomeRecorder(outbox, state, logger, settings.now, options.onUnreachable);
    this.progress = new RunProgress(state.counters, logger, settings.now, settings.progressEvery);
    this.housekeeping = new Housekeeping(
      outbox,
      state,
      signals,
      logger,
      settings.now,
      options.rememberConversations,
    );
    this.dispatcher = new Dispatcher({
      sender: options.sender,
      limiter,
      state,
      settings,
      signals,
      recorder: this.recorder,
      throttle: new Throttle(limiter, logger, settings.now),
      progress: this.progress,
    });
  }

  start(): this {
    this.unsubscribe = this.outbox.subscribe(() => this.notify());
    this.running = this.loop();
    const { owner, concurrency } = this.settings;
    this.logger.info('outbox worker started', { owner, concurrency });
    return this;
  }

  notify(): void {
    this.readAhead.lookNow();
    this.signals.wake();
  }

  counters(): WorkerCounters {
    return { ...this.state.counters };
  }

  idle(): Promise<void> {
    if (this.signals.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.idleWaiters.push(resolve);
      this.notify();
    });
  }

  stop(): Promise<void> {
    this.stopped ??= this.finish();
    return this.stopped;
  }

  private async loop(): Promise<void> {
    while (!this.signals.stopping) {
      try {
        await this.turn();
      } catch (err) {
        // The database is away, most likely: keep trying, calmly.
        this.logger.error('outbox worker: polling failed', { err });
        await this.signals.nap(Math.max(this.settings.pollMs, 1_000));
      }
    }
  }

  /** One look: stand by, read ahead, do chores, or start sends, then wait as long as fits. */
  private async turn(): Promise<void> {
    const { state, signals, settings, readAhead, housekeeping } = this;
    if (!(await this.lease.hold())) {
      state.dropBuffer();
      if (state.inflight.size === 0) this.settleIdle();
      await signals.nap(Math.min(settings.lockTtlMs / 3, 2_000));
      return;
    }
    if (state.unrecorded.size > 0) await this.recorder.flushUnrecorded();
    if (readAhead.wanted()) readAhead.start();
    if (state.buffer.length === 0) {
      const quiet = !readAhead.reading && state.inflight.size === 0;
      if (quiet) this.settleIdle();
      if (quiet && housekeeping.due() && !housekeeping.running && !signals.stopping)
        housekeeping.start();
      const wait =
        !quiet || housekeeping.running ? settings.pollMs : readAhead.nextLookAt - settings.now();
      await signals.nap(Math.max(1, wait));
      return;
    }
    if (state.inflight.size >= settings.concurrency) {
      await signals.nap(settings.pollMs);
      return;
    }
    const wait = this.dispatcher.dispatch();
    if (wait > 0) await signals.nap(Math.min(wait, 5_000));
  }

  /** Nothing to send and nothing in flight: ends the run and answers idle(). */
  private settleIdle(): void {
    this.progress.drained();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** A graceful stop: waits for in-flight calls, so nothing is sent twice after it. */
  private async finish(): Promise<void> {
    this.signals.stop();
    this.unsubscribe();
    await this.running;
    await this.readAhead.settled();
    await this.housekeeping.settled();
    await this.housekeeping.rememberBeforeStop(REMEMBER_AT_STOP_MS);
    await Promise.allSettled([...this.state.inflight]);
    await this.recorder.flushUnrecorded();
    this.state.buffer.length = 0;
    await this.lease.release();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
    this.logger.info('outbox worker stopped', { ...this.state.counters });
  }
}
