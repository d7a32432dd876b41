import type { PersonKey } from '../../platform/domain/person-key';

/**
 * A member's own data: what they can download and what they can erase (privacy rule 5).
 * Aggregates never hold names, so erasing a person leaves every team trend intact.
 */
export interface PersonalExport {
  exportedAt: string;
  person: { tenantId: string; aadObjectId: string; name: string };
  memberships: { teamId: string; name: string | null; displayName: string }[];
  recognitionsGiven: ExportedRecognition[];
  recognitionsReceived: ExportedRecognition[];
  /** Rounds the person answered that are still open (closed rounds keep no participation). */
  openRoundsAnswered: string[];
  checkinVotes: { proposalId: string; teamId: string; vote: 'approve' | 'reject' }[];
  agreementActivity: {
    proposalsMade: { proposalId: string; agreementId: string; teamId: string; kind: string }[];
    endorsed: { proposalId: string; agreementId: string; teamId: string }[];
    objections: { proposalId: string; reason: string }[];
    answers: { proposalId: string; text: string }[];
  };
  notStored: string[];
}

export interface ExportedRecognition {
  id: string;
  teamId: string;
  from: string;
  to: string[];
  tag: string;
  message: string;
  createdAt: string;
}

export interface ErasureReport {
  recognitionsDeleted: number;
  checkinVotesRemoved: number;
  /** Agreements and proposals where the person's name was replaced by "Former member". */
  agreementRecordsAnonymised: number;
  /** Proactive messages to the person not yet sent, and the record of those sent. */
  outboxMessagesRemoved: number;
  /** Kept until their round closes, so the one-answer rule holds; then deleted with the round's. */
  openRoundParticipationKept: number;
}

export interface PersonalDataRepository {
  collect(person: PersonKey): Promise<Omit<PersonalExport, 'exportedAt' | 'person' | 'notStored'>>;
  erase(person: PersonKey): Promise<Omit<ErasureReport, 'outboxMessagesRemoved'>>;
}

/** Erasing a person reaches their queued messages too, which live apart from the rest. */
export function createPersonalDataService(deps: {
  store: PersonalDataRepository;
  outbox: { removeFor(person: PersonKey): Promise<number> };
}) {
  return {
    collect: (person: PersonKey) => deps.store.collect(person),
    async erase(person: PersonKey): Promise<ErasureReport> {
      const report = await deps.store.erase(person);
      return { ...report, outboxMessagesRemoved: await deps.outbox.removeFor(person) };
    },
  };
}

export type PersonalDataService = ReturnType<typeof createPersonalDataService>;
