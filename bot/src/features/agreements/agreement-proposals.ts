import { z } from 'zod';
import {
  AgreementError,
  categorySchema,
  DEFAULT_REVIEW_DAYS,
  noteSchema,
  parseAgreementInput,
  reviewAfterDaysSchema,
  sameContent,
  textSchema,
  titleSchema,
  agreementContentSchema,
  VOTING_WINDOW_DAYS,
  type AgreementProposal,
  type Author,
} from './domain/agreement';
import { findTemplate } from './domain/agreement-templates';
import type { AgreementContext } from './agreement-service';
import { templateIn } from './agreement-wording';
import { translator } from '../../platform/i18n/messages';

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

function openProposal(
  { deps, now }: AgreementContext,
  teamId: string,
  agreementId: string,
  kind: AgreementProposal['kind'],
  author: Author,
  extra: Pick<AgreementProposal, 'content' | 'reviewAfterDays' | 'note' | 'baseVersion'>,
): AgreementProposal {
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
}

/** Stores a new proposal, schedules its window's end, settles it (a tiny team may adopt at once), posts it. */
async function launch(
  { deps, refresh, agreementOf }: AgreementContext,
  proposal: AgreementProposal,
) {
  await deps.schedule?.votingEnds(proposal.teamId, proposal.id, proposal.closesAt);
  const state = await refresh(proposal.teamId, proposal.id);
  const agreement = await agreementOf(proposal.teamId, proposal.agreementId);
  await deps.delivery.postProposal(agreement, state);
  return { agreement, ...state };
}

/**
 * Proposing: a new agreement, a change to one, or its retirement.
 *
 * Long only as a factory: the service's methods, each short.
 */
export function agreementProposals(ctx: AgreementContext) {
  const { deps, repo, agreementOf, claimSlot } = ctx;
  return {
    /** Proposes a new agreement, from a template (with any field replaced) or from scratch. */
    async proposeNew(teamId: string, author: Author, input: unknown) {
      const parsed = parseAgreementInput(newAgreementInput, input ?? {});
      let content: unknown = parsed;
      if (parsed.templateId !== undefined) {
        const template = findTemplate(parsed.templateId);
        if (!template) {
          throw new AgreementError('AGREEMENT_UNKNOWN_TEMPLATE', { template: parsed.templateId });
        }
        const proposed = (await repo.agreements(teamId, { status: 'proposed' })).find(
          (a) => a.templateId === parsed.templateId,
        );
        if (proposed) {
          throw new AgreementError('AGREEMENT_PROPOSAL_OPEN', {
            from: 'template',
            title: proposed.content.title,
          });
        }
        // What the request leaves out is the template's, in the team's language: everyone reads it.
        const { settings } = await deps.checkins.settings(teamId);
        const words = templateIn(template, translator(settings.language));
        content = {
          title: parsed.title ?? words.title,
          text: parsed.text ?? words.text,
          category: parsed.category ?? words.category,
        };
      }
      const draft = parseAgreementInput(agreementContentSchema, content);
      const proposal = openProposal(ctx, teamId, deps.newId(), 'new', author, {
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
      return launch(ctx, proposal);
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
        throw new AgreementError('AGREEMENT_NO_CHANGE');
      }
      const proposal = openProposal(ctx, teamId, agreementId, 'change', author, {
        content,
        baseVersion: current.version,
        ...(parsed.reviewAfterDays ? { reviewAfterDays: parsed.reviewAfterDays } : {}),
        ...(parsed.note ? { note: parsed.note } : {}),
      });
      const claimed = await claimSlot(teamId, agreementId, proposal, author);
      await repo.createProposal({ ...proposal, baseVersion: claimed.version });
      return launch(ctx, proposal);
    },

    /** Proposes retiring an active agreement; the team decides it like any other proposal. */
    async proposeRetire(teamId: string, agreementId: string, author: Author, input: unknown) {
      const parsed = parseAgreementInput(retireInput, input ?? {});
      const current = await agreementOf(teamId, agreementId);
      const proposal = openProposal(ctx, teamId, agreementId, 'retire', author, {
        baseVersion: current.version,
        ...(parsed.note ? { note: parsed.note } : {}),
      });
      const claimed = await claimSlot(teamId, agreementId, proposal, author);
      await repo.createProposal({ ...proposal, baseVersion: claimed.version });
      return launch(ctx, proposal);
    },
  };
}
