import type { AgreementSchedule } from './domain/agreement-ports';
import type { AgreementService } from './agreement-service';
import type { InstallationRepository } from '../../people/domain/installation';
import type { JobHandler, Scheduler } from '../../platform/jobs/scheduler';

/** "Still keeping this?" on an agreement's review date, 09:00 in the team's zone. */
export const JOB_AGREEMENT_REVIEW = 'agreement-review';
/** The end of a proposal's response window, when the rule decides without waiting for a reader. */
export const JOB_AGREEMENT_VOTING_END = 'agreement-voting-end';

/** Job subjects carry the team, so the job reads only that team's documents. */
export const agreementSubject = (teamId: string, id: string) => `${teamId}|${id}`;

function splitSubject(subject: string): [teamId: string, id: string] {
  const at = subject.lastIndexOf('|');
  return [subject.slice(0, at), subject.slice(at + 1)];
}

export function agreementJobHandlers(deps: {
  agreements: AgreementService;
  installations: Pick<InstallationRepository, 'find'>;
}): Record<string, JobHandler> {
  return {
    [JOB_AGREEMENT_REVIEW]: async (subject, _dueAt, now) => {
      const [teamId, agreementId] = splitSubject(subject);
      if (!(await deps.installations.find(teamId))?.active) return null;
      return deps.agreements.reviewDue(teamId, agreementId, now);
    },
    [JOB_AGREEMENT_VOTING_END]: async (subject, _dueAt, now) => {
      const [teamId, proposalId] = splitSubject(subject);
      await deps.agreements.closeVoting(teamId, proposalId, now);
      return null;
    },
  };
}

/** The service's schedule port on the database scheduler. */
export function agreementSchedule(scheduler: () => Scheduler): AgreementSchedule {
  return {
    async review(teamId, agreementId, at) {
      const subject = agreementSubject(teamId, agreementId);
      if (at) await scheduler().schedule(JOB_AGREEMENT_REVIEW, subject, at);
      else await scheduler().cancel(JOB_AGREEMENT_REVIEW, subject);
    },
    async votingEnds(teamId, proposalId, at) {
      await scheduler().schedule(
        JOB_AGREEMENT_VOTING_END,
        agreementSubject(teamId, proposalId),
        at,
      );
    },
  };
}
