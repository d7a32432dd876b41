/**
 * The worker's waits and how they end early: the dispatcher's nap (ended by a notify, a finished
 * send or a completed read) and the short sleeps inside sends (ended only by stop).
 */
export class Signals {
  stopping = false;
  private poked = false;
  private wakeDispatcher: (() => void) | undefined;
  private readonly sleepers = new Set<() => void>();

  /** The dispatcher's wait: ended early by wake() or stop(). */
  nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.poked || this.stopping) {
        this.poked = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        this.wakeDispatcher = undefined;
        this.poked = false;
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      this.wakeDispatcher = done;
    });
  }

  /** Wakes the dispatcher, or keeps its next nap from starting. */
  wake(): void {
    this.poked = true;
    this.wakeDispatcher?.();
  }

  /** A wait inside a send, ended early only by stop. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.stopping) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      this.sleepers.add(done);
    });
  }

  stop(): void {
    this.stopping = true;
    this.wakeDispatcher?.();
    for (const wake of [...this.sleepers]) wake();
  }
}
