import type { Translate } from '../../../../platform/i18n/messages';
import type { MessageKey } from '../../../../platform/i18n/catalogs';
import {
  adaptiveCard,
  subtleBlock,
  textBlock,
  titleBlock,
  type AdaptiveCard,
} from '../../../../platform/teams/cards/adaptive-card';
import { escapeCardText } from '../../../../platform/teams/cards/escape';
import { traitName } from '../../../../platform/teams/trait-names';
import type { FollowRound, RoundSummary } from '../../domain/follow-ports';
import type { TraitTrend } from '../../domain/follow-through';

const TREND: Record<Extract<TraitTrend, { status: 'shown' }>['trend'], MessageKey> = {
  up: 'followThrough.results.trend.up',
  down: 'followThrough.results.trend.down',
  same: 'followThrough.results.trend.same',
  new: 'followThrough.results.trend.new',
};

/**
 * "You said, we did": the round's results for the whole team, posted once in its channel, in the
 * team's language. Numbers only where enough people answered; the lead's note and action titles
 * are members' words, so they are escaped and never translated.
 */
export function resultsCard(
  round: FollowRound & { summary: RoundSummary },
  t: Translate,
): AdaptiveCard {
  const s = round.summary;
  const body: Record<string, unknown>[] = [titleBlock(t('followThrough.results.title'))];
  if (round.note) body.push(textBlock(escapeCardText(round.note)));
  body.push(
    subtleBlock(
      t('followThrough.results.participation', { answers: s.answers, invited: s.invited }),
    ),
  );
  body.push({
    type: 'FactSet',
    facts: s.traits.map((trait) => ({
      title: traitName(t, trait.trait),
      value:
        trait.status === 'shown'
          ? t('followThrough.results.average', {
              average: trait.average.toFixed(1),
              trend: t(TREND[trait.trend]),
            })
          : t('followThrough.results.tooFew'),
    })),
  });
  body.push(textBlock(t('followThrough.results.comments', { count: s.comments })));
  if (s.actionsDone.length) {
    body.push(textBlock(t('followThrough.results.done'), { weight: 'Bolder' }));
    for (const a of s.actionsDone) body.push(textBlock(`- ${escapeCardText(a.title)}`));
    body.push(subtleBlock(t('followThrough.results.checkBackNext')));
  }
  return adaptiveCard(body);
}
