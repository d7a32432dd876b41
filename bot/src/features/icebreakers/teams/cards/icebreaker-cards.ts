import {
  adaptiveCard,
  textBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import { CATEGORY_LABELS } from '../../domain/categories';
import type { Prompt } from '../../domain/prompts';

export const ICEBREAKER_VERBS = {
  another: 'icebreaker.another',
  hide: 'icebreaker.hide',
} as const;

export type PromptCardKind = 'meeting' | 'chat' | 'weekly';

const HEADINGS: Record<PromptCardKind, string> = {
  meeting: 'Icebreaker to start the meeting',
  chat: 'Icebreaker',
  weekly: 'Question of the week',
};

const FOOTNOTES: Record<PromptCardKind, string> = {
  meeting: 'Answer out loud or in this chat, if you like. Rapport keeps no answers.',
  chat: 'Answer in this chat, if you like. Rapport keeps no answers.',
  weekly: 'Reply to this post with your answer. Rapport keeps no answers.',
};

/**
 * A prompt for the conversation. "Another one" draws the next prompt from the team's deck and
 * replaces the card; "Hide this prompt" also takes this one out of the team's deck (a 1:1 chat
 * has no deck to hide it from). The weekly question keeps its prompt: its thread collects the
 * answers to it.
 */
export function promptCard(
  prompt: Prompt,
  kind: PromptCardKind,
  { note, hideable = true }: { note?: string; hideable?: boolean } = {},
): AdaptiveCard {
  const body = [
    textBlock(HEADINGS[kind], { weight: 'Bolder', size: 'Medium' }),
    // A team's own prompts are typed by people: escaped, never read as Markdown.
    textBlock(escapeCardText(prompt.text), { size: 'Large' }),
    textBlock(
      `${CATEGORY_LABELS[prompt.category]}${prompt.source === 'team' ? ' · from your team’s own prompts' : ''}`,
      { isSubtle: true, spacing: 'Small' },
    ),
    textBlock(note ?? FOOTNOTES[kind], { isSubtle: true }),
  ];
  if (kind === 'weekly') return adaptiveCard(body);
  const actions: Record<string, unknown>[] = [
    { type: 'Action.Execute', title: 'Another one', verb: ICEBREAKER_VERBS.another, data: {} },
  ];
  if (hideable)
    actions.push({
      type: 'Action.Execute',
      title: 'Hide this prompt',
      verb: ICEBREAKER_VERBS.hide,
      data: { promptId: prompt.id },
    });
  return adaptiveCard(body, { actions });
}

/** A short answer in place of a card. */
export const icebreakerNoticeCard = (message: string): AdaptiveCard =>
  adaptiveCard([textBlock('Icebreaker', { weight: 'Bolder', size: 'Medium' }), textBlock(message)]);
