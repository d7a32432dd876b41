import { z } from 'zod';
import {
  AgreementError,
  answerObjection,
  applyProposal,
  categorySchema,
  checkinQuestionFor,
  decisionOf,
  DEFAULT_REVIEW_DAYS,
  endorse,
  isApplied,
  noteSchema,
  object,
  parseAgreementInput,
  ratify,
  reviewAfterDaysSchema,
  reviewDate,
  reviewInstant,
  sameContent,
  settleProposal,
  tally,
  textSchema,
  titleSchema,
  votingOver,
  VOTING_WINDOW_DAYS,
  agreementContentSchema,
  type Agreement,
  type AgreementCategory,
  type AgreementProposal,
  type AgreementStatus,
  type Author,
} from './domain/agreement';
import type {
  AgreementDelivery,
  AgreementRepository,
  AgreementSchedule,
  ProposalState,
} from './domain/agreement-ports';
import { AGREEMENT_TEMPLATES, findTemplate } from './domain/agreement-templates';
import { MAX_QUESTIONS, type CheckinService, type RosterReader } from '../checkins';
import type { RosterMember } from '../../people/domain/installation';

/** Optimistic writes retry this often before giving up (each retry re-reads the document). */
const MAX_ATTEMPTS = 60;

const newAgreementInput = z.object({
  templateId: z.string().max(60).optional(),
  title: titleSchema.optional(),
  text: textSchema.optional(),
  category: categorySchema.optional(),
  reviewAfterDays: reviewAfterDaysSchema.optional(),
  note: noteSchema.optional(),
});
export type NewAgreementInput = z.input<typeof newAgreementInput>;

const changeInput = z.object({
  title: titleSchema.optional(),
  text: textSchema.optional(),
  category: categorySchema.optional(),
  reviewAfterDays: reviewAfterDaysSchema.optional(),
  note: noteSchema.optional(),
});
export type ChangeInput = z.input<typeof changeInput>;

const retireInput = z.object({ note: noteSchema.optional() });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AgreementServiceDeps {
  repo: AgreementRepository;
  roster: RosterReader;
  /** Leads and the team's time zone come from the check-in settings; questions are added there. */
  checkins: Pick<CheckinService, 'settings' | 'updateSettings'>;
  delivery: AgreementDelivery;
  schedule?: AgreementSchedule;
  now?: () => Date;
  newId: () => string;
}

