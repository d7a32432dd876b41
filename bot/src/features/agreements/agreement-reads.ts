import {
  AgreementError,
  votingOver,
  type Agreement,
  type AgreementStatus,
} from './domain/agreement';
import type { AgreementCategory } from './domain/agreement-categories';
import type { ProposalState } from './domain/agreement-ports';
import { AGREEMENT_TEMPLATES } from './domain/agreement-templates';
import type { AgreementContext } from './agreement-service';

/** The open proposals of these agreements, with where each stands. */
async function withOpenProposals(
  { repo, roster, now, refresh, stateOf }: AgreementContext,
  teamId: string,
  agreements: Agreement[],
) {
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
}

/**
 * Reading agreements and proposals, settling on the way any voting window that ended unread.
 *
 * Long only as a factory: the service's methods, each short.
 */
export function agreementReads(ctx: AgreementContext) {
  const { repo, now, isLead, roster, agreementOf, stateOf, refresh, withAgreement } = ctx;
  return {
    templates: () => AGREEMENT_TEMPLATES,

    isLead,

    /** The team's agreements: proposed first (newest first), then active and past ones by title. */
    async list(teamId: string, filter: { status?: AgreementStatus; category?: AgreementCategory }) {
      let agreements = await repo.agreements(teamId, filter);
      const states = await withOpenProposals(ctx, teamId, agreements);
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
        throw new AgreementError('AGREEMENT_PROPOSAL_NOT_FOUND', { of: 'agreement' });
      }
    },

    /** One proposal, brought up to date; with `agreementId`, only if it belongs to that agreement. */
    async proposal(teamId: string, proposalId: string, agreementId?: string) {
      const state = await refresh(teamId, proposalId);
      if (agreementId !== undefined && state.proposal.agreementId !== agreementId) {
        throw new AgreementError('AGREEMENT_PROPOSAL_NOT_FOUND', { of: 'agreement' });
      }
      return withAgreement(state);
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
