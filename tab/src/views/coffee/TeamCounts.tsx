import { Text } from '@fluentui/react-components';
import { formatDateTime, plural } from '../../dates';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import type { CoffeeView as Coffee } from '../../../../bot/src/features/coffee/coffee-schemas';
import { metText } from './coffee-format';
import { Panel } from './Panel';

/** The team's counts: who takes part and, per recent round, how many groups met. Nobody's pairs. */
export function TeamCounts({ data }: { data: Coffee }) {
  const layout = useLayoutStyles();
  const { locale } = useSession();
  const { members, paused, recent } = data.stats;

  return (
    <Panel title="The team" data-testid="coffee-counts">
      <Text data-testid="coffee-members">
        {plural(members, 'member')} taking part
        {paused > 0 ? `, ${paused} paused` : ''}.
      </Text>
      {recent.length === 0 ? (
        <Text className={layout.muted}>No round has finished yet.</Text>
      ) : (
        <ul className={layout.lines} aria-label="Recent rounds">
          {[...recent].reverse().map((r) => (
            <li key={r.startsAt}>
              <Text>
                Round of {formatDateTime(r.startsAt, locale, data.timeZone)}:{' '}
                {metText(r.met, r.groups)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Text className={layout.muted}>
        Only these counts are kept: a group met when someone in it answered “We met” on their card.
        Nobody’s answer and nobody’s pairs are shown.
      </Text>
    </Panel>
  );
}
