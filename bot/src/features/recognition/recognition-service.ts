import type { Locale } from '../../platform/domain/locales';
import {
  RecognitionError,
  validateRecognition,
  type Person,
  type Recognition,
  type RecognitionInput,
  type RecognitionRepository,
  type TeamValue,
  type ValidRecognition,
} from './domain/recognition';
import { isoWeekKey } from '../../platform/domain/week';

export interface TeamSettingsReader {
  /**
   * The team's own values (recognizable beside the traits), its IANA time zone, and its language
   * (of the cards posted for everyone).
   */
  get(teamId: string): Promise<{ values: TeamValue[]; timeZone: string; language: Locale }>;
}

/** The team's active working agreements, which a recognition may cite. */
export interface AgreementCitations {
  citable(teamId: string, id: string): Promise<{ id: string; title: string } | undefined>;
}

export const QUIET_DAYS = 30;

export function createRecognitionService(deps: {
  recognitions: RecognitionRepository;
  settings: TeamSettingsReader;
  agreements?: AgreementCitations;
  now?: () => Date;
}) {
  const now = () => deps.now?.() ?? new Date();

  /** Adds the cited agreement; only an active agreement of the same team can be cited. */
  const cite = async (
    teamId: string,
    valid: ValidRecognition,
    agreementId: string | undefined,
  ): Promise<ValidRecognition> => {
    if (!agreementId) return valid;
    const agreement = await deps.agreements?.citable(teamId, agreementId);
    if (!agreement) {
      throw new RecognitionError('RECOGNITION_UNKNOWN_AGREEMENT');
    }
    return { ...valid, agreement };
  };

  return {
    /** Checks a draft without storing it (the message extension's preview). */
    async check(teamId: string, input: RecognitionInput): Promise<ValidRecognition> {
      const { values } = await deps.settings.get(teamId);
      return cite(teamId, validateRecognition(input, values), input.agreementId);
    },

    /**
     * Stores a recognition once per idempotency key (Teams' activity id and the sender) and
     * counts it in the team's week; a redelivered activity gets the first result back.
     */
    async give(
      teamId: string,
      key: string,
      input: RecognitionInput,
    ): Promise<{ recognition: Recognition; created: boolean }> {
      const { values, timeZone } = await deps.settings.get(teamId);
      const valid = await cite(teamId, validateRecognition(input, values), input.agreementId);
      const at = now();
      return deps.recognitions.record(key, {
        ...valid,
        teamId,
        week: isoWeekKey(at, timeZone),
        createdAt: at,
      });
    },

    list: deps.recognitions.list.bind(deps.recognitions),

    async remove(teamId: string, id: string, caller: string): Promise<void> {
      const existing = await deps.recognitions.find(teamId, id);
      if (!existing) {
        throw new RecognitionError('RECOGNITION_NOT_FOUND');
      }
      if (existing.sender.aadObjectId !== caller) {
        throw new RecognitionError('RECOGNITION_NOT_YOURS');
      }
      await deps.recognitions.remove(teamId, id);
    },

    /**
     * Members nobody recognized lately, so peers can notice them. Deliberately a plain list in
     * roster order: no counts, no ranking, nothing that reads as a score. Only people who have
     * been on the team that long: a team installed minutes ago has nobody "quiet lately".
     */
    async quiet(
      teamId: string,
      membersSince: (before: Date) => Promise<Person[]>,
    ): Promise<Person[]> {
      const since = new Date(now().getTime() - QUIET_DAYS * 86_400_000);
      const [members, recognized] = await Promise.all([
        membersSince(since),
        deps.recognitions.recognizedSince(teamId, since),
      ]);
      return members.filter((p) => !recognized.has(p.aadObjectId));
    },
  };
}

export type RecognitionService = ReturnType<typeof createRecognitionService>;
