import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatLocalDate, plural } from '../../dates';
import { joinNames } from '../../format';
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
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  definition: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  questions: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
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
  const { locale } = useSession();
  return (
    <dl className={styles.facts} data-testid="settings-summary">
      <dt className={styles.term}>Check-ins</dt>
      <dd className={styles.definition}>{s.enabled ? 'On' : 'Paused'}</dd>
      <dt className={styles.term}>Schedule</dt>
      <dd className={styles.definition}>
        <Text>{cadenceText(s.cadence)}</Text>
        <Text>Each check-in stays open for {plural(s.cadence.windowHours, 'hour')}.</Text>
      </dd>
      <dt className={styles.term}>Quiet days</dt>
      <dd className={styles.definition}>
        {s.cadence.quietDays.length
          ? s.cadence.quietDays.map((d) => formatLocalDate(d, locale)).join(', ')
          : 'None'}
      </dd>
      <dt className={styles.term}>Questions</dt>
      <dd className={styles.definition}>
        <ol className={styles.questions}>
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
      <dt className={styles.term}>Open question</dt>
      <dd className={styles.definition}>
        {s.freeText.enabled ? `“${s.freeText.prompt}”` : 'Not asked'}
      </dd>
      <dt className={styles.term}>Minimum group size</dt>
      <dd className={styles.definition}>
        <Text>{plural(s.minGroupSize, 'person', 'people')}</Text>
        <Text className={styles.muted}>
          Averages and comments are shown only for a check-in that at least this many people
          answered, never fewer than {MIN_GROUP}: with two answers, each person could work out what
          the other said.
        </Text>
      </dd>
      <dt className={styles.term}>Leads</dt>
      <dd className={styles.definition}>
        {leadNames.length ? joinNames(leadNames) : 'None yet: the first member to save becomes one'}
      </dd>
    </dl>
  );
}
