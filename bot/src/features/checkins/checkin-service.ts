import { matchLocale, type Locale } from '../../platform/domain/locales';
import {
  CheckinError,
  checkinSettingsSchema,
  settingsChangeSchema,
  nextRoundOpening,
  recentWeeks,
  roundTimes,
  validateAnswer,
  weekHealth,
  type CheckinSettings,
  type WeekHealth,
} from './domain/checkin';
import type {
  CheckinRepository,
  ClosedRound,
  Round,
  RoundFollowUp,
  SettingsProposal,
} from './domain/checkin-ports';
import type { RosterMember } from '../../people/domain/installation';
import { plainIssues } from '../../platform/domain/plain-issues';
import { majorityOutcome } from '../../platform/domain/voting';

export const PROPOSAL_WINDOW_DAYS = 7;

/** What a lead learns from "run a round now": the round, and whether this call opened it. */
export interface RunNowOutcome {
  round: Round;
  started: boolean;
}

/** Who is invited to a round, and how to reach them; implemented by the outbox adapter. */
export interface CheckinDelivery {
  sendRound(round: Round, members: RosterMember[]): Promise<void>;
  sendNudge(round: Round, members: RosterMember[]): Promise<void>;
}

export interface RosterReader {
  roster(teamId: string): Promise<RosterMember[]>;
}

/** A team with no leads yet lets its first member to act claim the role, so setup never stalls. */
export const isLeadOf = (leads: readonly string[], member: string) =>
  leads.length === 0 || leads.includes(member);

function parseSettings(value: unknown): CheckinSettings {
  const parsed = checkinSettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new CheckinError('INVALID_SETTINGS', {
      problem: 'input',
      detail: plainIssues(parsed.error.issues, 'settings'),
    });
  }
  return parsed.data;
}

const roundClosed = () => new CheckinError('CHECKIN_ROUND_CLOSED');

