import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Logger } from '../logger';
import { collections } from '../store/collections';

interface ScheduleDoc {
  _id: string;
  kind: string;
  subject: string;
  nextRunAt: Date;
  leaseOwner?: string;
  leaseUntil?: Date;
}

/** What a job does when due; returns when it should run next, or null when it is finished. */
export type JobHandler = (subject: string, dueAt: Date, now: Date) => Promise<Date | null>;

export interface Scheduler {
  /** Creates or moves a job; the id is `${kind}|${subject}`, so scheduling twice is harmless. */
  schedule(kind: string, subject: string, at: Date): Promise<void>;
  cancel(kind: string, subject: string): Promise<void>;
  nextRun(kind: string, subject: string): Promise<Date | undefined>;
  /** Runs every job due at `now` once; returns how many ran. The loop calls it; tests call it. */
  tick(now?: Date): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Schedules on the database, safe with several app instances: a due job is claimed with a lease
 * (a conditional update only one instance can win), run, and given its next time. A crashed
 * instance's lease expires and another runs the job. Agenda was the first choice; see the note
 * in the README for why this small lease loop replaced it.
 */
export function createScheduler(deps: {
  db: Db;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  now?: () => Date;
  pollMs?: number;
  leaseMs?: number;
}): Scheduler {
  const jobs = deps.db.collection<ScheduleDoc>(collections.schedules);
  const owner = randomUUID();
  const now = () => deps.now?.() ?? new Date();
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const claim = (at: Date) =>
    jobs.findOneAndUpdate(
      {
        nextRunAt: { $lte: at },
        $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: at } }],
      },
      { $set: { leaseOwner: owner, leaseUntil: new Date(at.getTime() + leaseMs) } },
      { sort: { nextRunAt: 1 } },
    );

  const tick = async (at = now()): Promise<number> => {
    let ran = 0;
    for (let job = await claim(at); job && !stopped; job = await claim(at)) {
      const handler = deps.handlers[job.kind];
      let next: Date | null = null;
      try {
        if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
        next = await handler(job.subject, job.nextRunAt, at);
      } catch (err) {
        // A failing job is retried in a minute rather than lost or hammered.
        deps.logger.error('scheduled job failed; retrying in a minute', { job: job._id, err });
        next = new Date(at.getTime() + 60_000);
      }
      if (next) {
        await jobs.updateOne(
          { _id: job._id, leaseOwner: owner },
          { $set: { nextRunAt: next }, $unset: { leaseOwner: '', leaseUntil: '' } },
        );
      } else {
        await jobs.deleteOne({ _id: job._id, leaseOwner: owner });
      }
      ran++;
    }
    return ran;
  };

  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => deps.logger.error('scheduler tick failed', { err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, deps.pollMs ?? 5000);
      });
  };

  return {
    async schedule(kind, subject, at) {
      await jobs.updateOne(
        { _id: `${kind}|${subject}` },
        { $set: { kind, subject, nextRunAt: at } },
        { upsert: true },
      );
    },
    async cancel(kind, subject) {
      await jobs.deleteOne({ _id: `${kind}|${subject}` });
    },
    async nextRun(kind, subject) {
      return (await jobs.findOne({ _id: `${kind}|${subject}` }))?.nextRunAt;
    },
    tick,
    start() {
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
