import { z } from 'zod';
import { plainText } from '../../platform/domain/text-rules';
import { MAX_PROMPT_LENGTH } from './domain/deck';
import { meetingSettingsSchema, weeklyQuestionSchema } from './domain/icebreaker-settings';
import { CATEGORIES } from './domain/categories';

/** Built-in ids are `<category>-<n>`, a team's own `team-<n>`. */
export const PROMPT_ID = '[a-z-]{1,40}-[0-9]{1,6}';

const category = z.enum(CATEGORIES).meta({ description: 'Where the prompt sits in the deck' });

// ——— Requests ————————————————————————————————————————————————————————————————

export const newPromptBody = z.object({
  text: plainText(1, MAX_PROMPT_LENGTH, {
    short: 'is empty: write the question you would like to ask',
    long: `is too long: keep it to ${MAX_PROMPT_LENGTH} characters, a question people answer in a sentence or two`,
  }).meta({ description: 'Plain text, shown as typed (Markdown is not read)' }),
  category,
});

export const promptParams = z.object({
  id: z.string().regex(new RegExp(`^${PROMPT_ID}$`), 'is not a prompt id'),
});

export const meetingSettingsBody = meetingSettingsSchema;
export const weeklyQuestionBody = weeklyQuestionSchema;

// ——— Answers —————————————————————————————————————————————————————————————————

export const promptView = z.strictObject({
  id: z.string(),
  text: z.string(),
  category,
  source: z.enum(['built-in', 'team']).meta({
    description: 'built-in: from Rapport; team: added by a member (who is not kept)',
  }),
  hidden: z.boolean().meta({ description: 'Hidden for the team: never drawn until restored' }),
});

export const promptAnswer = z.strictObject({ prompt: promptView });

export const deckView = z
  .strictObject({
    prompts: z.array(promptView).meta({ description: 'Built-in prompts first, then the team’s' }),
    cycle: z.number().int().meta({ description: 'The current cycle through the deck, from 1' }),
    drawn: z.number().int().meta({ description: 'Visible prompts this cycle has shown' }),
    left: z.number().int().meta({ description: 'Visible prompts this cycle has still to show' }),
    isLead: z.boolean().meta({ description: 'Whether you may restore hidden prompts' }),
  })
  .meta({ description: 'The team’s prompt deck' });

export const meetingView = z
  .strictObject({
    settings: z.strictObject(meetingSettingsSchema.shape),
    current: promptView.nullable().meta({ description: 'The prompt drawn last; null before any' }),
  })
  .meta({ description: 'Icebreakers in this meeting chat: the switch and the current prompt' });

export const weeklyQuestionView = z
  .strictObject({
    settings: z.strictObject(weeklyQuestionSchema.shape),
    timeZone: z.string().meta({ description: 'The team’s time zone: the question goes out in it' }),
    nextPostAt: z.iso.datetime().nullable(),
    isLead: z.boolean(),
  })
  .meta({ description: 'The question of the week' });

export type PromptView = z.output<typeof promptView>;
export type DeckView = z.output<typeof deckView>;
export type MeetingView = z.output<typeof meetingView>;
export type MeetingSettingsBody = z.input<typeof meetingSettingsBody>;