/** Working agreements: proposing, responding, deciding, reviewing. */
export function createAgreementService(deps: AgreementServiceDeps) {
  const { repo } = deps;
  const now = () => deps.now?.() ?? new Date();

  const timeZone = async (teamId: string) =>
    (await deps.checkins.settings(teamId)).settings.cadence.timeZone;

  /** Strictly the named leads: ratifying is never claimed by whoever acts first. */
  const isLead = async (teamId: string, member: string) =>
    (await deps.checkins.settings(teamId)).leads.includes(member);

  const roster = (teamId: string) => deps.roster.roster(teamId);

  const assertMember = (members: RosterMember[], member: string) => {
    if (!members.some((m) => m.aadObjectId === member)) {
      throw new AgreementError(
        'AGREEMENT_NOT_A_MEMBER',
        'Only members of this team can respond to its agreements.',
      );
    }
  };

  const agreementOf = async (teamId: string, id: string): Promise<Agreement> => {
    const agreement = await repo.agreement(teamId, id);
    if (!agreement) {
      throw new AgreementError(
        'AGREEMENT_NOT_FOUND',
        'That agreement does not exist in this team.',
      );
    }
    return agreement;
  };

  const stateOf = (p: AgreementProposal, rosterSize: number, at = now()): ProposalState => ({
    proposal: p,
    decision: decisionOf(p, rosterSize, at),
    tally: tally(p),
    rosterSize,
  });

  /** Re-reads and rewrites an agreement until the write lands on the revision it read. */
  const updateAgreement = async (
    teamId: string,
    id: string,
    change: (a: Agreement) => Agreement,
  ): Promise<{ before: Agreement; after: Agreement }> => {
    for (let attempt = 1; ; attempt++) {
      const before = await agreementOf(teamId, id);
      const after = change(before);
      if (after === before) return { before, after };
      const next = { ...after, revision: before.revision + 1 };
      if (await repo.saveAgreement(next, before.revision)) return { before, after: next };
      if (attempt >= MAX_ATTEMPTS) throw new Error(`agreement ${id}: too much contention`);
      await pause(Math.random() * 5 * Math.min(attempt, 10));
    }
  };

  /** Makes a decided proposal part of its agreement, once, then schedules and announces it. */
  const applyOutcome = async (p: AgreementProposal): Promise<void> => {
    if (p.status === 'open') return;
    const zone = await timeZone(p.teamId);
    const { before, after } = await updateAgreement(p.teamId, p.agreementId, (a) =>
      isApplied(a, p) ? a : applyProposal(a, p, zone),
    );
    if (before === after) return;
    if (after.status === 'active' && after.reviewOn && before.reviewOn !== after.reviewOn) {
      await deps.schedule?.review(p.teamId, p.agreementId, reviewInstant(after.reviewOn, zone));
    }
    if (after.status === 'retired') await deps.schedule?.review(p.teamId, p.agreementId, null);
    if (p.status === 'adopted') await deps.delivery.postDecision(after, p);
  };

  /**
   * Reads a proposal, applies a change and the rule, and writes it back only if nobody wrote in
   * between (else it starts over): concurrent responses are all kept, and exactly one writer
   * sees the proposal become decided and applies the outcome.
   */
  const updateProposal = async (
    teamId: string,
    id: string,
    change: (p: AgreementProposal, members: RosterMember[]) => AgreementProposal,
    at = now(),
  ): Promise<ProposalState> => {
    for (let attempt = 1; ; attempt++) {
      const current = await repo.proposal(teamId, id);
      if (!current) {
        throw new AgreementError(
          'AGREEMENT_PROPOSAL_NOT_FOUND',
          'That proposal does not exist in this team.',
        );
      }
      const members = await roster(teamId);
      const changed = change(current, members);
      const next = settleProposal(changed, decisionOf(changed, members.length, at), at);
      if (next === current) {
        // Nothing to write; finish applying an outcome a crash may have interrupted.
        if (current.status !== 'open') await applyOutcome(current);
        return stateOf(current, members.length, at);
      }
      const saved = { ...next, revision: current.revision + 1 };
      if (await repo.saveProposal(saved, current.revision)) {
        if (current.status === 'open' && saved.status !== 'open') await applyOutcome(saved);
        return stateOf(saved, members.length, at);
      }
      if (attempt >= MAX_ATTEMPTS) throw new Error(`proposal ${id}: too much contention`);
      await pause(Math.random() * 5 * Math.min(attempt, 10));
    }
  };

  /** Brings a proposal up to date with the clock (a window may have ended since it was read). */
  const refresh = (teamId: string, id: string) => updateProposal(teamId, id, (p) => p);

  const withAgreement = async (state: ProposalState) => ({
    agreement: await agreementOf(state.proposal.teamId, state.proposal.agreementId),
    ...state,
  });

  /**
   * Takes the agreement's one proposal slot for a new change or retire proposal. A proposal still
   * in its window keeps the slot; one past its window that waits for answers or a lead is
   * superseded, so a stalled proposal never blocks the team.
   */
  const claimSlot = async (
    teamId: string,
    agreementId: string,
    proposal: AgreementProposal,
    author: Author,
  ): Promise<Agreement> => {
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`agreement ${agreementId}: too much contention`);
      const a = await agreementOf(teamId, agreementId);
      if (a.status !== 'active') {
        throw new AgreementError(
          'AGREEMENT_NOT_ACTIVE',
          a.status === 'proposed'
            ? 'This agreement is still being decided: respond to its proposal instead.'
            : 'This agreement is no longer in force. Propose it again as a new agreement.',
        );
      }
      const open = a.openProposalId ? await repo.proposal(teamId, a.openProposalId) : undefined;
      if (open?.status === 'open') {
        if (!votingOver(open, now())) {
          throw new AgreementError(
            'AGREEMENT_PROPOSAL_OPEN',
            'This agreement already has an open proposal: respond to it first, so versions do not fork.',
          );
        }
        // Past its window: settle what the rule settles; supersede it only if it still waits.
        const fresh = await refresh(teamId, open.id);
        if (fresh.proposal.status === 'open') {
          await updateProposal(teamId, open.id, (p) =>
            p.status === 'open' ? { ...p, status: 'superseded', decidedAt: now() } : p,
          );
        }
        continue;
      }
      if (open && !isApplied(a, open)) {
        // Decided, but a crash left its outcome unapplied: apply it before anything new.
        await applyOutcome(open);
        continue;
      }
      const next: Agreement = {
        ...a,
        openProposalId: proposal.id,
        events: [
          ...a.events,
          {
            kind: proposal.kind === 'retire' ? 'retire-proposed' : 'change-proposed',
            at: proposal.createdAt,
            by: author,
            proposalId: proposal.id,
          },
        ],
        revision: a.revision + 1,
      };
      if (await repo.saveAgreement(next, a.revision)) return next;
      await pause(Math.random() * 5 * Math.min(attempt, 10));
    }
  };

  const openProposal = (
    teamId: string,
    agreementId: string,
    kind: AgreementProposal['kind'],
    author: Author,
    extra: Pick<AgreementProposal, 'content' | 'reviewAfterDays' | 'note' | 'baseVersion'>,
  ): AgreementProposal => {
    const createdAt = now();
    return {
      id: deps.newId(),
      teamId,
      agreementId,
      kind,
      ...extra,
      proposedBy: author,
      createdAt,
      closesAt: new Date(createdAt.getTime() + VOTING_WINDOW_DAYS * 86_400_000),
      // Proposing is endorsing; the proposer can still change their mind like anyone.
      endorsedBy: [author.aadObjectId],
      objections: [],
      status: 'open',
      revision: 0,
    };
  };

  /** Stores a new proposal, schedules its window's end, settles it (a tiny team may adopt at once), posts it. */
  const launch = async (proposal: AgreementProposal) => {
    await deps.schedule?.votingEnds(proposal.teamId, proposal.id, proposal.closesAt);
    const state = await refresh(proposal.teamId, proposal.id);
    const agreement = await agreementOf(proposal.teamId, proposal.agreementId);
    await deps.delivery.postProposal(agreement, state);
    return { agreement, ...state };
  };

  const withOpenProposals = async (teamId: string, agreements: Agreement[]) => {
    const ids = agreements.flatMap((a) => (a.openProposalId ? [a.openProposalId] : []));
    const members = await roster(teamId);
    const at = now();
    const found = new Map((await repo.proposals(teamId, ids)).map((p) => [p.id, p]));
    const states = new Map<string, ProposalState>();
    for (const [id, p] of found) {
      // A window that ended unread is settled now, like the scheduler would.
      const state =
        p.status === 'open' && votingOver(p, at)
          ? await refresh(teamId, id)
          : stateOf(p, members.length, at);
      states.set(id, state);
    }
    return states;
  };

  return {
    templates: () => AGREEMENT_TEMPLATES,

    isLead,

    /** The team's agreements: proposed first (newest first), then active and past ones by title. */
    async list(teamId: string, filter: { status?: AgreementStatus; category?: AgreementCategory }) {
      let agreements = await repo.agreements(teamId, filter);
      const states = await withOpenProposals(teamId, agreements);
      if ([...states.values()].some((s) => s.proposal.status !== 'open')) {
        agreements = await repo.agreements(teamId, filter);
      }
      const order: Record<AgreementStatus, number> = {
        proposed: 0,
        active: 1,
        retired: 2,
        declined: 3,
      };
      return agreements
        .sort(
          (x, y) =>
            order[x.status] - order[y.status] ||
            (x.status === 'proposed'
              ? y.createdAt.getTime() - x.createdAt.getTime()
              : x.content.title.localeCompare(y.content.title)),
        )
        .map((agreement) => ({
          agreement,
          open: agreement.openProposalId ? states.get(agreement.openProposalId) : undefined,
        }));
    },

    /** One agreement with every proposal made for it (newest first). */
    async get(teamId: string, id: string) {
      let agreement = await agreementOf(teamId, id);
      if (agreement.openProposalId) {
        const open = await repo.proposal(teamId, agreement.openProposalId);
        if (open?.status === 'open' && votingOver(open, now())) {
          await refresh(teamId, open.id);
          agreement = await agreementOf(teamId, id);
        }
      }
      const members = await roster(teamId);
      const at = now();
      const proposals = (await repo.proposalsOf(teamId, id)).map((p) =>
        stateOf(p, members.length, at),
      );
      return { agreement, proposals };
    },

    /** Refuses a proposal id that is not one of the agreement's (before acting on it). */
    async assertProposalOf(teamId: string, agreementId: string, proposalId: string) {
      const p = await repo.proposal(teamId, proposalId);
      if (!p || p.agreementId !== agreementId) {
        throw new AgreementError(
          'AGREEMENT_PROPOSAL_NOT_FOUND',
          'That proposal does not exist for this agreement.',
        );
      }
    },

    /** One proposal, brought up to date; with `agreementId`, only if it belongs to that agreement. */
    async proposal(teamId: string, proposalId: string, agreementId?: string) {
      const state = await refresh(teamId, proposalId);
      if (agreementId !== undefined && state.proposal.agreementId !== agreementId) {
        throw new AgreementError(
          'AGREEMENT_PROPOSAL_NOT_FOUND',
          'That proposal does not exist for this agreement.',
        );
      }
      return withAgreement(state);
    },

    /** Proposes a new agreement, from a template (with any field replaced) or from scratch. */
    async proposeNew(teamId: string, author: Author, input: unknown) {
      const parsed = parseAgreementInput(newAgreementInput, input ?? {});
      let content: unknown = parsed;
      if (parsed.templateId !== undefined) {
        const template = findTemplate(parsed.templateId);
        if (!template) {
          throw new AgreementError(
            'AGREEMENT_UNKNOWN_TEMPLATE',
            `There is no agreement template “${parsed.templateId}”. Choose one of the templates listed.`,
          );
        }
        const proposed = (await repo.agreements(teamId, { status: 'proposed' })).find(
          (a) => a.templateId === parsed.templateId,
        );
        if (proposed) {
          throw new AgreementError(
            'AGREEMENT_PROPOSAL_OPEN',
            `“${proposed.content.title}” is already proposed from this template: respond to that proposal instead of starting a second one.`,
          );
        }
        content = {
          title: parsed.title ?? template.title,
          text: parsed.text ?? template.text,
          category: parsed.category ?? template.category,
        };
      }
      const draft = parseAgreementInput(agreementContentSchema, content);
      const proposal = openProposal(teamId, deps.newId(), 'new', author, {
        content: draft,
        baseVersion: 0,
        reviewAfterDays: parsed.reviewAfterDays ?? DEFAULT_REVIEW_DAYS,
        ...(parsed.note ? { note: parsed.note } : {}),
      });
      await repo.createProposal(proposal);
      await repo.createAgreement({
        id: proposal.agreementId,
        teamId,
        status: 'proposed',
        content: draft,
        version: 0,
        versions: [],
        events: [{ kind: 'proposed', at: proposal.createdAt, by: author, proposalId: proposal.id }],
        ...(parsed.templateId ? { templateId: parsed.templateId } : {}),
        reviewAfterDays: proposal.reviewAfterDays ?? DEFAULT_REVIEW_DAYS,
        openProposalId: proposal.id,
        createdAt: proposal.createdAt,
        createdBy: author,
        revision: 0,
      });
      return launch(proposal);
    },

    /** Proposes new wording (any of title, text, category) for an active agreement. */
    async proposeChange(teamId: string, agreementId: string, author: Author, input: unknown) {
      const parsed = parseAgreementInput(changeInput, input ?? {});
      const current = await agreementOf(teamId, agreementId);
      const content = {
        title: parsed.title ?? current.content.title,
        text: parsed.text ?? current.content.text,
        category: parsed.category ?? current.content.category,
      };
      if (current.status === 'active' && sameContent(content, current.content)) {
        throw new AgreementError(
          'AGREEMENT_NO_CHANGE',
          'The proposed wording is the same as the current version: change the title, text or category.',
        );
      }
      const proposal = openProposal(teamId, agreementId, 'change', author, {
        content,
        baseVersion: current.version,
        ...(parsed.reviewAfterDays ? { reviewAfterDays: parsed.reviewAfterDays } : {}),
        ...(parsed.note ? { note: parsed.note } : {}),
      });
      const claimed = await claimSlot(teamId, agreementId, proposal, author);
      await repo.createProposal({ ...proposal, baseVersion: claimed.version });
      return launch(proposal);
    },

    /** Proposes retiring an active agreement; the team decides it like any other proposal. */
    async proposeRetire(teamId: string, agreementId: string, author: Author, input: unknown) {
      const parsed = parseAgreementInput(retireInput, input ?? {});
      const current = await agreementOf(teamId, agreementId);
      const proposal = openProposal(teamId, agreementId, 'retire', author, {
        baseVersion: current.version,
        ...(parsed.note ? { note: parsed.note } : {}),
      });
      const claimed = await claimSlot(teamId, agreementId, proposal, author);
      await repo.createProposal({ ...proposal, baseVersion: claimed.version });
      return launch(proposal);
    },

    async endorse(teamId: string, proposalId: string, member: Author) {
      const state = await updateProposal(teamId, proposalId, (p, members) => {
        assertMember(members, member.aadObjectId);
        return endorse(p, member, now());
      });
      return withAgreement(state);
    },

    async object(teamId: string, proposalId: string, member: Author, reason: unknown) {
      if (typeof reason !== 'string') {
        throw new AgreementError('AGREEMENT_INVALID', 'An objection needs a reason.');
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
        throw new AgreementError('AGREEMENT_INVALID', 'Write an answer to the objection.');
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
          throw new AgreementError(
            'AGREEMENT_NOT_ACTIVE',
            'Only an active agreement has a review to keep.',
          );
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
        throw new AgreementError(
          'AGREEMENT_NOT_ACTIVE',
          'Only an active agreement can become a check-in question.',
        );
      }
      if (!(await isLead(teamId, member))) {
        throw new AgreementError(
          'NOT_A_LEAD',
          'Only the team’s leads can change the check-in questions. Propose it to a lead.',
        );
      }
      const question = checkinQuestionFor(agreement);
      const config = await deps.checkins.settings(teamId);
      if (config.settings.questions.some((q) => q.id === question.id)) {
        return { question, added: false, questions: config.settings.questions };
      }
      if (config.settings.questions.length >= MAX_QUESTIONS) {
        throw new AgreementError(
          'AGREEMENT_QUESTIONS_FULL',
          `The check-in already asks ${MAX_QUESTIONS} questions, the most it can: remove one in the check-in settings first.`,
        );
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

    /** For recognitions: an active agreement of the team, by id. */
    async citable(teamId: string, id: string): Promise<{ id: string; title: string } | undefined> {
      const agreement = await repo.agreement(teamId, id);
      return agreement?.status === 'active' ? { id, title: agreement.content.title } : undefined;
    },

    /** For the recognition form: the team's active agreements. */
    async citableList(teamId: string): Promise<{ id: string; title: string }[]> {
      return (await repo.agreements(teamId, { status: 'active' }))
        .map((a) => ({ id: a.id, title: a.content.title }))
        .sort((x, y) => x.title.localeCompare(y.title));
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