/** Long only as a factory: the check-in service's operations, each short, sharing its deps. */
export function createCheckinService(deps: {
  repo: CheckinRepository;
  roster: RosterReader;
  delivery: CheckinDelivery;
  now?: () => Date;
  newId: () => string;
  /** Told when a team's rhythm may have changed, so its next opening is rescheduled. */
  onRhythmChanged?: (teamId: string) => Promise<void>;
  /** Told when a round opens, so its nudge and close are scheduled. */
  onRoundOpened?: (round: Round) => Promise<void>;
  /** What follows a round up (check-backs when it opens, results once closed), read when needed. */
  followUp?: () => RoundFollowUp | undefined;
}) {
  const now = () => deps.now?.() ?? new Date();
  const { repo } = deps;

  const isLead = async (teamId: string, member: string) =>
    isLeadOf((await repo.config(teamId)).leads, member);

  /** The team's round that is open now, if any: one round at a time. */
  const currentRound = async (teamId: string): Promise<Round | undefined> => {
    const id = await repo.openRoundId(teamId);
    const round = id ? await repo.round(id) : undefined;
    return round?.status === 'open' && round.closesAt.getTime() > now().getTime()
      ? round
      : undefined;
  };

  /**
   * Opens a round at `opensAt`, unless one is open already (that one is returned). Scheduled
   * rounds are keyed by their local date, so a retried opening is one round; a round run now
   * also carries its local time, so it never takes the id of the day's scheduled round.
   */
  const openRound = async (
    teamId: string,
    opensAt: Date,
    runNow = false,
  ): Promise<{ round: Round; started: boolean } | undefined> => {
    const open = await currentRound(teamId);
    if (open) return { round: open, started: false };
    const { settings } = await repo.config(teamId);
    const times = roundTimes(settings.cadence, opensAt);
    // After downtime, a round whose window has already passed is skipped, not sent late.
    if (times.closesAt.getTime() <= now().getTime()) return undefined;
    const members = await deps.roster.roster(teamId);
    const followUp = deps.followUp?.();
    const checkBacks = (await followUp?.checkBackQuestions(teamId)) ?? [];
    const round: Round = {
      id: `${teamId}|${times.localDate}${runNow ? `-${times.localTime}` : ''}`,
      teamId,
      week: times.week,
      opensAt,
      nudgeAt: times.nudgeAt,
      closesAt: times.closesAt,
      status: 'open',
      questions: settings.questions,
      freeText: settings.freeText,
      minGroupSize: settings.minGroupSize,
      invited: members.length,
      ...(checkBacks.length ? { checkBacks } : {}),
    };
    if (!(await repo.createRound(round))) {
      const existing = await repo.round(round.id);
      return existing && { round: existing, started: false };
    }
    await followUp?.roundOpened(round);
    await deps.onRoundOpened?.(round);
    await deps.delivery.sendRound(round, members);
    return { round, started: true };
  };

  /** Closes a round once, however often asked, and tells the follow-up what it left each time. */
  const closeAndFollowUp = async (roundId: string): Promise<ClosedRound | undefined> => {
    const closed = await repo.closeRound(roundId, now());
    if (closed) await deps.followUp?.()?.roundClosed(closed);
    return closed;
  };

  const rosterSizeOf = async (teamId: string) => (await deps.roster.roster(teamId)).length;

  const settle = async (
    p: SettingsProposal,
    knownRosterSize?: number,
  ): Promise<SettingsProposal> => {
    if (p.status !== 'open') return p;
    const rosterSize = knownRosterSize ?? (await rosterSizeOf(p.teamId));
    const outcome = majorityOutcome({
      approvals: p.approvals.length,
      rejections: p.rejections.length,
      rosterSize,
      closesAt: p.closesAt,
      now: now(),
    });
    if (outcome === 'open') return p;
    if (!(await repo.settleProposal(p.teamId, p.id, outcome)))
      return (await repo.proposal(p.teamId, p.id)) ?? p;
    if (outcome === 'adopted') {
      const config = await repo.config(p.teamId);
      const settings = parseSettings({ ...config.settings, ...p.change });
      const changed = Object.fromEntries(
        Object.keys(p.change).map((key) => [key, settings[key as keyof typeof settings]]),
      );
      await repo.changeConfig(p.teamId, { settings: changed });
      await deps.onRhythmChanged?.(p.teamId);
    }
    return { ...p, status: outcome };
  };

  return {
    async settings(teamId: string) {
      const [config, open] = await Promise.all([repo.config(teamId), currentRound(teamId)]);
      // No round opens while one is open: the next one is the first opening after it closes.
      const from = open && open.closesAt > now() ? open.closesAt : now();
      return {
        ...config,
        openRound: open
          ? {
              id: open.id,
              closesAt: open.closesAt,
              invited: open.invited,
              participation: await repo.participation(open.id),
            }
          : null,
        nextRoundAt: config.settings.enabled
          ? nextRoundOpening(config.settings.cadence, from)
          : null,
      };
    },

    /** Leads edit settings directly; the first edit of a team without leads makes its author a lead. */
    async updateSettings(teamId: string, member: string, value: unknown, leads?: string[]) {
      await this.assertLead(teamId, member, 'checkinSettings');
      const settings = parseSettings(value);
      const config = await repo.config(teamId);
      const nextLeads = leads ?? (config.leads.length ? config.leads : [member]);
      if (nextLeads.length === 0) throw new CheckinError('INVALID_SETTINGS', { problem: 'noLead' });
      if (leads) {
        const members = new Set((await deps.roster.roster(teamId)).map((m) => m.aadObjectId));
        const strangers = leads.filter((l) => !members.has(l));
        if (strangers.length > 0) {
          throw new CheckinError('LEAD_NOT_A_MEMBER', {
            ids: strangers.join(', '),
            count: strangers.length,
          });
        }
      }
      await repo.changeConfig(teamId, { settings, leads: nextLeads });
      await deps.onRhythmChanged?.(teamId);
      return this.settings(teamId);
    },

    async propose(teamId: string, member: string, change: unknown): Promise<SettingsProposal> {
      const config = await repo.config(teamId);
      const partial = settingsChangeSchema.safeParse(change);
      if (!partial.success || (!partial.data.cadence && !partial.data.questions)) {
        throw new CheckinError(
          'INVALID_SETTINGS',
          partial.success
            ? { problem: 'noChange' }
            : { problem: 'input', detail: plainIssues(partial.error.issues, 'change') },
        );
      }
      parseSettings({ ...config.settings, ...partial.data });
      const created = now();
      const proposal: SettingsProposal = {
        id: deps.newId(),
        teamId,
        proposedBy: member,
        change: partial.data,
        createdAt: created,
        closesAt: new Date(created.getTime() + PROPOSAL_WINDOW_DAYS * 86_400_000),
        approvals: [member],
        rejections: [],
        status: 'open',
      };
      await repo.createProposal(proposal);
      return settle(proposal);
    },

    async vote(
      teamId: string,
      id: string,
      member: string,
      approve: boolean,
    ): Promise<SettingsProposal> {
      const existing = await repo.proposal(teamId, id);
      if (!existing) throw new CheckinError('PROPOSAL_NOT_FOUND');
      const current = await settle(existing);
      if (current.status !== 'open') throw new CheckinError('PROPOSAL_CLOSED');
      const voted = await repo.vote(teamId, id, member, approve);
      return settle(voted ?? current);
    },

    async proposals(teamId: string): Promise<SettingsProposal[]> {
      const [open, rosterSize] = await Promise.all([
        repo.openProposals(teamId),
        rosterSizeOf(teamId),
      ]);
      return Promise.all(open.map((p) => settle(p, rosterSize)));
    },

    /**
     * A new install: the installer leads until the team names other leads, the team speaks the
     * installer's language until a lead chooses another, and the rhythm starts.
     */
    async installed(teamId: string, installer: string | undefined, installerLocale?: string) {
      const config = await repo.config(teamId);
      const language = matchLocale(installerLocale);
      await repo.changeConfig(teamId, {
        ...(config.leads.length === 0 && installer ? { leads: [installer] } : {}),
        ...(language && !config.languageChosen ? { settings: { language } } : {}),
      });
      await deps.onRhythmChanged?.(teamId);
    },

    /** The team's language: of cards posted for everyone, and for members not heard from yet. */
    async language(teamId: string): Promise<Locale> {
      return (await repo.config(teamId)).settings.language;
    },

    /** Who leads the team, and the time zone its rhythms keep: what other features schedule by. */
    async leadsAndZone(teamId: string): Promise<{ leads: string[]; timeZone: string }> {
      const config = await repo.config(teamId);
      return { leads: config.leads, timeZone: config.settings.cadence.timeZone };
    },

    /**
     * Refuses a member who is not one of the team's leads (who edit settings and values); `action`
     * names what they tried, for the message (`errors.NOT_A_LEAD`), which says what to do instead.
     */
    async assertLead(teamId: string, member: string, action: string): Promise<void> {
      if (!(await isLead(teamId, member))) throw new CheckinError('NOT_A_LEAD', { action });
    },

    /**
     * "Run a round now": leads only, so a team can try a check-in at once. While a round is open
     * it is that round, not a second one.
     */
    async runNow(teamId: string, member: string): Promise<RunNowOutcome> {
      await this.assertLead(teamId, member, 'checkinNow');
      const outcome = await openRound(teamId, now(), true);
      if (!outcome) throw new Error(`a round run now for ${teamId} closed as it opened`);
      return outcome;
    },

    /** Opens the scheduled round due at `opensAt` (called by the scheduler); idempotent per local date. */
    async openScheduledRound(teamId: string, opensAt: Date): Promise<void> {
      await openRound(teamId, opensAt);
    },

    /** A lead closes the open round early (say, for a retro): its results show at once. */
    async closeEarly(teamId: string, roundId: string, member: string): Promise<Round> {
      await this.assertLead(teamId, member, 'checkinClose');
      const round = await repo.round(roundId);
      if (!round || round.teamId !== teamId) throw new CheckinError('CHECKIN_ROUND_NOT_FOUND');
      if (round.status !== 'open') {
        throw new CheckinError('ROUND_NOT_OPEN');
      }
      await closeAndFollowUp(roundId);
      return { ...round, status: 'closed' };
    },

    nextOpening(settings: CheckinSettings, after: Date): Date {
      return nextRoundOpening(settings.cadence, after);
    },

    async answer(roundId: string, member: string, submitted: Record<string, unknown>) {
      const round = await repo.round(roundId);
      if (!round) throw new CheckinError('CHECKIN_ROUND_NOT_FOUND');
      if (round.status === 'closed' || now().getTime() >= round.closesAt.getTime()) {
        throw roundClosed();
      }
      const roster = await deps.roster.roster(round.teamId);
      if (!roster.some((m) => m.aadObjectId === member)) {
        throw new CheckinError('CHECKIN_NOT_A_MEMBER');
      }
      const answer = validateAnswer(
        round.questions,
        submitted,
        round.freeText.enabled,
        round.checkBacks,
      );
      const outcome = await repo.recordAnswer(round, member, answer);
      if (outcome === 'closed') {
        throw roundClosed();
      }
      if (outcome === 'already-answered') {
        throw new CheckinError('CHECKIN_ALREADY_ANSWERED');
      }
      return { round, participation: await repo.participation(roundId) };
    },

    round: (roundId: string) => repo.round(roundId),

    async participation(roundId: string) {
      return repo.participation(roundId);
    },

    /** Sends the one gentle nudge to members who have not answered yet. */
    async nudge(roundId: string) {
      const round = await repo.round(roundId);
      if (!round || round.status !== 'open') return 0;
      const roster = await deps.roster.roster(round.teamId);
      const answered = await repo.answeredBy(
        roundId,
        roster.map((m) => m.aadObjectId),
      );
      // A close marks the round before deleting participation: still open now means the read
      // above saw every answer, not an emptied list that would nudge those who answered.
      if ((await repo.round(roundId))?.status !== 'open') return 0;
      const pending = roster.filter((m) => !answered.has(m.aadObjectId));
      await deps.delivery.sendNudge(round, pending);
      return pending.length;
    },

    /** Closes a round: its comments become readable once it met the minimum group size. */
    async close(roundId: string): Promise<void> {
      await closeAndFollowUp(roundId);
    },

    async trustHealth(
      teamId: string,
      weeks: number,
    ): Promise<{ weeks: WeekHealth[]; minGroupSize: number }> {
      const { settings } = await repo.config(teamId);
      const keys = recentWeeks(now(), weeks, settings.cadence.timeZone);
      const totals = await repo.weekTotals(teamId, keys);
      return { weeks: totals.map(weekHealth), minGroupSize: settings.minGroupSize };
    },

    /** The comments of the team's last `rounds` closed rounds that met their minimum. */
    async feedback(teamId: string, rounds: number) {
      return repo.feedback(teamId, rounds);
    },

    /** One round's comments, or why they cannot be read (yet). */
    roundComments: (teamId: string, roundId: string) => repo.roundComments(teamId, roundId),
  };
}

export type CheckinService = ReturnType<typeof createCheckinService>;
