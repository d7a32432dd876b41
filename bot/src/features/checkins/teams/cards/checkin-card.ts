import { checkBackInput } from '../../domain/checkin';
import type { Round } from '../../domain/checkin-ports';
import { adaptiveCard, type AdaptiveCard } from '../../../../platform/teams/cards/adaptive-card';
import { cardDateTime } from '../../../../platform/teams/cards/card-time';
import { escapeCardText } from '../../../../platform/teams/cards/escape';

export const CHECKIN_VERB = 'checkin.answer';

const SCALE = [
  { title: '1 · Strongly disagree', value: '1' },
  { title: '2 · Disagree', value: '2' },
  { title: '3 · Neutral', value: '3' },
  { title: '4 · Agree', value: '4' },
  { title: '5 · Strongly agree', value: '5' },
];

const CHECK_BACK_SCALE = [
  { title: '1 · Not at all', value: '1' },
  { title: '2 · A little', value: '2' },
  { title: '3 · Somewhat', value: '3' },
  { title: '4 · Quite a bit', value: '4' },
  { title: '5 · A lot', value: '5' },
];

/**
 * The check-in form sent to each member privately; every question may be skipped. `place` names
 * the team or chat (see conversationLabel): a member of two teams gets two cards in one chat.
 */
export function checkinCard(
  round: Round,
  place: string,
  options: { nudge?: boolean; error?: string } = {},
): AdaptiveCard {
  const body: Record<string, unknown>[] = [
    {
      type: 'TextBlock',
      text: options.nudge
        ? `A gentle reminder: the check-in for ${place} is still open`
        : `Check-in for ${place}`,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: `Answers are anonymous: your name is never stored with them, and the team only sees averages once ${round.minGroupSize} or more people have answered. Open until ${cardDateTime(round.closesAt)}.`,
      wrap: true,
      isSubtle: true,
    },
  ];
  if (options.error)
    body.push({ type: 'TextBlock', text: options.error, color: 'Attention', wrap: true });
  for (const q of round.questions) {
    body.push({
      type: 'Input.ChoiceSet',
      id: q.id,
      label: escapeCardText(q.text),
      style: 'expanded',
      choices: SCALE,
    });
  }
  for (const q of round.checkBacks ?? []) {
    body.push({
      type: 'Input.ChoiceSet',
      id: checkBackInput(q.id),
      label: escapeCardText(q.text),
      style: 'expanded',
      choices: CHECK_BACK_SCALE,
    });
  }
  if (round.freeText.enabled) {
    body.push({
      type: 'Input.Text',
      id: 'freeText',
      label: `${escapeCardText(round.freeText.prompt)} (optional)`,
      isMultiline: true,
      maxLength: 1000,
    });
  }
  return adaptiveCard(body, {
    actions: [
      {
        type: 'Action.Execute',
        title: 'Send anonymously',
        verb: CHECKIN_VERB,
        data: { roundId: round.id },
      },
    ],
  });
}

/**
 * What replaces the form once answered (or when it can no longer be answered), still naming the
 * team or chat when it is known; the text is ours, not a member's.
 */
export function checkinDoneCard(
  message: string,
  options: { place?: string; participation?: { answered: number; invited: number } } = {},
): AdaptiveCard {
  const { place, participation } = options;
  const body: Record<string, unknown>[] = [];
  if (place) {
    body.push({ type: 'TextBlock', text: `Check-in for ${place}`, wrap: true, isSubtle: true });
  }
  body.push({ type: 'TextBlock', text: message, wrap: true, weight: 'Bolder' });
  if (participation) {
    body.push({
      type: 'TextBlock',
      text: `${participation.answered} of ${participation.invited} teammates have answered so far.`,
      wrap: true,
      isSubtle: true,
    });
  }
  return adaptiveCard(body);
}
