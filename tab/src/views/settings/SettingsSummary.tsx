import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatLocalDate } from '../../dates';
import { joinNames } from '../../format';
import { useLayoutStyles } from '../../layout-styles';
import { useSession } from '../../session-context';
import { useT } from '../../i18n/use-t';
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
  // Apart from the question's text without a space character (a literal the catalog rule forbids).
  badge: { marginLeft: tokens.spacingHorizontalS },
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
  const t = useT();
  return (
    <dl className={styles.facts} data-testid="settings-summary">
      <dt className={layout.term}>{t('tab.settings.checkins')}</dt>
      <dd className={styles.definition}>
        {t(s.enabled ? 'tab.settings.on' : 'tab.settings.paused')}
      </dd>
      <dt className={layout.term}>{t('tab.settings.schedule')}</dt>
      <dd className={styles.definition}>
        <Text>{cadenceText(s.cadence, locale, t)}</Text>
        <Text>{t('tab.settings.openFor', { hours: s.cadence.windowHours })}</Text>
      </dd>
      <dt className={layout.term}>{t('tab.settings.quietDays')}</dt>
      <dd className={styles.definition}>
        {s.cadence.quietDays.length
          ? new Intl.ListFormat(locale, { type: 'unit' }).format(
              s.cadence.quietDays.map((d) => formatLocalDate(d, locale)),
            )
          : t('tab.settings.none')}
      </dd>
      <dt className={layout.term}>{t('tab.settings.questions')}</dt>
      <dd className={styles.definition}>
        <ol className={layout.lines}>
          {s.questions.map((q) => (
            <li key={q.id}>
              <Text>{q.text}</Text>
              <Badge appearance="tint" color="brand" className={styles.badge}>
                {traitLabel(q.trait, t)}
              </Badge>
            </li>
          ))}
        </ol>
      </dd>
      <dt className={layout.term}>{t('tab.settings.openQuestion')}</dt>
      <dd className={styles.definition}>
        {s.freeText.enabled
          ? t('tab.settings.quoted', { text: s.freeText.prompt })
          : t('tab.settings.notAsked')}
      </dd>
      <dt className={layout.term}>{t('tab.settings.minGroup')}</dt>
      <dd className={styles.definition}>
        <Text>{t('tab.settings.people', { count: s.minGroupSize })}</Text>
        <Text className={layout.muted}>{t('tab.settings.minGroupNote', { min: MIN_GROUP })}</Text>
      </dd>
      <dt className={layout.term}>{t('tab.settings.leads')}</dt>
      <dd className={styles.definition}>
        {leadNames.length ? joinNames(leadNames, locale) : t('tab.settings.noLeads')}
      </dd>
    </dl>
  );
}
