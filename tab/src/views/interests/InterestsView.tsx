import { makeStyles, Subtitle1, Text, typographyStyles } from '@fluentui/react-components';
import { useCallback } from 'react';
import { teamPath } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { useAnnouncer } from '../../components/LiveRegion';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT } from '../../i18n/use-t';
import type { InterestsView as Interests } from '../../../../bot/src/features/interests/interests-schemas';
import { useResource } from '../../use-resource';
import { useHeadingStyles } from '../heading-styles';
import { CircleCard } from './CircleCard';
import { InterestsContext, type InterestsContextValue } from './interests-context';
import { MyInterests } from './MyInterests';
import { TalkCard } from './TalkCard';

const useStyles = makeStyles({
  title: { ...typographyStyles.title3, margin: 0 },
  intro: { maxWidth: '75ch' },
});

/**
 * Interest circles: your own interests, the team's circles (join, leave, "Introduce me", offer
 * a talk) and the lightning talks on offer ("I'd come").
 */
export function InterestsView({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headings = useHeadingStyles();
  const { api } = useSession();
  const t = useT();
  const [announce, liveRegion] = useAnnouncer();
  const path = teamPath(teamId, '/interests');
  const load = useCallback((signal: AbortSignal) => api.get<Interests>(path, signal), [api, path]);
  const [interests, change] = useResource(load);

  return (
    <section className={layout.columnL} aria-labelledby="interests-title">
      <h2 className={styles.title} id="interests-title">
        {t('tab.views.interests')}
      </h2>
      <Text className={styles.intro}>{t('tab.interests.intro')}</Text>
      <Loaded
        resource={interests}
        loading={<LoadingCards count={3} label={t('tab.interests.loading')} />}
        errorTitle={t('tab.interests.loadFailed')}
      >
        {(data) => {
          const mine = data.circles.filter((c) => c.mine).map((c) => c.label);
          const context: InterestsContextValue = {
            teamId,
            mine,
            announce,
            update: change,
            putTags: async (tags) => {
              const fresh = await api.send<Interests>('PUT', teamPath(teamId, '/interests/me'), {
                tags,
              });
              change(() => fresh);
              return fresh;
            },
          };
          return (
            <InterestsContext.Provider value={context}>
              <MyInterests />
              <section className={layout.columnM} aria-labelledby="circles-title">
                <Subtitle1 as="h3" className={headings.root} id="circles-title">
                  {t('tab.interests.circles')}
                </Subtitle1>
                {data.circles.length === 0 ? (
                  <EmptyState title={t('tab.interests.noCirclesTitle')}>
                    {t('tab.interests.noCirclesText')}
                  </EmptyState>
                ) : (
                  <ul className={layout.cards}>
                    {data.circles.map((c) => (
                      <li key={c.tag}>
                        <CircleCard circle={c} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className={layout.columnM} aria-labelledby="talks-title">
                <Subtitle1 as="h3" className={headings.root} id="talks-title">
                  {t('tab.interests.talks')}
                </Subtitle1>
                {data.talks.length === 0 ? (
                  <EmptyState title={t('tab.interests.noTalksTitle')}>
                    {t('tab.interests.noTalksText')}
                  </EmptyState>
                ) : (
                  <ul className={layout.cards}>
                    {data.talks.map((talk) => (
                      <li key={talk.id}>
                        <TalkCard talk={talk} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </InterestsContext.Provider>
          );
        }}
      </Loaded>
      {liveRegion}
    </section>
  );
}
