import type { JobHandler, Scheduler } from '../../platform/jobs/scheduler';
import type { IcebreakerService } from './icebreaker-service';

export const JOB_WEEKLY_QUESTION = 'icebreaker-weekly-question';

/** Each team's question of the week reschedules itself at the team's next local time. */
export function icebreakerJobHandlers(icebreakers: IcebreakerService): Record<string, JobHandler> {
  return {
    [JOB_WEEKLY_QUESTION]: (teamId, dueAt) => icebreakers.postWeeklyQuestion(teamId, dueAt),
  };
}

/** Puts (or moves) a team's question of the week on the schedule, or takes it off. */
export async function scheduleWeeklyQuestion(
  scheduler: Scheduler,
  icebreakers: IcebreakerService,
  teamId: string,
) {
  const next = await icebreakers.nextWeeklyQuestion(teamId);
  if (next) await scheduler.schedule(JOB_WEEKLY_QUESTION, teamId, next);
  else await scheduler.cancel(JOB_WEEKLY_QUESTION, teamId);
}
