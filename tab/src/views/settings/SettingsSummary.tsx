import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatLocalDate, plural } from '../../dates';
import { joinNames } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { traitLabel } from '../../traits';
import type { CheckinSettings } from '../../../../bot/src/features/checkins/checkin-schemas';
import { cadenceText, MIN_GROUP } from './settings-format';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  definition: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/** The settings in force, for members who are not leads: read, then propose a change. */
export function SettingsSummary({
  settings: s,
  leadNames,
}: {
  settings: CheckinSettings;
  leadNames: string[];
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { locale } = useSession();
  return (
    <dl className={styles.facts} data-testid="settings-summary">
      <dt className={layout.term}>Check-ins</dt>
      <dd className={styles.definition}>{s.enabled ? 'On' : 'Paused'}</dd>
      <dt className={layout.term}>Schedule</dt>
      <dd className={styles.definition}>
        <Text>{cadenceText(s.cadence)}</Text>
        <Text>Each check-in stays open for {plural(s.cadence.windowHours, 'hour')}.</Text>
      </dd>
      <dt className={layout.term}>Quiet days</dt>
      <dd className={styles.definition}>
        {s.cadence.quietDays.length
          ? s.cadence.quietDays.map((d) => formatLocalDate(d, locale)).join(', ')
          : 'None'}
      </dd>
      <dt className={layout.term}>Questions</dt>
      <dd className={styles.definition}>
        <ol className={layout.lines}>
          {s.questions.map((q) => (
            <li key={q.id}>
              <Text>{q.text}</Text>{' '}
              <Badge appearance="tint" color="brand">
                {traitLabel(q.trait)}
              </Badge>
            </li>
          ))}
        </ol>
      </dd>
      <dt className={layout.term}>Open question</dt>
      <dd className={styles.definition}>
        {s.freeText.enabled ? `“${s.freeText.prompt}”` : 'Not asked'}
      </dd>
      <dt className={layout.term}>Minimum group size</dt>
      <dd className={styles.definition}>
        <Text>{plural(s.minGroupSize, 'person', 'people')}</Text>
        <Text className={layout.muted}>
          Averages and comments are shown only for a check-in that at least this many people
          answered, never fewer than {MIN_GROUP}: with two answers, each person could work out what
          the other said.
        </Text>
      </dd>
      <dt className={layout.term}>Leads</dt>
      <dd className={styles.definition}>
        {leadNames.length ? joinNames(leadNames) : 'None yet: the first member to save becomes one'}
      </dd>
    </dl>
  );
}
