import { checkBackInput } from '../../domain/checkin';
import type { Round } from '../../domain/checkin-ports';
import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { cardDateTime } from '../../../../platform/teams/cards/card-time';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import type { Translate } from '../../../../platform/i18n/messages';

export const CHECKIN_VERB = 'checkin.answer';

const SCORES = ['1', '2', '3', '4', '5'] as const;

const CHECK_BACK_SCALE = [
  'checkins.card.checkBackScale.1',
  'checkins.card.checkBackScale.2',
  'checkins.card.checkBackScale.3',
  'checkins.card.checkBackScale.4',
  'checkins.card.checkBackScale.5',
] as const;

/**
 * The check-in form sent to each member privately, in their language; every question may be
 * skipped. `place` names the team or chat (see conversationLabel): a member of two teams gets two
 * cards in one chat. The questions are the team's own words and are shown as written.
 */
export function checkinCard(
  round: Round,
  place: string,
  t: Translate,
  options: { nudge?: boolean; error?: string } = {},
): AdaptiveCard {
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      text: t(options.nudge ? 'checkins.card.nudgeTitle' : 'checkins.card.title', { place }),
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: t('checkins.card.anonymity', {
        minGroupSize: round.minGroupSize,
        closes: cardDateTime(round.closesAt, t),
      }),
      wrap: true,
      isSubtle: true,
    },
  ];
  if (options.error)
    body.push({ type: 'TextBlock', text: options.error, color: 'Attention', wrap: true });
  const choices = SCORES.map((value) => ({ title: t(`checkins.card.scale.${value}`), value }));
  for (const q of round.questions) {
    body.push({
      type: 'Input.ChoiceSet',
      id: q.id,
      label: escapeCardText(q.text),
      style: 'expanded',
      choices,
    });
  }
  for (const q of round.checkBacks ?? []) {
    body.push({
      type: 'Input.ChoiceSet',
      id: checkBackInput(q.id),
      label: t('checkins.card.checkBack', { title: escapeCardText(q.title) }),
      style: 'expanded',
      choices: CHECK_BACK_SCALE.map((key, i) => ({ title: t(key), value: String(i + 1) })),
    });
  }
  if (round.freeText.enabled) {
    body.push({
      type: 'Input.Text',
      id: 'freeText',
      label: t('checkins.card.optional', { label: escapeCardText(round.freeText.prompt) }),
      isMultiline: true,
      maxLength: 1000,
    });
  }
  return adaptiveCard(body, {
    actions: [
      {
        type: 'Action.Execute',
        title: t('checkins.card.send'),
        verb: CHECKIN_VERB,
        data: { roundId: round.id },
      },
    ],
  });
}

/**
 * What replaces the form once answered (or when it can no longer be answered), still naming the
 * team or chat when it is known; the message is ours, from the catalog, not a member's.
 */
export function checkinDoneCard(
  message: string,
  t: Translate,
  options: { place?: string; participation?: { answered: number; invited: number } } = {},
): AdaptiveCard {
  const { place, participation } = options;
  const body: Record<string, unknown>[] = [];
  if (place) {
    body.push({
      type: 'TextBlock',
      text: t('checkins.card.title', { place }),
      wrap: true,
      isSubtle: true,
    });
  }
  body.push({ type: 'TextBlock', text: message, wrap: true, weight: 'Bolder' });
  if (participation) {
    body.push({
      type: 'TextBlock',
      text: t('checkins.done.participation', participation),
      wrap: true,
      isSubtle: true,
    });
  }
  return adaptiveCard(body);
}
