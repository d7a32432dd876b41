import type { InstallationRepository } from '../../people/domain/installation';
import { CONFLICT, retryOnConflict } from '../../platform/store/retry-on-conflict';
import {
  addOwn,
  cycleProgress,
  drawFor,
  drawFrom,
  entriesOf,
  entryOf,
  hide,
  restore,
  type Deck,
} from './domain/deck';
import type { IcebreakerDelivery, IcebreakerRepository } from './domain/icebreaker-ports';
import {
  nextQuestionAt,
  promptsAtStart,
  type MeetingSettings,
  type WeeklyQuestion,
  type WeeklyQuestionSettings,
} from './domain/icebreaker-settings';
import type { Category } from './domain/categories';
import type { Prompt } from './domain/prompts';

/** Concurrent draws retry this often: 20 at once settle well within it. */
const MAX_ATTEMPTS = 60;

/** What icebreakers need of the check-in leads and the team's time zone. */
export interface TeamLeadership {
  leadsAndZone(teamId: string): Promise<{ leads: string[]; timeZone: string }>;
  assertLead(teamId: string, member: string, action: string): Promise<void>;
}

/** A meeting start as Teams reported it, in the team or chat the app is installed in. */
export interface MeetingStart {
  teamId: string;
  /** The meeting's chat (for a channel meeting, its thread), where the prompt is posted. */
  conversationId: string;
  meetingId: string;
  startTime: string;
  meetingType: string;
}

/**
 * The team's prompt deck (draws without repetition, its own prompts, hidden ones), prompts at
 * the start of meetings, and the question of the week.
 */
