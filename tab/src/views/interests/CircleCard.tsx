import {
  Badge,
  Button,
  Card,
  Link,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { teamPath } from '../../api';
import { FormError } from '../../components/FormError';
import { SuccessNote } from '../../components/SuccessNote';
import { joinNames } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT } from '../../i18n/use-t';
import type {
  CircleView,
  IntroductionView,
  NewTalkBody,
  TalkView,
} from '../../../../bot/src/features/interests/interests-schemas';
import { useAction } from '../../use-action';
import { useHeadingStyles } from '../heading-styles';
import { useInterests } from './interests-context';
import { TalkForm } from './TalkForm';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
});

/** One circle: who is in it; join or leave; for its members, "Introduce me" and "Offer a talk". */
export function CircleCard({ circle }: { circle: CircleView }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api, locale } = useSession();
  const t = useT();
  const { teamId, mine, putTags, update, announce } = useInterests();
  const action = useAction();
  const headingId = useId();
  const [introduced, setIntroduced] = useState<IntroductionView>();
  const [offering, setOffering] = useState(false);
  const busy = action.busy !== undefined;
  const circlePath = (rest: string) =>
    teamPath(teamId, `/interests/${encodeURIComponent(circle.tag)}${rest}`);

  const join = async () => {
    if (await action.run('join', () => putTags([...mine, circle.label])))
      announce(t('tab.interests.joined', { circle: circle.label }));
  };
  const leave = async () => {
    setIntroduced(undefined);
    if (await action.run('leave', () => putTags(mine.filter((tag) => tag !== circle.label))))
      announce(t('tab.interests.left', { circle: circle.label }));
  };
  const introduce = async () => {
    const result = await action.run('introduce', () =>
      api.send<IntroductionView>('POST', circlePath('/introductions')),
    );
    if (!result) return;
    setIntroduced(result);
    announce(t('tab.interests.introducedAnnounce'));
  };
  const offer = async (body: NewTalkBody) => {
    const talk = await action.run('talk', () =>
      api.send<TalkView>('POST', circlePath('/talks'), body),
    );
    if (!talk) return false;
    setOffering(false);
    update((data) => ({ ...data, talks: [talk, ...data.talks] }));
    announce(t('tab.interests.talkOffered', { title: talk.title }));
    return true;
  };

  const alone = circle.mine && circle.count === 1;
  return (
    <Card
      className={styles.card}
      role="article"
      aria-labelledby={headingId}
      data-testid="interest-circle"
    >
      <div className={layout.centeredRow}>
        <Subtitle2 as="h4" className={headings.root} id={headingId}>
          {circle.label}
        </Subtitle2>
        <Badge appearance="tint" color="informative">
          {t('tab.interests.members', { count: circle.count })}
        </Badge>
        {circle.mine && (
          <Badge appearance="tint" color="success">
            {t('tab.interests.youAreIn')}
          </Badge>
        )}
      </div>
      <Text>
        {alone
          ? t('tab.interests.onlyYou')
          : joinNames(
              circle.members.map((m) => m.name),
              locale,
            )}
      </Text>
      <div className={layout.rowS}>
        {circle.mine ? (
          <>
            <Button appearance="primary" disabled={busy || alone} onClick={() => void introduce()}>
              {t('tab.interests.introduceMe')}
            </Button>
            <Button disabled={busy || offering} onClick={() => setOffering(true)}>
              {t('tab.interests.offerTalk')}
            </Button>
            <Button disabled={busy} onClick={() => void leave()}>
              {t('tab.interests.leave')}
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={busy} onClick={() => void join()}>
            {t('tab.interests.join')}
          </Button>
        )}
      </div>
      {introduced && (
        <SuccessNote data-testid="introduced">
          {t('tab.interests.introduced', {
            names: joinNames(
              introduced.others.map((o) => o.name),
              locale,
            ),
          })}
          {introduced.chatLink && (
            <>
              {' '}
              <Link href={introduced.chatLink} target="_blank" rel="noreferrer">
                {t('tab.interests.startChat')}
              </Link>
            </>
          )}
        </SuccessNote>
      )}
      {offering && (
        <TalkForm
          circle={circle.label}
          busy={action.busy === 'talk'}
          onSubmit={offer}
          onCancel={() => {
            setOffering(false);
            action.clearError();
          }}
        />
      )}
      {action.error && <FormError title={t('tab.common.didNotWork')} error={action.error} />}
    </Card>
  );
}
