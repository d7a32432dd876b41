import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback } from 'react';
import { teamPath } from '../api';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Loaded } from '../components/Loaded';
import { LoadingBlock } from '../components/LoadingCards';
import { formatDateTime } from '../dates';
import { formatPercent, formatWeek, formatWeekStart, joinNames } from '../format';
import { useLayoutStyles } from '../layout-styles';
import { useSession } from '../session-context';
import { TRAITS, traitOptions } from '../traits';
import { useT, type Translate } from '../i18n/use-t';
import type {
  CheckinConfig,
  TrustHealth,
  TrustWeek,
} from '../../../bot/src/features/checkins/checkin-schemas';
import type { TeamInfo } from '../../../bot/src/people/people-schemas';
import { isoWeekKey } from '../../../bot/src/platform/domain/week';
import { useUrlParams } from '../url-state';
import { useResource } from '../use-resource';
import { FeedbackList } from './FeedbackList';

type OpenRound = NonNullable<CheckinConfig['openRound']>;

// The charting library loads on its own, after the rest of the view is on screen.
const TrustChart = lazy(() => import('./TrustChart'));

export const PERIODS = ['12', '26', '52'] as const;

const useStyles = makeStyles({
  chart: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** A week's check-in in words; the reason for too few answers is the server's own. */
function checkinText(week: TrustWeek, locale: string, t: Translate): string {
  if (week.status === 'insufficient') return week.reason;
  if (week.status !== 'ok') return t('tab.health.noCheckin');
  const left = traitOptions(t).filter((trait) => !week.traits.some((a) => a.trait === trait.id));
  if (left.length === 0) return t('tab.health.answers', { count: week.answers });
  return t('tab.health.answersSomeHidden', {
    count: week.answers,
    traits: joinNames(
      left.map((trait) => trait.label),
      locale,
    ),
    hidden: left.length,
  });
}

/**
 * The weeks worth listing: none from before Rapport joined the team (they could only say "no
 * check-in"), unless they hold numbers, as after a reinstall.
 */
function sinceInstalled(weeks: TrustWeek[], installWeek: string | undefined): TrustWeek[] {
  if (!installWeek) return weeks;
  // The install week is reckoned in UTC and the weeks in the team's zone: the latest always stays.
  return weeks.filter(
    (w, i) =>
      i === weeks.length - 1 ||
      w.week >= installWeek ||
      w.status !== 'no-round' ||
      Object.values(w.recognitions).some((n) => n > 0),
  );
}

/** Recognitions per trait over the period (and team values together): counts, never people. */
function recognitionTotals(weeks: TrustWeek[], t: Translate) {
  const totals = new Map<string, number>();
  for (const week of weeks)
    for (const [key, count] of Object.entries(week.recognitions ?? {}))
      totals.set(key, (totals.get(key) ?? 0) + count);
  const traits = traitOptions(t).map((trait) => ({
    label: trait.label,
    count: totals.get(trait.id) ?? 0,
  }));
  const values = [...totals.entries()]
    .filter(([key]) => !TRAITS.some((t) => t.id === key))
    .reduce((n, [, count]) => n + count, 0);
  return values > 0 ? [...traits, { label: t('tab.health.teamValues'), count: values }] : traits;
}

/**
 * The team's trust-health trend: the five traits' weekly averages, participation and recognition
 * counts, all anonymous aggregates; weeks with too few answers show why instead of numbers.
 */
export function TrustHealthView({ teamId }: { teamId: string }) {
  const layout = useLayoutStyles();
  const { api, locale } = useSession();
  const t = useT();
  const [params, update] = useUrlParams();
  const weeks = PERIODS.includes(params.weeks as (typeof PERIODS)[number]) ? params.weeks! : '12';
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [health, team, checkin] = await Promise.all([
        api.get<TrustHealth>(teamPath(teamId, `/trust-health?weeks=${weeks}`), signal),
        api.get<TeamInfo>(teamPath(teamId), signal),
        api.get<CheckinConfig>(teamPath(teamId, '/checkin/settings'), signal),
      ]);
      return { health, installedAt: team.installedAt, openRound: checkin.openRound };
    },
    [api, teamId, weeks],
  );
  const [health] = useResource(load);

  return (
    <section className={layout.columnL} aria-labelledby="health-title">
      <div className={layout.viewHeader}>
        <Title3 as="h2" id="health-title">
          {t('tab.views.health')}
        </Title3>
        <Field label={t('tab.health.period')}>
          <Select value={weeks} onChange={(_, d) => update({ weeks: d.value })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t('tab.health.lastWeeks', { count: Number(p) })}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Loaded
        resource={health}
        loading={<LoadingBlock label={t('tab.health.loading')} />}
        errorTitle={t('tab.health.loadFailed')}
      >
        {(data) => (
          <>
            {data.openRound && <OpenRoundNote round={data.openRound} locale={locale} />}
            <TrustHealthBody data={data.health} installedAt={data.installedAt} locale={locale} />
          </>
        )}
      </Loaded>

      <FeedbackList teamId={teamId} />
    </section>
  );
}

