import type { OutboxDoc, Outcome } from '../outbox';
import type { WorkerCounters } from './api';

export interface Due {
  doc: OutboxDoc;
  tenantId: string;
  /** Known 1:1 conversation: stored by an earlier try, given by the caller, or on the member. */
  conversationId?: string;
}

/** What the worker knows between database reads, shared by its parts. */
export class WorkerState {
  readonly counters: WorkerCounters = {
    sent: 0,
    conversationsCreated: 0,
    retried: 0,
    throttled: 0,
    failed: 0,
    unreachable: 0,
    takeovers: 0,
  };
  /** Due messages read but not yet started, earliest first. */
  readonly buffer: Due[] = [];
  /** Keys buffered, in flight, being written or waiting to be recorded: never started twice. */
  readonly local = new Set<string>();
  readonly inflight = new Set<Promise<void>>();
  /**
   * Keys whose outcome was just written, by write sequence number. A read that began before the
   * write can still return the message as pending; such stale copies are skipped until a read
   * that began after the write has completed.
   */
  readonly finished = new Map<string, number>();
  writeSeq = 0;
  /** Sent, but recording it failed: kept here (and out of reach of a re-send) until it works. */
  readonly unrecorded = new Map<string, Outcome>();
  /**
   * 1:1 conversations created during a run, stored on the members when there is nothing to
   * send (each such write costs as much as a send's on FerretDB); used for lookups meanwhile.
   */
  readonly toRemember = new Map<string, string>();
  /** Outcomes may be waiting to be folded into their messages (true at start: a crash may have left some). */
  compactionDue = true;

  /** The message's outcome is written (or given up on): later reads decide about it again. */
  release(key: string): void {
    this.local.delete(key);
    this.finished.set(key, ++this.writeSeq);
    this.compactionDue = true;
  }

  /** Counts `task` as in flight until it settles, then runs `after`. */
  track(task: Promise<void>, after: () => void): void {
    const tracked = task.finally(() => {
      this.inflight.delete(tracked);
      after();
    });
    this.inflight.add(tracked);
  }

  /** Another worker holds the lock: what was read is theirs to send. */
  dropBuffer(): void {
    for (const d of this.buffer.splice(0)) this.local.delete(d.doc._id);
  }
}
