import type { Deck } from './deck';
import type { MeetingSettings, WeeklyQuestion } from './icebreaker-settings';
import type { Prompt } from './prompts';

export interface IcebreakerRepository {
  /** The team's deck; a team that never drew or added anything gets an empty one (revision 0). */
  deck(teamId: string): Promise<Deck>;
  /** Writes the deck only if it is still at `expected`; false when another write came first. */
  saveDeck(teamId: string, deck: Deck, expected: number): Promise<boolean>;
  meetingSettings(teamId: string): Promise<MeetingSettings>;
  saveMeetingSettings(teamId: string, settings: MeetingSettings): Promise<void>;
  weeklyQuestion(teamId: string): Promise<WeeklyQuestion>;
  saveWeeklyQuestion(teamId: string, weekly: WeeklyQuestion): Promise<void>;
}

/** Where a prompt card goes: the conversation it is posted in, and a key that makes it one post. */
export interface PromptPost {
  teamId: string;
  /** Unset: the conversation the app was installed in. */
  conversationId?: string;
  key: string;
  prompt: Prompt;
  kind: 'meeting' | 'weekly';
}

export interface IcebreakerDelivery {
  /** Queues the card through the outbox; false when the app is no longer installed there. */
  post(post: PromptPost): Promise<boolean>;
}
