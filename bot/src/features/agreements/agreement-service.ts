import { AgreementError } from './domain/agreement';
import type {
  AgreementDelivery,
  AgreementRepository,
  AgreementSchedule,
  ProposalState,
} from './domain/agreement-ports';
import type { CheckinService, RosterReader } from '../checkins';
import type { RosterMember } from '../../people/domain/installation';
import { createAgreementWrites } from './agreement-writes';
import { agreementProposals } from './agreement-proposals';
import { agreementReads } from './agreement-reads';
import { agreementResponses } from './agreement-responses';

export type { ChangeInput, NewAgreementInput } from './agreement-proposals';

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

/**
 * The deps and helpers every part of the agreement service shares: the optimistic writes
 * (agreement-writes.ts) and the small reads and checks around them.
 */
export function agreementContext(deps: AgreementServiceDeps) {
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
      throw new AgreementError('AGREEMENT_NOT_A_MEMBER');
    }
  };

  const { agreementOf, stateOf, updateAgreement, updateProposal, refresh, claimSlot } =
    createAgreementWrites(deps, { now, timeZone, roster });

  const withAgreement = async (state: ProposalState) => ({
    agreement: await agreementOf(state.proposal.teamId, state.proposal.agreementId),
    ...state,
  });

  return {
    deps,
    repo,
    now,
    timeZone,
    isLead,
    roster,
    assertMember,
    agreementOf,
    stateOf,
    updateAgreement,
    updateProposal,
    refresh,
    claimSlot,
    withAgreement,
  };
}

export type AgreementContext = ReturnType<typeof agreementContext>;

/** Working agreements: proposing, responding, deciding, reviewing. */
export function createAgreementService(deps: AgreementServiceDeps) {
  const ctx = agreementContext(deps);
  return {
    ...agreementReads(ctx),
    ...agreementProposals(ctx),
    ...agreementResponses(ctx),
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
