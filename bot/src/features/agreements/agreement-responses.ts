import {
  AgreementError,
  answerObjection,
  checkinQuestionFor,
  decisionOf,
  endorse,
  object,
  parseAgreementInput,
  ratify,
  reviewAfterDaysSchema,
  reviewDate,
  reviewInstant,
  type Author,
} from './domain/agreement';
import { MAX_QUESTIONS } from '../checkins';
import { translator } from '../../platform/i18n/messages';
import type { AgreementContext } from './agreement-service';

/**
 * Responding to a proposal (endorse, object, answer, ratify), reviewing an agreement, and the
 * scheduled jobs that end voting windows and start reviews.
 *
 * Long only as a factory: the service's methods, each short.
 */
export function agreementResponses(ctx: AgreementContext) {
  const {
    deps,
    repo,
    now,
    timeZone,
    isLead,
    assertMember,
    agreementOf,
    updateAgreement,
    updateProposal,
    withAgreement,
  } = ctx;
  return {
    async endorse(teamId: string, proposalId: string, member: Author) {
      const state = await updateProposal(teamId, proposalId, (p, members) => {
        assertMember(members, member.aadObjectId);
        return endorse(p, member, now());
      });
      return withAgreement(state);
    },

    async object(teamId: string, proposalId: string, member: Author, reason: unknown) {
      if (typeof reason !== 'string') {
        throw new AgreementError('AGREEMENT_INVALID', { problem: 'noReason' });
      }
      const id = deps.newId();
      const state = await updateProposal(teamId, proposalId, (p, members) => {
        assertMember(members, member.aadObjectId);
        return object(p, member, reason, id, now());
      });
      return withAgreement(state);
    },

    async answer(
      teamId: string,
      proposalId: string,
      objectionId: string,
      by: Author,
      text: unknown,
    ) {
      if (typeof text !== 'string')
        throw new AgreementError('AGREEMENT_INVALID', { problem: 'noAnswer' });
      const id = deps.newId();
      const state = await updateProposal(teamId, proposalId, (p, members) => {
        assertMember(members, by.aadObjectId);
        return answerObjection(p, objectionId, by, text, id);
      });
      return withAgreement(state);
    },

    /** A lead adopts a proposal the rule left open after its window, objections in view. */
    async ratify(teamId: string, proposalId: string, lead: Author) {
      const leads = await isLead(teamId, lead.aadObjectId);
      const at = now();
      const state = await updateProposal(
        teamId,
        proposalId,
        (p, members) => ratify(p, lead, leads, decisionOf(p, members.length, at), at),
        at,
      );
      return withAgreement(state);
    },

    /**
     * "Still keeping this?" — yes: the next review comes one review period after the later of
     * today and the review date being answered. `forReview` names that date (the card sends it),
     * so a repeated Keep for the same review moves nothing twice.
     */
    async keep(
      teamId: string,
      agreementId: string,
      member: Author,
      options: { reviewAfterDays?: number; forReview?: string } = {},
    ) {
      const days =
        options.reviewAfterDays === undefined
          ? undefined
          : parseAgreementInput(reviewAfterDaysSchema, options.reviewAfterDays, 'reviewAfterDays');
      const zone = await timeZone(teamId);
      const at = now();
      const { before, after } = await updateAgreement(teamId, agreementId, (a) => {
        if (a.status !== 'active') {
          throw new AgreementError('AGREEMENT_NOT_ACTIVE', { reason: 'review' });
        }
        if (options.forReview !== undefined && options.forReview !== a.reviewOn) return a;
        const period = days ?? a.reviewAfterDays;
        const today = reviewDate(at, 0, zone);
        const from = a.reviewOn && a.reviewOn > today ? reviewInstant(a.reviewOn, zone) : at;
        const reviewOn = reviewDate(from, period, zone);
        return {
          ...a,
          reviewOn,
          reviewAfterDays: period,
          events: [...a.events, { kind: 'kept', at, by: member, reviewOn }],
        };
      });
      if (after.reviewOn && after.reviewOn !== before.reviewOn) {
        await deps.schedule?.review(teamId, agreementId, reviewInstant(after.reviewOn, zone));
      }
      return { agreement: after, kept: after !== before };
    },

    /** A lead adds "Are we keeping: …?" to the team's check-in, once per agreement. */
    async addCheckinQuestion(teamId: string, agreementId: string, member: string) {
      const agreement = await agreementOf(teamId, agreementId);
      if (agreement.status !== 'active') {
        throw new AgreementError('AGREEMENT_NOT_ACTIVE', { reason: 'question' });
      }
      if (!(await isLead(teamId, member))) {
        throw new AgreementError('NOT_A_LEAD', { action: 'checkinQuestion' });
      }
      const config = await deps.checkins.settings(teamId);
      // A question everyone is asked: in the team's language, as cards posted for everyone are.
      const t = translator(config.settings.language);
      const question = checkinQuestionFor(agreement, (title) =>
        t('agreements.checkinQuestion', { title }),
      );
      if (config.settings.questions.some((q) => q.id === question.id)) {
        return { question, added: false, questions: config.settings.questions };
      }
      if (config.settings.questions.length >= MAX_QUESTIONS) {
        throw new AgreementError('AGREEMENT_QUESTIONS_FULL', { max: MAX_QUESTIONS });
      }
      const updated = await deps.checkins.updateSettings(teamId, member, {
        ...config.settings,
        questions: [...config.settings.questions, question],
      });
      return { question, added: true, questions: updated.settings.questions };
    },

    /** Scheduler: the response window ended; decide what the rule decides now. */
    async closeVoting(teamId: string, proposalId: string, at: Date): Promise<void> {
      const p = await repo.proposal(teamId, proposalId);
      if (!p) return;
      await updateProposal(
        teamId,
        proposalId,
        (current) =>
          current.status === 'open' && !current.votingClosed
            ? { ...current, votingClosed: true }
            : current,
        at,
      );
    },

    /**
     * Scheduler: the review date came. Posts "Still keeping this?" once; returns a later time
     * when the date moved (kept meanwhile, or the team changed its time zone).
     */
    async reviewDue(teamId: string, agreementId: string, at: Date): Promise<Date | null> {
      const agreement = await repo.agreement(teamId, agreementId);
      if (!agreement || agreement.status !== 'active' || !agreement.reviewOn) return null;
      const due = reviewInstant(agreement.reviewOn, await timeZone(teamId));
      if (at.getTime() < due.getTime()) return due;
      await deps.delivery.postReview(agreement);
      return null;
    },
  };
}
