import { useT } from '../../i18n/use-t';
import { Card, Subtitle1, Subtitle2, Text, Title3 } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { useAnnouncer } from '../../components/LiveRegion';
import { formatPercent, formatWeek } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useResource } from '../../use-resource';
import type { Actions } from '../../../../bot/src/features/follow-through/follow-schemas';
import { ActionCard } from './ActionCard';
import { CommentCard } from './CommentCard';
import { byRound, loadFollowData, roundPath, type FollowData } from './follow-data';
import { NewActionForm, type NewAction } from './NewActionForm';
import { RoundResults } from './RoundResults';
import { ThemeForm } from './ThemeForm';

/** The team's measures, in words: team level only. */
function Measures({ measures }: { measures: Actions['measures'] }) {
  const layout = useLayoutStyles();
  const { locale } = useSession();
  const t = useT();
  const { commentsHeard: heard, actions } = measures;
  return (
    <Card data-testid="follow-measures">
      <Subtitle2 as="h3">{t('tab.follow.measuresTitle', { quarter: measures.quarter })}</Subtitle2>
      <Text>
        {heard.share === null
          ? t('tab.follow.noComments')
          : t('tab.follow.heardShare', {
              share: formatPercent(heard.share, locale),
              heard: heard.heard,
              comments: heard.comments,
            })}
      </Text>
      <Text className={layout.muted}>
        {t('tab.follow.actionsDone', { done: actions.done, planned: actions.planned })}
      </Text>
    </Card>
  );
}

/**
 * Follow-through: the team answers anonymous comments in the open, groups them into themes,
 * turns them into actions someone volunteers for, and sees each round's results.
 */
export function FollowThroughView({ teamId }: { teamId: string }) {
  const layout = useLayoutStyles();
  const t = useT();
  const { api, locale } = useSession();
  const load = useCallback(
    (signal: AbortSignal) => loadFollowData(api, teamId, signal),
    [api, teamId],
  );
  const [data, change] = useResource(load);
  const [chosen, setChosen] = useState<string[]>([]);
  const [announce, region] = useAnnouncer();

  /** After a change, the view shows the team's data as the server now has it, in place. */
  const refresh = async (said: string) => {
    const fresh = await loadFollowData(api, teamId);
    change(() => fresh);
    announce(said);
  };
  const reply = (commentId: string) => async (text: string) => {
    await api.send('POST', teamPath(teamId, `/feedback/${commentId}/replies`), { text });
    await refresh(t('tab.follow.announceReply'));
  };
  const heard = (commentId: string) => async () => {
    await api.send('POST', teamPath(teamId, `/feedback/${commentId}/heard`));
    await refresh(t('tab.follow.announceHeard'));
  };
  const saveThemes =
    (roundId: string) => async (themes: { name: string; commentIds: string[] }[]) => {
      await api.send('PUT', roundPath(teamId, roundId, '/themes'), { themes });
      await refresh(t('tab.follow.announceThemeSaved'));
    };
  const createAction = async (action: NewAction) => {
    await api.send('POST', teamPath(teamId, '/actions'), action);
    setChosen([]);
    await refresh(t('tab.follow.announceActionAdded'));
  };
  const changeAction = (id: string) => async (body: object) => {
    await api.send('PATCH', teamPath(teamId, `/actions/${id}`), body);
    await refresh(t('tab.follow.announceActionUpdated'));
  };
  const propose = (id: string) => async () => {
    await api.send('POST', teamPath(teamId, `/actions/${id}/agreement`));
    await refresh(t('tab.follow.announceProposed'));
  };

  const content = ({ feedback, actions, isLead }: FollowData) => (
    <>
      <Measures measures={actions.measures} />
      <section className={layout.columnM} aria-labelledby="follow-comments">
        <Subtitle1 as="h3" id="follow-comments">
          {t('tab.follow.comments')}
        </Subtitle1>
        {feedback.weeks.length === 0 && (
          <EmptyState title={t('tab.follow.emptyTitle')}>{t('tab.follow.emptyText')}</EmptyState>
        )}
        {feedback.weeks.map((week) =>
          byRound(week.comments).map(([roundId, comments]) => (
            <section
              key={roundId}
              className={layout.columnS}
              aria-label={formatWeek(week.week, locale, t)}
            >
              <Subtitle2 as="h4">{formatWeek(week.week, locale, t)}</Subtitle2>
              <RoundResults teamId={teamId} roundId={roundId} isLead={isLead} />
              <ul className={layout.cards}>
                {comments.map((c) => (
                  <li key={c.id}>
                    <CommentCard
                      comment={c}
                      isLead={isLead}
                      selected={chosen.includes(c.id)}
                      onReply={reply(c.id)}
                      onHeard={heard(c.id)}
                      onSelect={(on) =>
                        setChosen((ids) => (on ? [...ids, c.id] : ids.filter((id) => id !== c.id)))
                      }
                    />
                  </li>
                ))}
              </ul>
              <ThemeForm comments={comments} onSave={saveThemes(roundId)} />
            </section>
          )),
        )}
      </section>
      <section className={layout.columnM} aria-labelledby="follow-actions">
        <Subtitle1 as="h3" id="follow-actions">
          {t('tab.follow.actions')}
        </Subtitle1>
        <NewActionForm commentIds={chosen} onCreate={createAction} />
        <ul className={layout.cards}>
          {actions.items.map((a) => (
            <li key={a.id}>
              <ActionCard action={a} onChange={changeAction(a.id)} onPropose={propose(a.id)} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );

  return (
    <section className={layout.columnXL} aria-labelledby="follow-title">
      {region}
      <div className={layout.columnS}>
        <Title3 as="h2" id="follow-title">
          {t('tab.follow.title')}
        </Title3>
        <Text className={layout.intro}>{t('tab.follow.intro')}</Text>
      </div>
      <Loaded
        resource={data}
        loading={<LoadingCards count={2} label={t('tab.follow.loading')} />}
        errorTitle={t('tab.follow.loadFailed')}
      >
        {content}
      </Loaded>
    </section>
  );
}
