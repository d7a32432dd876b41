import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Logger } from '../../logger';
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

/** How many due jobs one read returns; they are then claimed one by one, by key. */
const DUE_BATCH = 100;
/** The loop reads at least this often, for jobs another instance scheduled sooner. */
const LOOK_AT_LEAST_EVERY_MS = 60_000;

/**
 * Schedules on the database, safe with several app instances: a due job is claimed with a lease
 * (a conditional update only one instance can win), run, and given its next time. A crashed
 * instance's lease expires and another runs the job. Agenda was the first choice; see the note
 * in the README for why this small lease loop replaced it.
 *
 * What is due is found by a read sorted by `nextRunAt` (the `nextRunAt` index on MongoDB; on
 * FerretDB a read of every job, which other requests do not wait for), a batch at a time, and each
 * job is then claimed by `_id`. A claim that searched by time would be a write the embedded
 * database must run alone, holding up every request's write while it reads all the jobs. The
 * loop also remembers when the next job is due and reads again only then (or after a minute, or
 * when this process schedules something sooner), so an idle app reads the jobs once a minute.
 *
 * Long only as a factory: the loop's small steps share the next due time and the stop flag.
 */
export function createScheduler(deps: {
  db: Db;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  now?: () => Date;
  pollMs?: number;
  leaseMs?: number;
  /** Told when each job runs, and how long after its due time (for the metrics). */
  onRun?: (kind: string, lagMs: number) => void;
}): Scheduler {
  const jobs = deps.db.collection<ScheduleDoc>(collections.schedules);
  const owner = randomUUID();
  const now = () => deps.now?.() ?? new Date();
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** When the loop reads next (epoch ms): when the next job is due, as last read. */
  let lookAt = 0;

  const claimable = (at: Date) => ({
    $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: at } }],
  });

  const claim = (id: string, at: Date) =>
    jobs.findOneAndUpdate(
      { _id: id, nextRunAt: { $lte: at }, ...claimable(at) },
      { $set: { leaseOwner: owner, leaseUntil: new Date(at.getTime() + leaseMs) } },
    );

  /** A batch of the jobs due at `at` that no instance holds, earliest first. */
  const due = async (at: Date): Promise<string[]> => {
    const batch = await jobs
      .find({ nextRunAt: { $lte: at }, ...claimable(at) }, { projection: { _id: 1 } })
      .sort({ nextRunAt: 1 })
      .limit(DUE_BATCH)
      .toArray();
    return batch.map((j) => j._id);
  };

  /** Notes when the loop must read again: when the next job is due, or in a minute at most. */
  const noteNext = async (at: Date): Promise<void> => {
    const [next] = await jobs
      .find({ nextRunAt: { $gt: at } }, { projection: { nextRunAt: 1 } })
      .sort({ nextRunAt: 1 })
      .limit(1)
      .toArray();
    const wait = next ? next.nextRunAt.getTime() - at.getTime() : Infinity;
    lookAt = Date.now() + Math.min(wait, LOOK_AT_LEAST_EVERY_MS);
  };

  const run = async (job: ScheduleDoc, at: Date): Promise<void> => {
    const handler = deps.handlers[job.kind];
    deps.onRun?.(job.kind, at.getTime() - job.nextRunAt.getTime());
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
  };

  const tick = async (at = now()): Promise<number> => {
    let ran = 0;
    for (let ids = await due(at); ids.length > 0 && !stopped; ids = await due(at)) {
      for (const id of ids) {
        if (stopped) break;
        const job = await claim(id, at);
        if (!job) continue; // another instance took it, or it moved
        await run(job, at);
        ran++;
      }
    }
    await noteNext(at);
    return ran;
  };

  const loop = () => {
    if (stopped) return;
    running = (Date.now() >= lookAt ? tick() : Promise.resolve())
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
      lookAt = Math.min(lookAt, Date.now() + (at.getTime() - now().getTime()));
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