/**
 * A round that is open shows that it is open, until when, and how many answered: nothing that
 * moves with one person's answer, which waits for the close.
 */
function OpenRoundNote({ round, locale }: { round: OpenRound; locale: string }) {
  const t = useT();
  return (
    <MessageBar intent="info" data-testid="open-round">
      <MessageBarBody>
        {t('tab.health.openRound', {
          closes: formatDateTime(round.closesAt, locale),
          answered: round.answered,
          invited: round.invited,
        })}
      </MessageBarBody>
    </MessageBar>
  );
}

interface BodyProps {
  data: TrustHealth;
  installedAt: string | null;
  locale: string;
}

function TrustHealthBody({ data, installedAt, locale }: BodyProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const t = useT();
  const installWeek = installedAt ? isoWeekKey(new Date(installedAt)) : undefined;
  const weeks = sinceInstalled(data.weeks, installWeek);
  const hasAverages = weeks.some((w) => w.status === 'ok');
  const newestFirst = [...weeks].reverse();
  const totals = recognitionTotals(data.weeks, t);
  const latest = newestFirst.find((w) => w.status === 'ok' && w.participation !== null);

  return (
    <>
      <Text>{t('tab.health.intro', { min: data.minGroupSize })}</Text>

      {hasAverages ? (
        <figure className={styles.chart} aria-label={t('tab.health.chartLabel')}>
          <Suspense fallback={<LoadingBlock label={t('tab.health.chartLoading')} />}>
            <TrustChart weeks={weeks} locale={locale} />
          </Suspense>
        </figure>
      ) : (
        <EmptyState title={t('tab.health.emptyTitle')}>
          {t('tab.health.emptyText', { min: data.minGroupSize })}
        </EmptyState>
      )}

      <div className={layout.columnS}>
        <Subtitle1 as="h3">{t('tab.health.weekByWeek')}</Subtitle1>
        {latest?.status === 'ok' && latest.participation !== null && (
          <Text>
            {t('tab.health.latestParticipation', {
              percent: formatPercent(latest.participation, locale),
              week: formatWeekStart(latest.week, locale),
            })}
          </Text>
        )}
        {installWeek && weeks.length < data.weeks.length && (
          <Text className={layout.muted} data-testid="installed-note">
            {t('tab.health.installedNote', { week: formatWeekStart(installWeek, locale) })}
          </Text>
        )}
        <div className={layout.scrollX}>
          <DataTable
            size="small"
            aria-label={t('tab.health.tableLabel')}
            rows={newestFirst}
            rowKey={(w) => w.week}
            rowData={(w) => ({ 'data-status': w.status })}
            columns={[
              { title: t('tab.health.week'), cell: (w) => formatWeek(w.week, locale, t) },
              {
                title: t('tab.health.checkin'),
                cell: (w) => checkinText(w, locale, t),
                cellClassName: (w) => (w.status === 'ok' ? undefined : layout.muted),
              },
              {
                title: t('tab.health.participation'),
                numeric: true,
                cell: (w) =>
                  w.status === 'ok' && w.participation !== null
                    ? formatPercent(w.participation, locale)
                    : '—',
              },
            ]}
          />
        </div>
      </div>

      <div className={layout.columnS}>
        <Subtitle1 as="h3">{t('tab.health.byTrait')}</Subtitle1>
        <Text className={layout.muted}>{t('tab.health.byTraitNote')}</Text>
        <DataTable
          size="small"
          aria-label={t('tab.health.byTrait')}
          rows={totals}
          rowKey={(row) => row.label}
          columns={[
            { title: t('tab.wall.trait'), cell: (row) => row.label },
            { title: t('tab.health.recognitions'), numeric: true, cell: (row) => row.count },
          ]}
        />
      </div>
    </>
  );
}
