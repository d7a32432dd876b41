import { Button, makeStyles, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { teamPath } from '../../api';
import { LazyConfirmDialog, useConfirmation } from '../../components/LazyConfirmDialog';
import { Loaded } from '../../components/Loaded';
import { LoadingCards } from '../../components/LoadingCards';
import { SuccessNote } from '../../components/SuccessNote';
import { useT } from '../../i18n/use-t';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type {
  CoffeeMeBody,
  CoffeeView as Coffee,
} from '../../../../bot/src/features/coffee/coffee-schemas';
import type { Person } from '../../../../bot/src/people/people-schemas';
import { useResource } from '../../use-resource';
import { formatInZone } from '../settings/settings-format';
import { AvoidList } from './AvoidList';
import { rhythmText } from './coffee-format';
import { CoffeeRhythm } from './CoffeeRhythm';
import { MyHours } from './MyHours';
import { MyMatch } from './MyMatch';
import { MyPlace } from './MyPlace';
import { TeamCounts } from './TeamCounts';

const useStyles = makeStyles({
  title: { ...typographyStyles.title3, margin: 0 },
  intro: { maxWidth: '75ch' },
  parts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

/** What each part of the view needs to change the caller's own place in the programme. */
export interface MyPartProps {
  data: Coffee;
  /** Sends only what changes; answers the whole view as it is after the change. */
  saveMe(body: CoffeeMeBody): Promise<Coffee>;
  /** Shows the view the server answered. */
  onSaved(fresh: Coffee): void;
}

/**
 * Virtual coffee: the caller's own place (join, leave, pause), their time zone and hours, their
 * private "don't pair me with" list and their current match; the team's counts; and, for leads,
 * the rhythm and "pair now". Nobody sees anyone else's pairs: the API gives only the caller's.
 */
export function CoffeeView({ teamId }: { teamId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { api, locale } = useSession();
  const t = useT();
  const path = teamPath(teamId, '/coffee');
  const load = useCallback((signal: AbortSignal) => api.get<Coffee>(path, signal), [api, path]);
  const loadMembers = useCallback(
    (signal: AbortSignal) => api.get<{ members: Person[] }>(teamPath(teamId, '/members'), signal),
    [api, teamId],
  );
  const [coffee, changeCoffee] = useResource(load);
  const [roster] = useResource(loadMembers);
  const pairing = useConfirmation({
    title: t('tab.coffee.pairTitle'),
    confirmLabel: t('tab.coffee.pairNow'),
  });
  const [paired, setPaired] = useState<string>();

  const saveMe = useCallback(
    (body: CoffeeMeBody) => api.send<Coffee>('PUT', `${path}/me`, body),
    [api, path],
  );
  const onSaved = useCallback((fresh: Coffee) => changeCoffee(() => fresh), [changeCoffee]);

  const pairNow = async () => {
    const round = await api.send<{ roundId: string; groups: number }>('POST', `${path}/rounds`);
    setPaired(t('tab.coffee.paired', { groups: round.groups }));
    // The lead may be in a group themselves: show their match.
    api.get<Coffee>(path).then(onSaved, () => undefined);
  };

  return (
    <section className={layout.columnL} aria-labelledby="coffee-title">
      <h2 className={styles.title} id="coffee-title">
        {t('tab.views.coffee')}
      </h2>
      <Text className={styles.intro}>{t('tab.coffee.intro')}</Text>
      <Loaded
        resource={coffee}
        loading={<LoadingCards count={3} label={t('tab.coffee.loading')} />}
        errorTitle={t('tab.coffee.loadFailed')}
      >
        {(data) => (
          <>
            <div className={layout.callout} data-testid="coffee-next">
              <Text weight="semibold">
                {data.settings.enabled && data.nextRoundAt
                  ? t('tab.common.twoSentences', {
                      first: rhythmText(data.settings, data.timeZone, locale, t),
                      second: t('tab.coffee.nextRound', {
                        when: formatInZone(data.nextRoundAt, locale, data.timeZone),
                      }),
                    })
                  : t(data.isLead ? 'tab.coffee.offLead' : 'tab.coffee.off')}
              </Text>
              {data.isLead && (
                <Button onClick={() => pairing.ask()}>{t('tab.coffee.pairNow')}</Button>
              )}
            </div>
            {paired && <SuccessNote data-testid="coffee-paired">{paired}</SuccessNote>}

            <div className={styles.parts}>
              <div className={layout.columnL}>
                <MyPlace data={data} saveMe={saveMe} onSaved={onSaved} />
                <MyMatch data={data} />
              </div>
              <div className={layout.columnL}>
                <MyHours data={data} saveMe={saveMe} onSaved={onSaved} />
                {data.me.status !== 'out' && (
                  <AvoidList
                    data={data}
                    members={roster.status === 'ok' ? roster.data.members : undefined}
                    saveMe={saveMe}
                    onSaved={onSaved}
                  />
                )}
              </div>
            </div>

            <TeamCounts data={data} />
            {data.isLead && <CoffeeRhythm teamId={teamId} data={data} onSaved={onSaved} />}

            <LazyConfirmDialog confirmation={pairing} onConfirm={pairNow}>
              <Text as="p">{t('tab.coffee.pairText', { members: data.stats.members })}</Text>
            </LazyConfirmDialog>
          </>
        )}
      </Loaded>
    </section>
  );
}
