import type { InstallationRepository, RosterMember } from '../../people/domain/installation';
import {
  afterRound,
  countMet,
  historyRounds,
  roundEndsAt,
  statusOn,
  teamToday,
  type MeetingOutcome,
  type ProgrammeMember,
} from './domain/coffee';
import { pastMeetings, roundsBefore } from './domain/coffee-history';
import { emptyProgramme } from './domain/coffee-membership';
import type {
  CoffeeProfile,
  CoffeeRepository,
  CoffeeRound,
  Programme,
} from './domain/coffee-ports';
import { matchGroups, type CoffeeCandidate } from './domain/matching';
import { partnerTimes } from './domain/shared-hours';
import { roundId } from './coffee-repository';

/** What the feature needs from check-ins: who leads the team, and the team's time zone. */
export interface TeamLeadership {
  leadsAndZone(teamId: string): Promise<{ leads: string[]; timeZone: string }>;
  assertLead(teamId: string, member: string, action: string): Promise<void>;
}

/** A partner as a member's own match shows them. */
export interface Partner extends RosterMember {
  timeZone?: string;
  /** How far ahead of the member the partner's clock is, in minutes (negative: behind). */
  aheadMinutes: number;
  /** The working hours both share, in the member's own time. */
  shared?: { start: string; end: string };
}

/** One member's group in a round, as their introduction and the tab show it. */
export interface MyMatch {
  member: RosterMember;
  round: CoffeeRound;
  group: string[];
  partners: Partner[];
  myAnswer?: MeetingOutcome;
}

/** How introductions and notices reach people (the Teams side: cards through the outbox). */
export interface CoffeeDelivery {
  invite(teamId: string, members: RosterMember[]): Promise<void>;
  introduce(round: CoffeeRound, matches: Map<string, MyMatch>): Promise<void>;
  /** Tells members why no round started (alone) or that nobody could be found for them. */
  noPartner(
    teamId: string,
    key: string,
    members: RosterMember[],
    reason: 'alone' | 'avoids-everyone',
  ): Promise<void>;
  paused(round: CoffeeRound, members: RosterMember[]): Promise<void>;
}

export interface RoundDeps {
  repo: CoffeeRepository;
  roster: Pick<InstallationRepository, 'find' | 'roster'>;
  leadership: TeamLeadership;
  delivery: CoffeeDelivery;
  random?: () => number;
  /** Told when a round starts, so its introductions go out and it closes when it ends. */
  onRoundStarted?: (round: CoffeeRound) => Promise<void>;
}

const candidateOf = (
  id: string,
  profile: CoffeeProfile | undefined,
  member?: ProgrammeMember,
): CoffeeCandidate => ({
  id,
  timeZone: profile?.timeZone,
  workingHours: profile?.workingHours,
  avoid: member?.avoid ?? [],
});

const onlyThese = (roster: RosterMember[], ids: readonly string[]) =>
  roster.filter((m) => ids.includes(m.aadObjectId));

/**
 * A programme's rounds: starting one (close the last, group everyone taking part, store it),
 * closing one (keep the team's counts, pause who stopped answering), and reading a member's match.
 */