export function createIcebreakerService(deps: {
  repo: IcebreakerRepository;
  leadership: TeamLeadership;
  installations: Pick<InstallationRepository, 'find'>;
  delivery: IcebreakerDelivery;
  /** Told when the question of the week may have moved, so it is rescheduled. */
  onWeeklyChanged?: (teamId: string) => Promise<void>;
  now?: () => Date;
  random?: () => number;
}) {
  const { repo, leadership } = deps;
  const now = () => deps.now?.() ?? new Date();
  const random = () => deps.random?.() ?? Math.random();

  /**
   * Re-reads and rewrites the team's deck until the write lands on the revision it read, so
   * changes made at the same time (draws from a meeting, the tab and a card) are all kept and
   * no two draws see the same cycle.
   */
  const changeDeck = <T>(teamId: string, change: (deck: Deck) => { deck: Deck; result: T }) =>
    retryOnConflict(
      async () => {
        const before = await repo.deck(teamId);
        const { deck, result } = change(before);
        if (deck === before) return result;
        const saved = await repo.saveDeck(
          teamId,
          { ...deck, revision: before.revision + 1 },
          before.revision,
        );
        return saved ? result : CONFLICT;
      },
      { tries: MAX_ATTEMPTS, what: `icebreaker deck of ${teamId}` },
    );

  const draw = (teamId: string): Promise<Prompt> =>
    changeDeck(teamId, (deck) => {
      const next = drawFrom(deck, random);
      return { deck: next.deck, result: next.prompt };
    });

  /** A draw for a one-time post: asked again for the same key, it answers the same prompt. */
  const drawOnce = (teamId: string, key: string): Promise<Prompt> =>
    changeDeck(teamId, (deck) => {
      const next = drawFor(deck, key, random);
      return { deck: next.deck, result: next.prompt };
    });

  const service = {
    /** The whole deck, hidden prompts marked, how far the current cycle has gone, the leads. */
    async deck(teamId: string) {
      const [deck, { leads }] = await Promise.all([
        repo.deck(teamId),
        leadership.leadsAndZone(teamId),
      ]);
      return { entries: entriesOf(deck), cycle: deck.cycle, ...cycleProgress(deck), leads };
    },

    /** The next prompt nobody in the team has seen this cycle. */
    draw,

    /** The prompt drawn last (what a meeting's side panel shows), if any. */
    async current(teamId: string) {
      const deck = await repo.deck(teamId);
      return deck.last ? entryOf(deck, deck.last) : undefined;
    },

    /** A member adds a prompt of the team's own; who wrote it is not kept. */
    add: (teamId: string, text: string, category: Category) =>
      changeDeck(teamId, (deck) => {
        const next = addOwn(deck, text, category);
        return { deck: next.deck, result: next.prompt };
      }),

    /** Any member hides a prompt for the team, in one click. */
    hide: (teamId: string, id: string) =>
      changeDeck(teamId, (deck) => {
        const next = hide(deck, id);
        return { deck: next, result: entryOf(next, id) };
      }),

    /** Leads bring a hidden prompt back. */
    async restore(teamId: string, member: string, id: string) {
      await leadership.assertLead(teamId, member, 'restorePrompts');
      return changeDeck(teamId, (deck) => {
        const next = restore(deck, id);
        return { deck: next, result: entryOf(next, id) };
      });
    },

    meetingSettings: (teamId: string) => repo.meetingSettings(teamId),
    setMeetingSettings: (teamId: string, settings: MeetingSettings) =>
      repo.saveMeetingSettings(teamId, settings),

    /**
     * A meeting started: its chat gets one prompt per occurrence, unless icebreakers are off
     * there. The occurrence's key is stored with its prompt in the deck's one write before the
     * card is queued, and the outbox keeps one message per key: a start delivered twice, even at
     * the same moment, draws once and posts once, and a crash in between loses nothing.
     */
    async meetingStarted(meeting: MeetingStart): Promise<'posted' | 'off' | 'not-installed'> {
      const installation = await deps.installations.find(meeting.teamId);
      if (!installation?.active) return 'not-installed';
      if (!promptsAtStart(await repo.meetingSettings(meeting.teamId), meeting.meetingType))
        return 'off';
      const key = `icebreaker-meeting|${meeting.meetingId}|${meeting.startTime}`;
      const posted = await deps.delivery.post({
        teamId: meeting.teamId,
        conversationId: meeting.conversationId,
        key,
        prompt: await drawOnce(meeting.teamId, key),
        kind: 'meeting',
      });
      return posted ? 'posted' : 'not-installed';
    },

    /** The question of the week as the tab shows it. */
    async weeklyQuestion(teamId: string) {
      const [weekly, { leads, timeZone }] = await Promise.all([
        repo.weeklyQuestion(teamId),
        leadership.leadsAndZone(teamId),
      ]);
      return {
        weekly,
        leads,
        timeZone,
        nextAt: weekly.enabled ? nextQuestionAt(weekly, timeZone, now()) : undefined,
      };
    },

    /**
     * Leads schedule the question of the week: a day and local time in the team's time zone,
     * posted in `conversationId` (a channel), or where it was posted before, or where the app
     * was installed.
     */
    async setWeeklyQuestion(
      teamId: string,
      member: string,
      settings: WeeklyQuestionSettings,
      conversationId?: string,
    ) {
      await leadership.assertLead(teamId, member, 'weeklyQuestion');
      const before = await repo.weeklyQuestion(teamId);
      const where = conversationId ?? before.conversationId;
      const weekly: WeeklyQuestion = {
        enabled: settings.enabled,
        day: settings.day,
        time: settings.time,
        ...(where ? { conversationId: where } : {}),
      };
      await repo.saveWeeklyQuestion(teamId, weekly);
      await deps.onWeeklyChanged?.(teamId);
    },

    /** When the next question of the week is due, or undefined when it is off. */
    async nextWeeklyQuestion(teamId: string) {
      const weekly = await repo.weeklyQuestion(teamId);
      if (!weekly.enabled) return undefined;
      return nextQuestionAt(weekly, (await leadership.leadsAndZone(teamId)).timeZone, now());
    },

    /**
     * The scheduled question of the week: posted once per due time (the key), then the next
     * one is due. Answers when it is due next, or null when it is off or the app is gone.
     */
    async postWeeklyQuestion(teamId: string, dueAt: Date): Promise<Date | null> {
      const weekly = await repo.weeklyQuestion(teamId);
      if (!weekly.enabled) return null;
      // A retry after a crash finds this week's prompt by its key, as the outbox its message.
      const key = `icebreaker-weekly|${teamId}|${dueAt.toISOString()}`;
      const posted = await deps.delivery.post({
        teamId,
        conversationId: weekly.conversationId,
        key,
        prompt: await drawOnce(teamId, key),
        kind: 'weekly',
      });
      if (!posted) return null;
      // After downtime, the next one still ahead rather than every missed week.
      const from = dueAt > now() ? dueAt : now();
      return nextQuestionAt(weekly, (await leadership.leadsAndZone(teamId)).timeZone, from);
    },
  };
  return service;
}

export type IcebreakerService = ReturnType<typeof createIcebreakerService>;
