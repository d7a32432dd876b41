import type { PersonKey } from '../../../platform/domain/person-key';
import type {
  CoffeeSettings,
  MeetingOutcome,
  ProgrammeMember,
  RoundCounts,
  WorkingHours,
} from './coffee';

/** A team's virtual coffee: its rhythm, who takes part, and the counts of its recent rounds. */
export interface Programme {
  teamId: string;
  settings: CoffeeSettings;
  members: Record<string, ProgrammeMember>;
  /** The sequence number of the newest round (0: none yet). */
  roundSeq: number;
  /** Rounds older than this were deleted: the cooldown no longer needs them. */
  oldestKept: number;
  recent: RoundCounts[];
  /** When members were first asked to join (once per programme). */
  invitedAt?: Date;
}

/** One round: who is in which group until the next round. Answers are kept only while it runs. */
export interface CoffeeRound {
  id: string;
  teamId: string;
  seq: number;
  startsAt: Date;
  endsAt: Date;
  groups: string[][];
  answers: Record<string, MeetingOutcome>;
  closed: boolean;
}

/** What a person told Rapport (or Teams reported) about their day, across teams. */
export interface CoffeeProfile {
  timeZone?: string;
  /** `member`: they set it; `teams`: Teams reported it with a message, and they have not set one. */
  zoneSource?: 'member' | 'teams';
  workingHours?: WorkingHours;
}

export interface CoffeeRepository {
  programme(teamId: string): Promise<Programme | undefined>;
  saveSettings(teamId: string, settings: CoffeeSettings): Promise<void>;
  /** True for the one call that marks the programme's members as asked to join. */
  markInvited(teamId: string, at: Date): Promise<boolean>;
  putMember(teamId: string, member: string, value: ProgrammeMember): Promise<void>;
  removeMember(teamId: string, member: string): Promise<void>;
  /** Stores the round unless a round of that number exists; answers the stored one. */
  createRound(round: CoffeeRound): Promise<CoffeeRound>;
  /** Moves the programme to a round number it has not reached yet; false when it had. */
  advanceTo(teamId: string, seq: number): Promise<boolean>;
  round(id: string): Promise<CoffeeRound | undefined>;
  rounds(teamId: string, seqs: readonly number[]): Promise<CoffeeRound[]>;
  /** Records a member's answer while the round is open; false when it is closed. */
  answer(roundId: string, member: string, outcome: MeetingOutcome): Promise<boolean>;
  /** Closes a round once: keeps its counts, forgets the answers, updates who ignored it. */
  closeRound(
    round: CoffeeRound,
    counts: RoundCounts,
    ignored: Record<string, number>,
    paused: readonly string[],
  ): Promise<boolean>;
  /** Deletes rounds numbered below `keepFrom`. */
  forgetRoundsBefore(teamId: string, keepFrom: number): Promise<void>;
  profile(person: PersonKey): Promise<CoffeeProfile>;
  profiles(tenantId: string, members: readonly string[]): Promise<Map<string, CoffeeProfile>>;
  saveProfile(person: PersonKey, teamId: string, profile: CoffeeProfile): Promise<void>;
  /** Keeps the zone Teams reports, unless the person set one themselves. */
  observeZone(person: PersonKey, timeZone: string): Promise<void>;
}
