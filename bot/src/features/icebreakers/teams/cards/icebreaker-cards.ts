import {
  adaptiveCard,
  textBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import type { MessageKey } from '../../../../platform/i18n/catalogs';
import type { Translate } from '../../../../platform/i18n/messages';
import type { Prompt } from '../../domain/prompts';

export const ICEBREAKER_VERBS = {
  another: 'icebreaker.another',
  hide: 'icebreaker.hide',
} as const;

export type PromptCardKind = 'meeting' | 'chat' | 'weekly';

/**
 * A prompt's words for the reader: a built-in prompt in their language (the catalog's
 * `icebreakers.prompt.<id>`), a team's own prompt as its author wrote it, escaped, never read as
 * Markdown.
 */
export const promptText = (prompt: Prompt, t: Translate): string =>
  prompt.source === 'built-in'
    ? t(`icebreakers.prompt.${prompt.id}` as MessageKey)
    : escapeCardText(prompt.text);

/**
 * A prompt for the conversation. "Another one" draws the next prompt from the team's deck and
 * replaces the card; "Hide this prompt" also takes this one out of the team's deck (a 1:1 chat
 * has no deck to hide it from). The weekly question keeps its prompt: its thread collects the
 * answers to it.
 */
export function promptCard(
  prompt: Prompt,
  kind: PromptCardKind,
  t: Translate,
  { note, hideable = true }: { note?: string; hideable?: boolean } = {},
): AdaptiveCard {
  const category = t(`icebreakers.category.${prompt.category}`);
  const body = [
    textBlock(t(`icebreakers.heading.${kind}`), { weight: 'Bolder', size: 'Medium' }),
    textBlock(promptText(prompt, t), { size: 'Large' }),
    textBlock(prompt.source === 'team' ? t('icebreakers.fromTeam', { category }) : category, {
      isSubtle: true,
      spacing: 'Small',
    }),
    textBlock(note ?? t(`icebreakers.footnote.${kind}`), { isSubtle: true }),
  ];
  if (kind === 'weekly') return adaptiveCard(body);
  const actions: Record<string, unknown>[] = [
    {
      type: 'Action.Execute',
      title: t('icebreakers.action.another'),
      verb: ICEBREAKER_VERBS.another,
      data: {},
    },
  ];
  if (hideable)
    actions.push({
      type: 'Action.Execute',
      title: t('icebreakers.action.hide'),
      verb: ICEBREAKER_VERBS.hide,
      data: { promptId: prompt.id },
    });
  return adaptiveCard(body, { actions });
}

/** A short answer in place of a card. */
export const icebreakerNoticeCard = (message: string, t: Translate): AdaptiveCard =>
  adaptiveCard([
    textBlock(t('icebreakers.heading.chat'), { weight: 'Bolder', size: 'Medium' }),
    textBlock(message),
  ]);
