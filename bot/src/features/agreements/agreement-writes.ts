import {
  AgreementError,
  applyProposal,
  decisionOf,
  isApplied,
  reviewInstant,
  settleProposal,
  tally,
  votingOver,
  type Agreement,
  type AgreementProposal,
  type Author,
} from './domain/agreement';
import type { ProposalState } from './domain/agreement-ports';
import type { RosterMember } from '../../people/domain/installation';
import { CONFLICT, REREAD, retryOnConflict } from '../../platform/store/retry-on-conflict';
import type { AgreementServiceDeps } from './agreement-service';

/** Optimistic writes retry this often before giving up (each retry re-reads the document). */
const MAX_ATTEMPTS = 60;

interface Shared {
  now: () => Date;
  timeZone: (teamId: string) => Promise<string>;
  roster: (teamId: string) => Promise<RosterMember[]>;
}

/**
 * The agreement service's writes: each re-reads its document and writes only on the revision it
 * read (see retryOnConflict), so concurrent responses are all kept and every outcome is applied
 * exactly once. A factory: its length is these few writers, which call one another.
 */
export function createAgreementWrites(
  deps: AgreementServiceDeps,
  { now, timeZone, roster }: Shared,
) {
  const { repo } = deps;

  const agreementOf = async (teamId: string, id: string): Promise<Agreement> => {
    const agreement = await repo.agreement(teamId, id);
    if (!agreement) {
      throw new AgreementError('AGREEMENT_NOT_FOUND');
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
  ): Promise<{ before: Agreement; after: Agreement }> =>
    retryOnConflict(
      async () => {
        const before = await agreementOf(teamId, id);
        const after = change(before);
        if (after === before) return { before, after };
        const next = { ...after, revision: before.revision + 1 };
        if (await repo.saveAgreement(next, before.revision)) return { before, after: next };
        return CONFLICT;
      },
      { tries: MAX_ATTEMPTS, what: `agreement ${id}` },
    );

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
  ): Promise<ProposalState> =>
    retryOnConflict(
      async () => {
        const current = await repo.proposal(teamId, id);
        if (!current) {
          throw new AgreementError('AGREEMENT_PROPOSAL_NOT_FOUND', { of: 'team' });
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
        return CONFLICT;
      },
      { tries: MAX_ATTEMPTS, what: `proposal ${id}` },
    );

  /** Brings a proposal up to date with the clock (a window may have ended since it was read). */
  const refresh = (teamId: string, id: string) => updateProposal(teamId, id, (p) => p);

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
  ): Promise<Agreement> =>
    retryOnConflict(
      async () => {
        const a = await agreementOf(teamId, agreementId);
        if (a.status !== 'active') {
          throw new AgreementError('AGREEMENT_NOT_ACTIVE', {
            reason: a.status === 'proposed' ? 'proposed' : 'retired',
          });
        }
        const open = a.openProposalId ? await repo.proposal(teamId, a.openProposalId) : undefined;
        if (open?.status === 'open') {
          if (!votingOver(open, now())) {
            throw new AgreementError('AGREEMENT_PROPOSAL_OPEN', { from: 'agreement' });
          }
          // Past its window: settle what the rule settles; supersede it only if it still waits.
          const fresh = await refresh(teamId, open.id);
          if (fresh.proposal.status === 'open') {
            await updateProposal(teamId, open.id, (p) =>
              p.status === 'open' ? { ...p, status: 'superseded', decidedAt: now() } : p,
            );
          }
          return REREAD;
        }
        if (open && !isApplied(a, open)) {
          // Decided, but a crash left its outcome unapplied: apply it before anything new.
          await applyOutcome(open);
          return REREAD;
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
        return CONFLICT;
      },
      { tries: MAX_ATTEMPTS, what: `agreement ${agreementId}` },
    );

  return {
    agreementOf,
    stateOf,
    updateAgreement,
    applyOutcome,
    updateProposal,
    refresh,
    claimSlot,
  };
}
