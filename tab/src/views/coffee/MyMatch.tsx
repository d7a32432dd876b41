import { makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../../dates';
import { joinNames } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { CoffeeView as Coffee } from '../../../../bot/src/features/coffee/coffee-schemas';
import { useHeadingStyles } from '../heading-styles';
import { formatInZone } from '../settings/settings-format';
import { clockText, sharedHoursText } from './coffee-format';
import { Panel } from './Panel';
import { useT } from '../../i18n/use-t';
import { TeamsLinkButton } from './TeamsLinkButton';

const useStyles = makeStyles({
  partner: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

const ANSWERS = {
  met: 'tab.coffee.answerMet',
  'not-yet': 'tab.coffee.answerNotYet',
  skip: 'tab.coffee.answerSkip',
} as const;

/** The caller's group this round: who, their local time, the hours in common, how to say hello. */
export function MyMatch({ data }: { data: Coffee }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { locale } = useSession();
  const t = useT();
  const { me } = data;
  const match = me.match;

  const noMatch =
    me.status === 'out'
      ? t('tab.coffee.noMatchOut')
      : me.status === 'paused'
        ? t('tab.coffee.noMatchPaused')
        : data.nextRoundAt
          ? t('tab.coffee.noMatchYet', {
              when: formatInZone(data.nextRoundAt, locale, data.timeZone),
            })
          : t('tab.coffee.noMatchNoRounds');

  return (
    <Panel title={t('tab.coffee.yourMatch')} data-testid="coffee-match">
      {!match ? (
        <Text>{noMatch}</Text>
      ) : (
        <>
          <Text>
            {t('tab.coffee.roundUntil', {
              until: formatDateTime(match.endsAt, locale, data.timeZone),
            })}
          </Text>
          <ul className={layout.cards}>
            {match.partners.map((p) => (
              <li key={p.aadObjectId} className={styles.partner} data-testid="coffee-partner">
                <Subtitle2 as="h4" className={headings.root}>
                  {p.name}
                </Subtitle2>
                <Text>
                  {p.timeZone ? clockText(p.aheadMinutes, p.timeZone, t) : t('tab.coffee.noZone')}
                </Text>
                <Text>{sharedHoursText(p.sharedHours, t)}</Text>
              </li>
            ))}
          </ul>
          <Text>
            <Text weight="semibold">{t('tab.coffee.starter')}</Text> {match.starter}
          </Text>
          {match.chatLink || match.meetingLink ? (
            <div className={layout.rowM}>
              {match.chatLink && (
                <TeamsLinkButton href={match.chatLink} appearance="primary">
                  {t('tab.coffee.chatNow')}
                </TeamsLinkButton>
              )}
              {match.meetingLink && (
                <TeamsLinkButton href={match.meetingLink}>
                  {t('tab.coffee.schedule')}
                </TeamsLinkButton>
              )}
            </div>
          ) : (
            <Text className={layout.muted}>
              {t('tab.coffee.findInTeams', {
                names: joinNames(
                  match.partners.map((p) => p.name),
                  locale,
                ),
              })}
            </Text>
          )}
          {match.myAnswer && (
            <Text className={layout.muted}>
              {t('tab.coffee.youAnswered', { answer: t(ANSWERS[match.myAnswer]) })}
            </Text>
          )}
        </>
      )}
    </Panel>
  );
}
