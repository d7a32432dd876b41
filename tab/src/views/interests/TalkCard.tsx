import {
  Badge,
  Button,
  Caption1,
  Card,
  Link,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { teamPath } from '../../api';
import { FormError } from '../../components/FormError';
import { formatDate } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT, type Translate } from '../../i18n/use-t';
import type { TalkView } from '../../../../bot/src/features/interests/interests-schemas';
import { useAction } from '../../use-action';
import { useHeadingStyles } from '../heading-styles';
import { useInterests } from './interests-context';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
});

/** How many would come, and what happens next. */
function progress(talk: TalkView, t: Translate): string {
  if (talk.invitedAt)
    return t(talk.mine ? 'tab.interests.comingMine' : 'tab.interests.comingHappening', {
      wanted: talk.wanted,
    });
  return t('tab.interests.coming', { wanted: talk.wanted, needed: talk.needed });
}

/** One lightning talk on offer: what it is, who offers it, and "I'd come". */
export function TalkCard({ talk }: { talk: TalkView }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const t = useT();
  const { teamId, update, announce } = useInterests();
  const action = useAction();
  const headingId = useId();

  const come = async () => {
    const fresh = await action.run('come', () =>
      api.send<TalkView>(
        'POST',
        teamPath(teamId, `/talks/${encodeURIComponent(talk.id)}/interest`),
      ),
    );
    if (!fresh) return;
    update((data) => ({
      ...data,
      talks: data.talks.map((other) => (other.id === fresh.id ? fresh : other)),
    }));
    announce(t('tab.interests.noted', { title: fresh.title }));
  };

  return (
    <Card className={styles.card} role="article" aria-labelledby={headingId} data-testid="talk">
      <div className={layout.centeredRow}>
        <Subtitle2 as="h4" className={headings.root} id={headingId}>
          {talk.title}
        </Subtitle2>
        <Badge appearance="tint" color="informative">
          {talk.circle}
        </Badge>
      </div>
      <Text>{talk.summary}</Text>
      <Caption1 className={layout.muted}>
        {t('tab.interests.offeredBy', {
          who: talk.mine ? 'you' : talk.proposer ? 'member' : 'former',
          name: talk.proposer?.name ?? '',
          date: formatDate(talk.proposedAt, locale),
        })}
      </Caption1>
      <Text>{progress(talk, t)}</Text>
      {talk.meetingLink && (
        <Link href={talk.meetingLink} target="_blank" rel="noreferrer">
          {t('tab.interests.scheduleIt')}
        </Link>
      )}
      {!talk.mine &&
        (talk.iWouldCome ? (
          <Text weight="semibold">{t('tab.interests.youWouldCome')}</Text>
        ) : (
          <div className={layout.rowS}>
            <Button disabled={action.busy !== undefined} onClick={() => void come()}>
              {t('tab.interests.idCome')}
            </Button>
          </div>
        ))}
      {action.error && <FormError title={t('tab.common.didNotWork')} error={action.error} />}
    </Card>
  );
}
