import type {
  CheckBackQuestion,
  CheckinSettings,
  Question,
  RoundResult,
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
  /** "Did <action> help?" for each action the team finished since its last round. */
  checkBacks?: CheckBackQuestion[];
}

/** A comment of a closed round: its text and an id that says nothing of who wrote it. */
export interface RoundComment {
  id: string;
  text: string;
}

/** What a round leaves once closed, as another feature may read it. */
export interface ClosedRound {
  round: Round;
  closedAt: Date;
  /** Only what may be shown: trait sums that met the minimum, nothing below it. */
  result: RoundResult;
  /** How many comments it holds (readable once the round met its minimum). */
  comments: number;
  /** Each check-back's anonymous sum, only when at least the minimum answered it. */
  checkBacks: { id: string; sum: number; count: number }[];
}

/** A team's closed rounds whose comments may be read, newest first. */
export interface RoundFeedback {
  roundId: string;
  week: string;
  comments: RoundComment[];
}

/**
 * What another feature (follow-through) does around a team's rounds: it adds check-back
 * questions when a round opens and hears once a round has closed. Both calls may repeat (a retry,
 * a close processed twice), so what they do must be idempotent.
 */
export interface RoundFollowUp {
  checkBackQuestions(teamId: string): Promise<CheckBackQuestion[]>;
  roundOpened(round: Round): Promise<void>;
  roundClosed(closed: ClosedRound): Promise<void>;
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
  /** Closes the round (once, however often called) and says what it left; undefined if unknown. */
  closeRound(roundId: string, now: Date): Promise<ClosedRound | undefined>;
  weekTotals(teamId: string, weeks: string[]): Promise<WeekTotals[]>;
  /** Comments of the last `limit` closed rounds that met their minimum, newest first. */
  feedback(teamId: string, limit: number): Promise<RoundFeedback[]>;
  /** A round's comments, if it is the team's, closed and met its minimum; else why not. */
  roundComments(
    teamId: string,
    roundId: string,
  ): Promise<RoundComment[] | 'unknown' | 'open' | 'below-minimum'>;
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
