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
import { formatDateTime, plural } from '../dates';
import { formatPercent, formatWeek, formatWeekStart, joinNames } from '../format';
import { useLayoutStyles } from '../layout-styles';
import { useSession } from '../session-context';
import { TRAITS } from '../traits';
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

function checkinText(week: TrustWeek): string {
  if (week.status === 'insufficient') return week.reason;
  if (week.status !== 'ok') return 'No check-in this week';
  const left = TRAITS.filter((t) => !week.traits.some((a) => a.trait === t.id));
  const answers = plural(week.answers, 'answer');
  if (left.length === 0) return answers;
  return (
    `${answers}. No average for ${joinNames(left.map((t) => t.label))}: too few people answered ` +
    `${left.length === 1 ? 'it' : 'them'} to keep the answers anonymous.`
  );
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
function recognitionTotals(weeks: TrustWeek[]) {
  const totals = new Map<string, number>();
  for (const week of weeks)
    for (const [key, count] of Object.entries(week.recognitions ?? {}))
      totals.set(key, (totals.get(key) ?? 0) + count);
  const traits = TRAITS.map((t) => ({ label: t.label, count: totals.get(t.id) ?? 0 }));
  const values = [...totals.entries()]
    .filter(([key]) => !TRAITS.some((t) => t.id === key))
    .reduce((n, [, count]) => n + count, 0);
  return values > 0 ? [...traits, { label: 'Team values', count: values }] : traits;
}

/**
 * The team's trust-health trend: the five traits' weekly averages, participation and recognition
 * counts, all anonymous aggregates; weeks with too few answers show why instead of numbers.
 */
export function TrustHealthView({ teamId }: { teamId: string }) {
  const layout = useLayoutStyles();
  const { api, locale } = useSession();
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
          Trust health
        </Title3>
        <Field label="Period">
          <Select value={weeks} onChange={(_, d) => update({ weeks: d.value })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                Last {p} weeks
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Loaded
        resource={health}
        loading={<LoadingBlock label="Loading trust health" />}
        errorTitle="Trust health could not be loaded"
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
  return (
    <MessageBar intent="info" data-testid="open-round">
      <MessageBarBody>
        A check-in is open until {formatDateTime(round.closesAt, locale)}: {round.answered} of{' '}
        {round.invited} have answered. Its results show here once it closes.
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
  const installWeek = installedAt ? isoWeekKey(new Date(installedAt)) : undefined;
  const weeks = sinceInstalled(data.weeks, installWeek);
  const hasAverages = weeks.some((w) => w.status === 'ok');
  const newestFirst = [...weeks].reverse();
  const totals = recognitionTotals(data.weeks);
  const latest = newestFirst.find((w) => w.status === 'ok' && w.participation !== null);

  return (
    <>
      <Text>
        Weekly averages of the team’s check-in answers on each trait, from 1 to 5. Answers are
        anonymous, and a week where fewer than {data.minGroupSize} people answered shows no numbers,
        only the reason.
      </Text>

      {hasAverages ? (
        <figure className={styles.chart} aria-label="Trait averages by week">
          <Suspense fallback={<LoadingBlock label="Loading the chart" />}>
            <TrustChart weeks={weeks} locale={locale} />
          </Suspense>
        </figure>
      ) : (
        <EmptyState title="No trait averages yet">
          Averages appear after a check-in round that at least {data.minGroupSize} people answered.
          Check-ins run on the schedule your team sets with the Rapport bot.
        </EmptyState>
      )}

      <div className={layout.columnS}>
        <Subtitle1 as="h3">Week by week</Subtitle1>
        {latest?.status === 'ok' && latest.participation !== null && (
          <Text>
            Latest participation: {formatPercent(latest.participation, locale)} of the team answered
            in the week of {formatWeekStart(latest.week, locale)}.
          </Text>
        )}
        {installWeek && weeks.length < data.weeks.length && (
          <Text className={layout.muted} data-testid="installed-note">
            Rapport joined this team in the week of {formatWeekStart(installWeek, locale)}, so the
            weeks before it are not listed.
          </Text>
        )}
        <div className={layout.scrollX}>
          <DataTable
            size="small"
            aria-label="Check-ins week by week"
            rows={newestFirst}
            rowKey={(w) => w.week}
            rowData={(w) => ({ 'data-status': w.status })}
            columns={[
              { title: 'Week', cell: (w) => formatWeek(w.week, locale) },
              {
                title: 'Check-in',
                cell: checkinText,
                cellClassName: (w) => (w.status === 'ok' ? undefined : layout.muted),
              },
              {
                title: 'Participation',
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
        <Subtitle1 as="h3">Recognitions by trait</Subtitle1>
        <Text className={layout.muted}>Counts for the period, for the team as a whole.</Text>
        <DataTable
          size="small"
          aria-label="Recognitions by trait"
          rows={totals}
          rowKey={(t) => t.label}
          columns={[
            { title: 'Trait', cell: (t) => t.label },
            { title: 'Recognitions', numeric: true, cell: (t) => t.count },
          ]}
        />
      </div>
    </>
  );
}
