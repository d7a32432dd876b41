import type { Round } from './domain/checkin-ports';
import type { CheckinService } from './checkin-service';
import type { InstallationRepository } from '../../people/domain/installation';
import type { Logger } from '../../logger';
import type { JobHandler, Scheduler } from '../../platform/jobs/scheduler';

export const JOB_OPEN = 'checkin-open';
export const JOB_NUDGE = 'checkin-nudge';
export const JOB_CLOSE = 'checkin-close';

/**
 * The check-in rhythm as scheduled jobs: each team has one "open" job that reschedules itself
 * at the team's next local opening time; each round gets one nudge and one close.
 */
export function checkinJobHandlers(deps: {
  checkins: CheckinService;
  installations: Pick<InstallationRepository, 'find'>;
  logger: Logger;
}): Record<string, JobHandler> {
  return {
    [JOB_OPEN]: async (teamId, dueAt, now) => {
      const installation = await deps.installations.find(teamId);
      if (!installation?.active) return null;
      const { settings } = await deps.checkins.settings(teamId);
      if (!settings.enabled) return null;
      await deps.checkins.openScheduledRound(teamId, dueAt);
      // After downtime, jump to the next opening still ahead instead of replaying missed weeks.
      return deps.checkins.nextOpening(settings, dueAt > now ? dueAt : now);
    },
    [JOB_NUDGE]: async (roundId) => {
      const nudged = await deps.checkins.nudge(roundId);
      deps.logger.info('check-in nudge sent', { round: roundId, members: nudged });
      return null;
    },
    [JOB_CLOSE]: async (roundId) => {
      await deps.checkins.close(roundId);
      return null;
    },
  };
}

/** Every round, scheduled or run now, gets one nudge and one close. */
export async function scheduleRoundEnd(scheduler: Scheduler, round: Round): Promise<void> {
  await scheduler.schedule(JOB_NUDGE, round.id, round.nudgeAt);
  await scheduler.schedule(JOB_CLOSE, round.id, round.closesAt);
}

/** Puts (or moves) a team's next opening on the schedule, or takes it off when check-ins are off. */
export async function scheduleTeamCheckins(
  scheduler: Scheduler,
  checkins: CheckinService,
  teamId: string,
): Promise<void> {
  const { settings, nextRoundAt } = await checkins.settings(teamId);
  if (!settings.enabled || !nextRoundAt) await scheduler.cancel(JOB_OPEN, teamId);
  else await scheduler.schedule(JOB_OPEN, teamId, nextRoundAt);
}
