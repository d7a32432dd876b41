import type { InstallationRepository, RosterMember } from '../../people/domain/installation';
import type { PersonKey } from '../../platform/domain/person-key';
import {
  afterRound,
  CoffeeError,
  countMet,
  defaultCoffeeSettings,
  historyRounds,
  nextRoundAt,
  roundEndsAt,
  statusOn,
  strangersIn,
  teamToday,
  type CoffeeSettings,
  type CoffeeStatus,
  type MeetingOutcome,
  type ProgrammeMember,
  type WorkingHours,
} from './domain/coffee';
import type {
  CoffeeProfile,
  CoffeeRepository,
  CoffeeRound,
  Programme,
} from './domain/coffee-ports';
import { matchGroups, type CoffeeCandidate, type PastMeeting } from './domain/matching';
import { partnerTimes } from './domain/shared-hours';
import { roundId } from './coffee-repository';

/** What the feature needs from check-ins: who leads the team, and the team's time zone. */
export interface TeamLeadership {
  leadsAndZone(teamId: string): Promise<{ leads: string[]; timeZone: string }>;
  assertLead(teamId: string, member: string, action: string, instead?: string): Promise<void>;
}

/** A partner as a member's own match shows them. */
export interface Partner extends RosterMember {
  timeZone?: string;
  /** How far ahead of the member the partner's clock is, in minutes (negative: behind). */
  aheadMinutes: number;
  /** The working hours both share, in the member's own time. */
  shared?: { start: string; end: string };
}

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
  /** Tells members why no round started (alone) or why they have no partner (avoid lists). */
  noPartner(
    teamId: string,
    key: string,
    members: RosterMember[],
    reason: 'alone' | 'avoids-everyone',
  ): Promise<void>;
  paused(round: CoffeeRound, members: RosterMember[]): Promise<void>;
}

export interface MeChange {
  status?: CoffeeStatus;
  pausedUntil?: string;
  timeZone?: string;
  workingHours?: WorkingHours;
  avoid?: string[];
}

const invalid = (field: string, fix: string) =>
  new CoffeeError('COFFEE_INVALID', `${field}: ${fix}`);

/** All pairs inside the groups of past rounds: what the cooldown keeps apart. */
function pastMeetings(rounds: readonly CoffeeRound[]): PastMeeting[] {
  const met: PastMeeting[] = [];
  for (const round of rounds)
    for (const group of round.groups)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++)
          met.push({ a: group[i], b: group[j], round: round.seq });
  return met;
}

const rangeDown = (from: number, count: number) =>
  Array.from({ length: Math.max(0, Math.min(count, from)) }, (_, i) => from - i);

/**
 * Virtual coffee: the programme's rhythm, who takes part, rounds of fair groups, introductions
 * and the "did you meet?" counts.
 */
