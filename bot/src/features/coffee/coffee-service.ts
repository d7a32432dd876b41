import type { PersonKey } from '../../platform/domain/person-key';
import {
  CoffeeError,
  nextRoundAt,
  statusOn,
  teamToday,
  type CoffeeSettings,
  type MeetingOutcome,
} from './domain/coffee';
import { checkChange, memberAfterChange, type MeChange } from './domain/coffee-membership';
import type { CoffeeProfile } from './domain/coffee-ports';
import { createCoffeeRounds, type RoundDeps } from './coffee-rounds';

export type { CoffeeDelivery, MyMatch, Partner, TeamLeadership } from './coffee-rounds';
export type { MeChange } from './domain/coffee-membership';

/** A member's own zone and hours, as they set them: only what they sent changes. */
function profileChange(change: MeChange): CoffeeProfile {
  return {
    ...(change.timeZone ? { timeZone: change.timeZone, zoneSource: 'member' as const } : {}),
    ...(change.workingHours ? { workingHours: change.workingHours } : {}),
  };
}

/**
 * Virtual coffee: the programme's rhythm, who takes part, rounds of fair groups, introductions
 * and the "did you meet?" counts.
 */
export function createCoffeeService(
  deps: RoundDeps & {
    now?: () => Date;
    /** Told when the rhythm may have changed, so the next round is rescheduled. */
    onRhythmChanged?: (teamId: string) => Promise<void>;
    /** Told when a programme is switched on the first time, so its members are asked to join. */
    onFirstEnabled?: (teamId: string) => Promise<void>;
  },
) {
  const { repo, leadership } = deps;
  const now = () => deps.now?.() ?? new Date();
  const rounds = createCoffeeRounds(deps);
  const zoneOf = async (teamId: string) => (await leadership.leadsAndZone(teamId)).timeZone;

  /** The member's match in the programme's running round, if they are in it. */
  const matchIn = async (teamId: string, member: string) => {
    const round = await rounds.current(await rounds.programmeOf(teamId));
    if (!round || round.closed || !round.groups.some((g) => g.includes(member))) return undefined;
    const matches = await rounds.matchesOf(round, new Set([member]), await zoneOf(teamId));
    return matches.get(member);
  };

  const service = {
    /** The programme as one member sees it: the rhythm, their own place and match, the team's counts. */
    async view(teamId: string, member: PersonKey) {
      const [programme, { leads, timeZone }, profile, match, roster] = await Promise.all([
        rounds.programmeOf(teamId),
        leadership.leadsAndZone(teamId),
        repo.profile(member),
        matchIn(teamId, member.aadObjectId),
        deps.roster.roster(teamId),
      ]);
      const today = teamToday(now(), timeZone);
      const entry = programme.members[member.aadObjectId];
      // Someone who left the team keeps their entry until they come back or erase their data,
      // but is not counted.
      const statuses = roster.map((m) => statusOn(programme.members[m.aadObjectId], today));
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
      await leadership.assertLead(teamId, member, 'coffeeSettings');
      const before = await repo.programme(teamId);
      await repo.saveSettings(teamId, settings);
      await deps.onRhythmChanged?.(teamId);
      if (settings.enabled && !before?.invitedAt) await deps.onFirstEnabled?.(teamId);
    },

    /** A member joins, leaves, pauses, or changes their hours or private "don't pair me with" list. */
    async updateMe(teamId: string, person: PersonKey, change: MeChange) {
      const [today, roster, programme] = await Promise.all([
        zoneOf(teamId).then((zone) => teamToday(now(), zone)),
        deps.roster.roster(teamId),
        rounds.programmeOf(teamId),
      ]);
      checkChange(change, today, new Set(roster.map((m) => m.aadObjectId)));
      const current = programme.members[person.aadObjectId];
      const next = memberAfterChange(current, change, today, now());
      if (next) await repo.putMember(teamId, person.aadObjectId, next);
      else if (current) await repo.removeMember(teamId, person.aadObjectId);
      const profile = profileChange(change);
      if (next || Object.keys(profile).length) await repo.saveProfile(person, teamId, profile);
    },

    /** "Pair now": a lead starts a round at once; members learn their own match only. */
    async pairNow(teamId: string, member: string) {
      await leadership.assertLead(teamId, member, 'coffeeRound');
      const { eligible, round } = await rounds.start(teamId, now());
      if (round) return round;
      throw new CoffeeError('COFFEE_TOO_FEW', { joined: eligible.length === 1 ? 'one' : 'none' });
    },

    /** The scheduled round; answers when the next one is due, or null when the programme is off. */
    async runScheduledRound(teamId: string, dueAt: Date): Promise<Date | null> {
      const [installation, programme] = await Promise.all([
        deps.roster.find(teamId),
        repo.programme(teamId),
      ]);
      if (!installation?.active || !programme?.settings.enabled) return null;
      const running = await rounds.current(programme);
      // A retry after this round started (the job ran, then the app stopped) starts nothing new.
      if (running?.startsAt.getTime() !== dueAt.getTime()) {
        const { eligible } = await rounds.start(teamId, dueAt);
        if (eligible.length === 1) {
          const alone = (await deps.roster.roster(teamId)).filter(
            (m) => m.aadObjectId === eligible[0],
          );
          await deps.delivery.noPartner(teamId, `${teamId}|${dueAt.toISOString()}`, alone, 'alone');
        }
      }
      // After downtime, jump to the next round still ahead instead of replaying missed ones.
      const from = dueAt > now() ? dueAt : now();
      return nextRoundAt(programme.settings, await zoneOf(teamId), from);
    },

    /** Sends each member of a round their introduction; safe to repeat (one message per member). */
    async introduce(id: string) {
      const round = await repo.round(id);
      if (!round || round.closed) return;
      const everyone = new Set(round.groups.flat());
      const matches = await rounds.matchesOf(round, everyone, await zoneOf(round.teamId));
      await deps.delivery.introduce(round, matches);
    },

    async close(id: string) {
      const round = await repo.round(id);
      if (round) await rounds.close(round);
    },

    /** "We met / Not yet / Skip" on a member's card; only the team's counts outlive the round. */
    async answer(id: string, member: string, outcome: MeetingOutcome) {
      const round = await repo.round(id);
      if (!round) throw new CoffeeError('COFFEE_ROUND_NOT_FOUND');
      if (!round.groups.some((g) => g.includes(member)))
        throw new CoffeeError('COFFEE_NOT_IN_ROUND');
      if (round.closed || !(await repo.answer(id, member, outcome)))
        throw new CoffeeError('COFFEE_ROUND_CLOSED');
      return round;
    },

    /** The member's match in the programme's running round, for their card. */
    matchOf: matchIn,

    /** The time zone Teams reports with a member's messages, unless they set one themselves. */
    observeZone: (person: PersonKey, timeZone: string) => repo.observeZone(person, timeZone),

    /** Asks every member who has not joined yet, once, when the programme is first switched on. */
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
      return nextRoundAt(programme.settings, await zoneOf(teamId), now());
    },
  };
  return service;
}

export type CoffeeService = ReturnType<typeof createCoffeeService>;
