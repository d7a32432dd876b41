import type { Action, Signed, TraitAverages, TraitTrend } from './follow-through';

export interface Reply {
  id: string;
  by: Signed;
  text: string;
  at: Date;
}

/** What the team did with one comment; the comment itself stays with its round, without author. */
export interface CommentFollowUp {
  heardAt?: Date;
  replies?: Reply[];
}

export interface Theme {
  name: string;
  commentIds: string[];
}

/** What the results card shows, fixed when the round closes. */
export interface RoundSummary {
  closedAt: Date;
  answers: number;
  invited: number;
  minGroupSize: number;
  /** Whether enough answered: otherwise nothing but that fact is shown and no card goes out. */
  met: boolean;
  traits: TraitTrend[];
  comments: number;
  actionsDone: { id: string; title: string }[];
}

export interface FollowRound {
  id: string;
  teamId: string;
  week: string;
  summary?: RoundSummary;
  note?: string;
  postedAt?: Date;
  /** By the comment's place in its round (`c<n>`). */
  comments: Record<string, CommentFollowUp>;
  themes: Theme[];
}

/** The round the team's next summary compares with. */
export interface LastRound {
  id: string;
  closedAt: Date;
  averages: TraitAverages;
}

export interface FollowRepository {
  /** Notes that a person signed something in a team, so their export and erasure find it. */
  noteSigner(tenantId: string, aadObjectId: string, teamId: string): Promise<void>;
  /** Creates the round's record if missing; lists it under its team. */
  ensureRound(round: Pick<FollowRound, 'id' | 'teamId' | 'week'>): Promise<void>;
  /** Stores the summary once; false when it was already there. */
  setSummary(roundId: string, summary: RoundSummary): Promise<boolean>;
  round(teamId: string, roundId: string): Promise<FollowRound | undefined>;
  rounds(teamId: string): Promise<FollowRound[]>;
  addReply(teamId: string, roundId: string, key: string, reply: Reply): Promise<void>;
  /** Keeps the first time a comment was marked heard. */
  markHeard(teamId: string, roundId: string, key: string, at: Date): Promise<void>;
  setThemes(teamId: string, roundId: string, themes: Theme[]): Promise<void>;
  /** Stores the note unless the card went out; false when it had. */
  setNote(roundId: string, note: string): Promise<boolean>;
  markPosted(roundId: string, at: Date): Promise<void>;
  lastRound(teamId: string): Promise<LastRound | undefined>;
  setLastRound(teamId: string, last: LastRound): Promise<void>;
  createAction(action: Action): Promise<void>;
  action(teamId: string, id: string): Promise<Action | undefined>;
  actions(teamId: string): Promise<Action[]>;
  /** Writes the given fields (undefined removes one) of the team's action. */
  changeAction(
    teamId: string,
    id: string,
    change: Partial<Omit<Action, 'id' | 'teamId'>>,
  ): Promise<void>;
}
