import type { JobHandler, Scheduler } from '../../platform/jobs/scheduler';
import { TALK_LISTED_DAYS, type Talk } from './domain/interests';
import type { InterestsService } from './interests-service';

export const JOB_FORGET_TALK = 'interests-forget-talk';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `<team>|<talk>`: talk ids are hex, so the last "|" ends the team id. */
const subjectOf = (teamId: string, talkId: string) => `${teamId}|${talkId}`;

/** A talk is deleted when its listing ends, so what the privacy account says holds. */
export function interestsJobHandlers(interests: InterestsService): Record<string, JobHandler> {
  return {
    [JOB_FORGET_TALK]: async (subject) => {
      const cut = subject.lastIndexOf('|');
      await interests.forgetTalk(subject.slice(0, cut), subject.slice(cut + 1));
      return null;
    },
  };
}

export const scheduleTalkEnd = (scheduler: Scheduler, teamId: string, talk: Talk) =>
  scheduler.schedule(
    JOB_FORGET_TALK,
    subjectOf(teamId, talk.id),
    new Date(talk.proposedAt.getTime() + TALK_LISTED_DAYS * DAY_MS),
  );
