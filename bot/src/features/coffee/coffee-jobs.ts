import type { JobHandler, Scheduler } from '../../platform/jobs/scheduler';
import type { CoffeeRound } from './domain/coffee-ports';
import type { CoffeeService } from './coffee-service';

export const JOB_ROUND = 'coffee-round';
export const JOB_INTRODUCE = 'coffee-introduce';
export const JOB_CLOSE = 'coffee-close';
export const JOB_INVITE = 'coffee-invite';

/**
 * Virtual coffee as scheduled jobs: each team's "round" job reschedules itself at the team's next
 * local round time; each round gets its introductions (at once) and its close (when it ends).
 * Every handler is safe to run twice, so a job retried after a crash does no harm.
 */
export function coffeeJobHandlers(coffee: CoffeeService): Record<string, JobHandler> {
  return {
    [JOB_ROUND]: (teamId, dueAt) => coffee.runScheduledRound(teamId, dueAt),
    [JOB_INTRODUCE]: async (roundId) => {
      await coffee.introduce(roundId);
      return null;
    },
    [JOB_CLOSE]: async (roundId) => {
      await coffee.close(roundId);
      return null;
    },
    [JOB_INVITE]: async (teamId) => {
      await coffee.inviteMembers(teamId);
      return null;
    },
  };
}

/** A new round's introductions go out now, through the outbox; its counts are taken at its end. */
export async function scheduleRound(scheduler: Scheduler, round: CoffeeRound, now: Date) {
  await scheduler.schedule(JOB_INTRODUCE, round.id, now);
  await scheduler.schedule(JOB_CLOSE, round.id, round.endsAt);
}

/** Puts (or moves) a team's next round on the schedule, or takes it off when coffee is off. */
export async function scheduleTeamCoffee(
  scheduler: Scheduler,
  coffee: CoffeeService,
  teamId: string,
) {
  const next = await coffee.nextRound(teamId);
  if (next) await scheduler.schedule(JOB_ROUND, teamId, next);
  else await scheduler.cancel(JOB_ROUND, teamId);
}