export function createCoffeeService(deps: {
  repo: CoffeeRepository;
  roster: Pick<InstallationRepository, 'find' | 'roster'>;
  leadership: TeamLeadership;
  delivery: CoffeeDelivery;
  now?: () => Date;
  random?: () => number;
  /** Told when the rhythm may have changed, so the next round is rescheduled. */
  onRhythmChanged?: (teamId: string) => Promise<void>;
  /** Told when a programme is switched on the first time, so its members are asked to join. */
  onFirstEnabled?: (teamId: string) => Promise<void>;
  /** Told when a round starts, so its introductions go out and it closes when it ends. */
  onRoundStarted?: (round: CoffeeRound) => Promise<void>;
}) {
  const { repo } = deps;
  const now = () => deps.now?.() ?? new Date();

  const programmeOf = async (teamId: string): Promise<Programme> =>
    (await repo.programme(teamId)) ?? {
      teamId,
      settings: defaultCoffeeSettings(),
      members: {},
      roundSeq: 0,
      oldestKept: 1,
      recent: [],
    };

  const tenantOf = async (teamId: string) => (await deps.roster.find(teamId))?.tenantId ?? '';

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

  /** Each member's group and partners in a round, with the hours they share. */
  const matchesOf = async (round: CoffeeRound, members: readonly string[], timeZone: string) => {
    const wanted = new Set(members);
    const [roster, tenantId] = await Promise.all([
      deps.roster.roster(round.teamId),
      tenantOf(round.teamId),
    ]);
    const byId = new Map(roster.map((m) => [m.aadObjectId, m]));
    const everyone = round.groups.filter((g) => g.some((m) => wanted.has(m))).flat();
    const profiles = await repo.profiles(tenantId, everyone);
    const matches = new Map<string, MyMatch>();
    for (const group of round.groups) {
      for (const me of group) {
        const member = byId.get(me);
        if (!wanted.has(me) || !member) continue;
        const mine = candidateOf(me, profiles.get(me));
        const partners = group
          .filter((id) => id !== me && byId.has(id))
          .map((id) => {
            const theirs = candidateOf(id, profiles.get(id));
            const times = partnerTimes(mine, theirs, round.startsAt, timeZone);
            return { ...byId.get(id)!, timeZone: theirs.timeZone, ...times };
          });
        matches.set(me, { member, round, group, partners, myAnswer: round.answers[me] });
      }
    }
    return matches;
  };

  const currentRound = async (programme: Programme) =>
    programme.roundSeq > 0 ? repo.round(roundId(programme.teamId, programme.roundSeq)) : undefined;

  /** Closes a round once: the team's counts are kept, the answers forgotten. */
  const closeRound = async (round: CoffeeRound) => {
    if (round.closed) return;
    const programme = await programmeOf(round.teamId);
    const grouped = round.groups.flat();
    const { ignored, paused } = afterRound(programme.members, grouped, round.answers);
    const counts = {
      round: round.seq,
      startsAt: round.startsAt,
      groups: round.groups.length,
      met: countMet(round.groups, round.answers),
    };
    const closedNow = await repo.closeRound(round, counts, ignored, paused);
    if (closedNow && paused.length > 0) {
      const roster = await deps.roster.roster(round.teamId);
      await deps.delivery.paused(
        round,
        roster.filter((m) => paused.includes(m.aadObjectId)),
      );
    }
  };

  /**
   * Starts round `programme.roundSeq + 1`: closes the one before, groups everyone taking part,
   * stores the groups, and forgets rounds the cooldown no longer needs. A second call for the
   * same number (a retried job, a lead's "pair now" at the same moment) answers the stored round.
   */
  const startRound = async (teamId: string, startsAt: Date) => {
    const previous = await currentRound(await programmeOf(teamId));
    if (previous && !previous.closed) await closeRound(previous);
    // Read after the close: it may have paused members who stopped answering.
    const [programme, { timeZone }, roster, tenantId] = await Promise.all([
      programmeOf(teamId),
      deps.leadership.leadsAndZone(teamId),
      deps.roster.roster(teamId),
      tenantOf(teamId),
    ]);
    const today = teamToday(startsAt, timeZone);
    const onRoster = new Map(roster.map((m) => [m.aadObjectId, m]));
    const eligible = Object.keys(programme.members).filter(
      (id) => onRoster.has(id) && statusOn(programme.members[id], today) === 'in',
    );
    if (eligible.length < 2) return { eligible, round: undefined };
    const seq = programme.roundSeq + 1;
    const keep = historyRounds(eligible.length);
    const [past, profiles] = await Promise.all([
      repo.rounds(teamId, rangeDown(seq - 1, keep)),
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
    const left = result.unmatched
      .filter((u) => u.reason === 'avoids-everyone')
      .map((u) => onRoster.get(u.id)!);
    if (left.length) await deps.delivery.noPartner(teamId, round.id, left, 'avoids-everyone');
    return { eligible, round };
  };

  const validateMe = async (teamId: string, change: MeChange, timeZone: string) => {
    if (change.pausedUntil !== undefined) {
      const today = teamToday(now(), timeZone);
      if (change.pausedUntil <= today)
        throw invalid(
          'pausedUntil',
          `pick a date after today (${today}), or leave the programme instead`,
        );
    }
    if (change.avoid) {
      const roster = new Set((await deps.roster.roster(teamId)).map((m) => m.aadObjectId));
      const strangers = strangersIn(change.avoid, roster);
      if (strangers.length)
        throw invalid(
          'avoid',
          `${strangers.join(', ')} ${strangers.length === 1 ? 'is' : 'are'} not a member of this team; name members by their Entra object id`,
        );
    }
  };

  /** The member's place after a change of status; the rest of their entry stays. */
  const memberAfter = (
    current: ProgrammeMember | undefined,
    change: MeChange,
  ): ProgrammeMember | undefined => {
    const status =
      change.status ?? (current ? (current.pausedUntil === undefined ? 'in' : 'paused') : 'out');
    if (status === 'out') return undefined;
    const base: ProgrammeMember = current ?? { joinedAt: now(), ignoredInARow: 0, avoid: [] };
    const avoid = change.avoid ?? base.avoid;
    if (status === 'in')
      return {
        joinedAt: base.joinedAt,
        ignoredInARow: change.status ? 0 : base.ignoredInARow,
        avoid,
      };
    return {
      ...base,
      avoid,
      pausedUntil: change.pausedUntil ?? (change.status ? null : (base.pausedUntil ?? null)),
    };
  };

  const service = {
    /** The programme as one member sees it: the rhythm, their own place and match, the team's counts. */
    async view(teamId: string, member: PersonKey) {
      const [programme, { leads, timeZone }, profile] = await Promise.all([
        programmeOf(teamId),
        deps.leadership.leadsAndZone(teamId),
        repo.profile(member),
      ]);
      const today = teamToday(now(), timeZone);
      const entry = programme.members[member.aadObjectId];
      const round = await currentRound(programme);
      const match =
        round && !round.closed && round.groups.some((g) => g.includes(member.aadObjectId))
          ? (await matchesOf(round, [member.aadObjectId], timeZone)).get(member.aadObjectId)
          : undefined;
      const statuses = Object.values(programme.members).map((m) => statusOn(m, today));
      return {
        programme,
        timeZone,
        leads,
        nextRoundAt: programme.settings.enabled
          ? nextRoundAt(programme.settings, timeZone, now())
          : undefined,
        me: { status: statusOn(entry, today), entry, profile, match },
        stats: {
          members: statuses.filter((s) => s === 'in').length,
          paused: statuses.filter((s) => s === 'paused').length,
          recent: programme.recent,
        },
      };
    },

    /** Leads set the rhythm; the first switch-on asks every member once whether they want to join. */
    async updateSettings(teamId: string, member: string, settings: CoffeeSettings) {
      await deps.leadership.assertLead(
        teamId,
        member,
        'change virtual coffee',
        'Ask a lead to change it.',
      );
      const before = await repo.programme(teamId);
      await repo.saveSettings(teamId, settings);
      await deps.onRhythmChanged?.(teamId);
      if (settings.enabled && !before?.invitedAt) await deps.onFirstEnabled?.(teamId);
    },

    /** A member joins, leaves, pauses, or changes their hours or private "don't pair me with" list. */
    async updateMe(teamId: string, person: PersonKey, change: MeChange) {
      const { timeZone } = await deps.leadership.leadsAndZone(teamId);
      await validateMe(teamId, change, timeZone);
      const programme = await programmeOf(teamId);
      const next = memberAfter(programme.members[person.aadObjectId], change);
      if (next) await repo.putMember(teamId, person.aadObjectId, next);
      else await repo.removeMember(teamId, person.aadObjectId);
      if (change.timeZone || change.workingHours || next) {
        const profile: CoffeeProfile = {};
        if (change.timeZone)
          Object.assign(profile, { timeZone: change.timeZone, zoneSource: 'member' });
        if (change.workingHours) profile.workingHours = change.workingHours;
        await repo.saveProfile(person, teamId, profile);
      }
    },

    /** "Pair now": a lead starts a round at once; members learn their own match only. */
    async pairNow(teamId: string, member: string) {
      await deps.leadership.assertLead(
        teamId,
        member,
        'start a coffee round',
        'Ask a lead, or wait for the next round.',
      );
      const { eligible, round } = await startRound(teamId, now());
      if (!round)
        throw new CoffeeError(
          'COFFEE_TOO_FEW',
          eligible.length === 1
            ? 'Only one member has joined virtual coffee, so there is nobody to pair them with yet. Invite teammates to join.'
            : 'Nobody has joined virtual coffee yet. Members join from the tab or with "@Rapport coffee".',
        );
      return round;
    },

    /** The scheduled round; answers when the next one is due, or null when the programme is off. */
    async runScheduledRound(teamId: string, dueAt: Date): Promise<Date | null> {
      const installation = await deps.roster.find(teamId);
      const programme = await repo.programme(teamId);
      if (!installation?.active || !programme?.settings.enabled) return null;
      const current = await currentRound(programme);
      // A retry after this round started (the job ran, then the app stopped) starts nothing new.
      const started = current?.startsAt.getTime() === dueAt.getTime();
      const { eligible, round } = started
        ? { eligible: [], round: current }
        : await startRound(teamId, dueAt);
      if (!round && eligible.length === 1) {
        const roster = await deps.roster.roster(teamId);
        const alone = roster.filter((m) => m.aadObjectId === eligible[0]);
        await deps.delivery.noPartner(teamId, `${teamId}|${dueAt.toISOString()}`, alone, 'alone');
      }
      const { timeZone } = await deps.leadership.leadsAndZone(teamId);
      // After downtime, jump to the next round still ahead instead of replaying missed ones.
      const from = dueAt > now() ? dueAt : now();
      return nextRoundAt(programme.settings, timeZone, from);
    },

    /** Sends each member of a round their introduction; safe to repeat (one message per member). */
    async introduce(id: string) {
      const round = await repo.round(id);
      if (!round || round.closed) return;
      const { timeZone } = await deps.leadership.leadsAndZone(round.teamId);
      await deps.delivery.introduce(round, await matchesOf(round, round.groups.flat(), timeZone));
    },

    async close(id: string) {
      const round = await repo.round(id);
      if (round) await closeRound(round);
    },

    /** "We met / Not yet / Skip" on a member's card; only the team's counts outlive the round. */
    async answer(id: string, member: string, outcome: MeetingOutcome) {
      const round = await repo.round(id);
      if (!round)
        throw new CoffeeError('COFFEE_ROUND_NOT_FOUND', 'This coffee round is not kept any more.');
      if (!round.groups.some((g) => g.includes(member)))
        throw new CoffeeError('COFFEE_NOT_IN_ROUND', 'You were not in this coffee round.');
      if (round.closed || !(await repo.answer(id, member, outcome)))
        throw new CoffeeError(
          'COFFEE_ROUND_CLOSED',
          'This coffee round has ended; the next one brings a new match.',
        );
      return round;
    },

    /** The member's match in the programme's current round, for their card. */
    async matchOf(teamId: string, member: string) {
      const programme = await programmeOf(teamId);
      const round = await currentRound(programme);
      if (!round || round.closed) return undefined;
      const { timeZone } = await deps.leadership.leadsAndZone(teamId);
      return (await matchesOf(round, [member], timeZone)).get(member);
    },

    /** The time zone Teams reports with a member's messages, unless they set one themselves. */
    observeZone: (person: PersonKey, timeZone: string) => repo.observeZone(person, timeZone),

    /** Asks every member once, when the programme is first switched on. */
    async inviteMembers(teamId: string) {
      const programme = await repo.programme(teamId);
      if (!programme?.settings.enabled || programme.invitedAt) return;
      const roster = await deps.roster.roster(teamId);
      await deps.delivery.invite(
        teamId,
        roster.filter((m) => !programme.members[m.aadObjectId]),
      );
      await repo.markInvited(teamId, now());
    },

    /** When the next round starts, or undefined when the programme is off. */
    async nextRound(teamId: string) {
      const programme = await repo.programme(teamId);
      if (!programme?.settings.enabled) return undefined;
      const { timeZone } = await deps.leadership.leadsAndZone(teamId);
      return nextRoundAt(programme.settings, timeZone, now());
    },
  };
  return service;
}

export type CoffeeService = ReturnType<typeof createCoffeeService>;
