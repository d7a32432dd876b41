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
import { plural } from '../../dates';
import { formatDate } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { TalkView } from '../../../../bot/src/features/interests/interests-schemas';
import { useAction } from '../../use-action';
import { useHeadingStyles } from '../heading-styles';
import { useInterests } from './interests-context';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
});

/** How many would come, and what happens next. */
function progress(talk: TalkView): string {
  const coming = `${plural(talk.wanted, 'person', 'people')} would come`;
  if (talk.invitedAt)
    return talk.mine
      ? `${coming}. Rapport sent you a link to invite them.`
      : `${coming}. It is happening: the speaker was sent a link to invite everyone who would come.`;
  return `${coming}; it happens at ${talk.needed}.`;
}

/** One lightning talk on offer: what it is, who offers it, and "I'd come". */
export function TalkCard({ talk }: { talk: TalkView }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
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
    update((data) => ({ ...data, talks: data.talks.map((t) => (t.id === fresh.id ? fresh : t)) }));
    announce(`Noted: you would come to “${fresh.title}”.`);
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
        Offered by {talk.mine ? 'you' : (talk.proposer?.name ?? 'a former member')} on{' '}
        {formatDate(talk.proposedAt, locale)}
      </Caption1>
      <Text>{progress(talk)}</Text>
      {talk.meetingLink && (
        <Link href={talk.meetingLink} target="_blank" rel="noreferrer">
          Schedule it in Teams
        </Link>
      )}
      {!talk.mine &&
        (talk.iWouldCome ? (
          <Text weight="semibold">You said you would come.</Text>
        ) : (
          <div className={layout.rowS}>
            <Button disabled={action.busy !== undefined} onClick={() => void come()}>
              I’d come
            </Button>
          </div>
        ))}
      {action.error && <FormError title="That did not work" error={action.error} />}
    </Card>
  );
}
