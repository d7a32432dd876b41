import type { JobHandler, Scheduler } from '../../platform/jobs/scheduler';
import type { FollowService } from './follow-service';

export const JOB_RESULTS = 'follow-results';

/** The results card a few hours after a round closes; posting twice is one message. */
export function followJobHandlers(follow: FollowService): Record<string, JobHandler> {
  return {
    [JOB_RESULTS]: async (roundId) => {
      await follow.postScheduledResults(roundId);
      return null;
    },
  };
}

export const scheduleResults = (scheduler: () => Scheduler) => (roundId: string, at: Date) =>
  scheduler().schedule(JOB_RESULTS, roundId, at);
