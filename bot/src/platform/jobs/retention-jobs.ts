import type { JobHandler, Scheduler } from './scheduler';

export const JOB_OUTBOX_PURGE = 'outbox-purge';
export const OUTBOX_RETENTION_DAYS = 30;
const DAY = 86_400_000;

/**
 * Finished proactive messages carry members' Teams ids and card contents; they are kept for a
 * month (to explain a failure) and then deleted, daily.
 */
export function retentionJobHandlers(deps: {
  outbox: { purgeFinished(before: Date): Promise<number> };
}): Record<string, JobHandler> {
  return {
    [JOB_OUTBOX_PURGE]: async (_subject, _dueAt, now) => {
      await deps.outbox.purgeFinished(new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY));
      return new Date(now.getTime() + DAY);
    },
  };
}

/** Puts the daily purge on the schedule (idempotent: the job id is fixed). */
export async function scheduleRetention(scheduler: Scheduler, now: Date): Promise<void> {
  if (!(await scheduler.nextRun(JOB_OUTBOX_PURGE, 'all')))
    await scheduler.schedule(JOB_OUTBOX_PURGE, 'all', now);
}
