import type { Decision } from './agreement-decision';
import type { Agreement, AgreementProposal, AgreementStatus, Tally } from './agreement';
import type { AgreementCategory } from './agreement-categories';

/**
 * Storage for agreements and their proposals. Writes are whole-document replacements that only
 * succeed when the stored revision is the one read, so two members acting at once never
 * overwrite each other: the loser reads again and reapplies its change (see agreement-service).
 */
export interface AgreementRepository {
  createAgreement(agreement: Agreement): Promise<void>;
  agreement(teamId: string, id: string): Promise<Agreement | undefined>;
  agreements(
    teamId: string,
    filter: { status?: AgreementStatus; category?: AgreementCategory },
  ): Promise<Agreement[]>;
  /** Stores `agreement` (whose revision is `expectedRevision + 1`) if the stored one is still at `expectedRevision`. */
  saveAgreement(agreement: Agreement, expectedRevision: number): Promise<boolean>;
  createProposal(proposal: AgreementProposal): Promise<void>;
  proposal(teamId: string, id: string): Promise<AgreementProposal | undefined>;
  /** The given proposals of the team, in no particular order. */
  proposals(teamId: string, ids: string[]): Promise<AgreementProposal[]>;
  /** Every proposal made for the agreement, newest first. */
  proposalsOf(teamId: string, agreementId: string): Promise<AgreementProposal[]>;
  saveProposal(proposal: AgreementProposal, expectedRevision: number): Promise<boolean>;
}

/** A proposal with where it stands now, as every view and card shows it. */
export interface ProposalState {
  proposal: AgreementProposal;
  decision: Decision;
  tally: Tally;
  rosterSize: number;
}

/** Posts into the team's channel (through the outbox: rate limited, one message per key). */
export interface AgreementDelivery {
  postProposal(agreement: Agreement, state: ProposalState): Promise<void>;
  postReview(agreement: Agreement): Promise<void>;
  postDecision(agreement: Agreement, proposal: AgreementProposal): Promise<void>;
}

/** Puts agreement work on the scheduler. */
export interface AgreementSchedule {
  /** The review reminder at `at`, or none (retired). */
  review(teamId: string, agreementId: string, at: Date | null): Promise<void>;
  /** Closes the response window at `at`, so the decision does not wait for a reader. */
  votingEnds(teamId: string, proposalId: string, at: Date): Promise<void>;
}
