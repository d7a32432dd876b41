import { Body1, Card, Subtitle1, Subtitle2, Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import { teamPath } from '../api';
import { EmptyState } from '../components/EmptyState';
import { Loaded } from '../components/Loaded';
import { LoadingCards } from '../components/LoadingCards';
import { formatWeek } from '../format';
import { useLayoutStyles } from '../layout-styles';
import { useSession } from '../session-context';
import type { Feedback } from '../../../bot/src/features/follow-through/follow-schemas';
import { useResource } from '../use-resource';
import { useT } from '../i18n/use-t';

/** Free-text check-in feedback: no author and no time, only weeks that reached the threshold. */
export function FeedbackList({ teamId }: { teamId: string }) {
  const layout = useLayoutStyles();
  const { api, locale } = useSession();
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => api.get<Feedback>(teamPath(teamId, '/feedback'), signal),
    [api, teamId],
  );
  const [feedback] = useResource(load);
  const weeks =
    feedback.status === 'ok' ? feedback.data.weeks.filter((w) => w.comments.length) : [];

  return (
    <section className={layout.columnS} aria-labelledby="feedback-title">
      <Subtitle1 as="h3" id="feedback-title">
        {t('tab.feedback.title')}
      </Subtitle1>
      <Text className={layout.muted}>{t('tab.feedback.intro')}</Text>
      <Loaded
        resource={feedback}
        loading={<LoadingCards count={2} label={t('tab.feedback.loading')} />}
        errorTitle={t('tab.feedback.loadFailed')}
      >
        {() =>
          weeks.length === 0 && (
            <EmptyState title={t('tab.feedback.emptyTitle')}>
              {t('tab.feedback.emptyText')}
            </EmptyState>
          )
        }
      </Loaded>
      {weeks.length > 0 && (
        <ul className={layout.cards}>
          {weeks.map((w) => (
            <li key={w.week}>
              <Card>
                <Subtitle2 as="h4">{formatWeek(w.week, locale, t)}</Subtitle2>
                <ul className={layout.lines}>
                  {w.comments.map((c) => (
                    <li key={c.id}>
                      <Body1 className={layout.writtenText}>{c.text}</Body1>
                    </li>
                  ))}
                </ul>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
