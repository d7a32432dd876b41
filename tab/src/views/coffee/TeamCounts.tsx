import { Text } from '@fluentui/react-components';
import { formatDateTime } from '../../dates';
import { useT } from '../../i18n/use-t';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { CoffeeView as Coffee } from '../../../../bot/src/features/coffee/coffee-schemas';
import { Panel } from './Panel';

/** The team's counts: who takes part and, per recent round, how many groups met. Nobody's pairs. */
export function TeamCounts({ data }: { data: Coffee }) {
  const layout = useLayoutStyles();
  const { locale } = useSession();
  const t = useT();
  const { members, paused, recent } = data.stats;

  return (
    <Panel title={t('tab.coffee.theTeam')} data-testid="coffee-counts">
      <Text data-testid="coffee-members">{t('tab.coffee.members', { members, paused })}</Text>
      {recent.length === 0 ? (
        <Text className={layout.muted}>{t('tab.coffee.noRoundYet')}</Text>
      ) : (
        <ul className={layout.lines} aria-label={t('tab.coffee.recentRounds')}>
          {[...recent].reverse().map((r) => (
            <li key={r.startsAt}>
              <Text>
                {t('tab.coffee.roundMet', {
                  when: formatDateTime(r.startsAt, locale, data.timeZone),
                  met: r.met,
                  groups: r.groups,
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Text className={layout.muted}>{t('tab.coffee.countsNote')}</Text>
    </Panel>
  );
}