export function createCoffeeRounds(deps: RoundDeps) {
  const { repo } = deps;

  const programmeOf = async (teamId: string): Promise<Programme> =>
    (await repo.programme(teamId)) ?? emptyProgramme(teamId);

  const tenantOf = async (teamId: string) => (await deps.roster.find(teamId))?.tenantId ?? '';

  const current = async (programme: Programme) =>
    programme.roundSeq > 0 ? repo.round(roundId(programme.teamId, programme.roundSeq)) : undefined;

  /** Each wanted member's group and partners in a round, with the hours they share. */
  const matchesOf = async (round: CoffeeRound, wanted: ReadonlySet<string>, timeZone: string) => {
    const [roster, tenantId] = await Promise.all([
      deps.roster.roster(round.teamId),
      tenantOf(round.teamId),
    ]);
    const byId = new Map(roster.map((m) => [m.aadObjectId, m]));
    const groups = round.groups.filter((g) => g.some((m) => wanted.has(m)));
    const profiles = await repo.profiles(tenantId, groups.flat());
    const matches = new Map<string, MyMatch>();
    for (const group of groups)
      for (const me of group) {
        const member = byId.get(me);
        if (!wanted.has(me) || !member) continue;
        const mine = candidateOf(me, profiles.get(me));
        const partners = group.flatMap((id) => {
          const partner = byId.get(id);
          if (id === me || !partner) return [];
          const theirs = candidateOf(id, profiles.get(id));
          const times = partnerTimes(mine, theirs, round.startsAt, timeZone);
          return [{ ...partner, timeZone: theirs.timeZone, ...times }];
        });
        matches.set(me, { member, round, group, partners, myAnswer: round.answers[me] });
      }
    return matches;
  };

  /** Closes a round once: the team's counts are kept, the answers forgotten. */
  const close = async (round: CoffeeRound) => {
    if (round.closed) return;
    const programme = await programmeOf(round.teamId);
    const { ignored, paused } = afterRound(programme.members, round.groups.flat(), round.answers);
    const counts = {
      round: round.seq,
      startsAt: round.startsAt,
      groups: round.groups.length,
      met: countMet(round.groups, round.answers),
    };
    const closedNow = await repo.closeRound(round, counts, ignored, paused);
    if (closedNow && paused.length > 0)
      await deps.delivery.paused(round, onlyThese(await deps.roster.roster(round.teamId), paused));
  };

  /** Who takes part in a round starting at `startsAt`: joined, not paused, still on the roster. */
  const eligibleFor = (programme: Programme, roster: RosterMember[], today: string) => {
    const onRoster = new Set(roster.map((m) => m.aadObjectId));
    return Object.keys(programme.members).filter(
      (id) => onRoster.has(id) && statusOn(programme.members[id], today) === 'in',
    );
  };

  /**
   * Starts round `roundSeq + 1`: closes the one before, groups everyone taking part, stores the
   * groups and forgets rounds the cooldown no longer needs. A second call for the same number (a
   * retried job, a lead's "pair now" at the same moment) answers the stored round.
   */
  const start = async (teamId: string, startsAt: Date) => {
    const previous = await current(await programmeOf(teamId));
    if (previous) await close(previous);
    // Read after the close: it may have paused members who stopped answering.
    const [programme, { timeZone }, roster, tenantId] = await Promise.all([
      programmeOf(teamId),
      deps.leadership.leadsAndZone(teamId),
      deps.roster.roster(teamId),
      tenantOf(teamId),
    ]);
    const eligible = eligibleFor(programme, roster, teamToday(startsAt, timeZone));
    if (eligible.length < 2) return { eligible, round: undefined };
    const seq = programme.roundSeq + 1;
    const keep = historyRounds(eligible.length);
    const [past, profiles] = await Promise.all([
      repo.rounds(teamId, roundsBefore(seq, keep)),
      repo.profiles(tenantId, eligible),
    ]);
    const result = matchGroups({
      candidates: eligible.map((id) => candidateOf(id, profiles.get(id), programme.members[id])),
      groupSize: programme.settings.groupSize,
      round: seq,
      history: pastMeetings(past),
      date: startsAt,
      programmeTimeZone: timeZone,
      random: deps.random ?? Math.random,
    });
    const round = await repo.createRound({
      id: roundId(teamId, seq),
      teamId,
      seq,
      startsAt,
      endsAt: roundEndsAt(programme.settings, startsAt),
      groups: result.groups,
      answers: {},
      closed: false,
    });
    // Its introductions and close are scheduled before the programme moves on: a crash between
    // the two retries this same round instead of starting another.
    await deps.onRoundStarted?.(round);
    await repo.advanceTo(teamId, round.seq);
    await repo.forgetRoundsBefore(teamId, round.seq - keep + 1);
    const left = result.unmatched.map((u) => u.id);
    if (left.length)
      await deps.delivery.noPartner(teamId, round.id, onlyThese(roster, left), 'avoids-everyone');
    return { eligible, round };
  };

  return { programmeOf, current, matchesOf, close, start };
}

export type CoffeeRounds = ReturnType<typeof createCoffeeRounds>;
