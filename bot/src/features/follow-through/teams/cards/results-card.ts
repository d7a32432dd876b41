import { TRAITS } from '../../../../platform/domain/traits';
import {
  adaptiveCard,
  subtleBlock,
  textBlock,
  titleBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import type { FollowRound, RoundSummary } from '../../domain/follow-ports';

const TREND = { up: '↑ up', down: '↓ down', same: '→ about the same', new: 'first reading' };

const labelOf = (trait: string) => TRAITS.find((t) => t.id === trait)?.label ?? trait;

/**
 * "You said, we did": the round's results for the whole team, posted once in its channel.
 * Numbers only where enough people answered; the lead's note and action titles are members'
 * words, so they are escaped.
 */
export function resultsCard(round: FollowRound & { summary: RoundSummary }): AdaptiveCard {
  const s = round.summary;
  const body: Record<string, unknown>[] = [titleBlock('Check-in results: you said, we did')];
  if (round.note) body.push(textBlock(escapeCardText(round.note)));
  body.push(subtleBlock(`${s.answers} of ${s.invited} teammates answered. Answers are anonymous.`));
  body.push({
    type: 'FactSet',
    facts: s.traits.map((t) => ({
      title: labelOf(t.trait),
      value:
        t.status === 'shown'
          ? `${t.average.toFixed(1)} of 5, ${TREND[t.trend]}`
          : 'too few answers to show',
    })),
  });
  body.push(
    textBlock(
      s.comments === 1
        ? 'There was 1 comment. Read it, reply in the open or turn it into an action in the Rapport tab.'
        : `There were ${s.comments} comments. Read them, reply in the open or turn them into actions in the Rapport tab.`,
    ),
  );
  if (s.actionsDone.length) {
    body.push(textBlock('Done since the last check-in:', { weight: 'Bolder' }));
    for (const a of s.actionsDone) body.push(textBlock(`- ${escapeCardText(a.title)}`));
    body.push(subtleBlock('The next check-in asks whether each of them helped.'));
  }
  return adaptiveCard(body);
}
