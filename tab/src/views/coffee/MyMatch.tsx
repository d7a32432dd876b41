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

const ANSWERS = { met: 'We met', 'not-yet': 'Not yet', skip: 'Skip' } as const;

/** The caller's group this round: who, their local time, the hours in common, how to say hello. */
export function MyMatch({ data }: { data: Coffee }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { locale } = useSession();
  const { me } = data;
  const match = me.match;

  const noMatch =
    me.status === 'out'
      ? 'Join to be paired with a teammate for a casual chat.'
      : me.status === 'paused'
        ? 'You are paused, so you have no match for now.'
        : data.nextRoundAt
          ? `No match yet: the next round starts ${formatInZone(data.nextRoundAt, locale, data.timeZone)}.`
          : 'No match yet: rounds start when a lead switches virtual coffee on or pairs everyone.';

  return (
    <Panel title="Your match" data-testid="coffee-match">
      {!match ? (
        <Text>{noMatch}</Text>
      ) : (
        <>
          <Text>
            This round runs until {formatDateTime(match.endsAt, locale)}. Only the people in your
            group know who is in it.
          </Text>
          <ul className={layout.cards}>
            {match.partners.map((p) => (
              <li key={p.aadObjectId} className={styles.partner} data-testid="coffee-partner">
                <Subtitle2 as="h4" className={headings.root}>
                  {p.name}
                </Subtitle2>
                <Text>
                  {p.timeZone
                    ? clockText(p.aheadMinutes, p.timeZone)
                    : 'Rapport does not know their time zone yet.'}
                </Text>
                <Text>{sharedHoursText(p.sharedHours)}</Text>
              </li>
            ))}
          </ul>
          <Text>
            <Text weight="semibold">Something to start with: </Text>
            {match.starter}
          </Text>
          {match.chatLink || match.meetingLink ? (
            <div className={layout.rowM}>
              {match.chatLink && (
                <TeamsLinkButton href={match.chatLink} appearance="primary">
                  Chat now
                </TeamsLinkButton>
              )}
              {match.meetingLink && (
                <TeamsLinkButton href={match.meetingLink}>Schedule 30 minutes</TeamsLinkButton>
              )}
            </div>
          ) : (
            <Text className={layout.muted}>
              Find {joinNames(match.partners.map((p) => p.name))} in Teams to say hello.
            </Text>
          )}
          {match.myAnswer && (
            <Text className={layout.muted}>
              You answered “{ANSWERS[match.myAnswer]}” on your introduction card.
            </Text>
          )}
        </>
      )}
    </Panel>
  );
}
