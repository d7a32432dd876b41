import type {
  CheckinSettings,
  Question,
  TeamCheckinSettings,
  ValidAnswer,
  WeekTotals,
} from './checkin';

export interface Round {
  id: string;
  teamId: string;
  week: string;
  opensAt: Date;
  nudgeAt: Date;
  closesAt: Date;
  status: 'open' | 'closed';
  questions: Question[];
  freeText: { enabled: boolean; prompt: string };
  minGroupSize: number;
  invited: number;
}

export interface TeamCheckinConfig {
  settings: TeamCheckinSettings;
  /** Members who may edit settings directly and run a round now. */
  leads: string[];
  /** Whether the team's language was ever set (by its install or a lead), not the default. */
  languageChosen: boolean;
}

export interface SettingsProposal {
  id: string;
  teamId: string;
  proposedBy: string;
  change: { cadence?: CheckinSettings['cadence']; questions?: Question[] };
  createdAt: Date;
  closesAt: Date;
  approvals: string[];
  rejections: string[];
  status: 'open' | 'adopted' | 'rejected';
}

/** Storage the check-in rules need; answers never carry who gave them. */
export interface CheckinRepository {
  config(teamId: string): Promise<TeamCheckinConfig>;
  /**
   * Stores the given settings fields and leads, leaving the others as they are, so two changes
   * to different fields made at the same moment (two adopted proposals) both survive.
   */
  changeConfig(
    teamId: string,
    change: { settings?: Partial<CheckinSettings>; leads?: string[] },
  ): Promise<void>;
  /** Creates the round once, and makes it the team's open round; false when it existed. */
  createRound(round: Round): Promise<boolean>;
  /** The id of the round the team opened last and has not closed, if any. */
  openRoundId(teamId: string): Promise<string | undefined>;
  round(roundId: string): Promise<Round | undefined>;
  /**
   * Records that the member answered, then adds the answer to the anonymous totals; 'closed' when
   * the round closed meanwhile (nothing is kept).
   */
  recordAnswer(
    round: Round,
    aadObjectId: string,
    answer: ValidAnswer,
  ): Promise<'recorded' | 'already-answered' | 'closed'>;
  participation(roundId: string): Promise<number>;
  answeredBy(roundId: string, aadObjectIds: string[]): Promise<Set<string>>;
  closeRound(roundId: string): Promise<void>;
  weekTotals(teamId: string, weeks: string[]): Promise<WeekTotals[]>;
  /** Comments of closed rounds that met their minimum, newest week first, in no stored order. */
  feedback(teamId: string, limit: number): Promise<{ week: string; comments: string[] }[]>;
  createProposal(p: SettingsProposal): Promise<void>;
  proposal(teamId: string, id: string): Promise<SettingsProposal | undefined>;
  openProposals(teamId: string): Promise<SettingsProposal[]>;
  /** Records one vote per member, replacing an earlier vote by the same member. */
  vote(
    teamId: string,
    id: string,
    voter: string,
    approve: boolean,
  ): Promise<SettingsProposal | undefined>;
  settleProposal(teamId: string, id: string, status: 'adopted' | 'rejected'): Promise<boolean>;
}
