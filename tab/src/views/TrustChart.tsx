/**
 * The trust-health line chart. This module is the only importer of @fluentui/react-charts and is
 * loaded with React.lazy, so the charting code (d3 and friends) is a chunk of its own that the
 * first view never waits for.
 */
import { LineChart, type LineChartGap, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { formatAverage, formatShortDate, formatWeek, isoWeekStart } from '../format';
import { TRAITS } from '../traits';
import type { TrustWeek } from '../types';

const useStyles = makeStyles({ root: { width: '100%' } });

/**
 * One line per trait. A week without numbers (too few answers, or no check-in) has no point at
 * all, never a zero, and the line breaks there instead of joining its neighbours.
 */
export function toLines(weeks: TrustWeek[], locale: string): LineChartPoints[] {
  return TRAITS.map((trait) => {
    const data: LineChartPoints['data'] = [];
    const gaps: LineChartGap[] = [];
    let previous: number | undefined;
    weeks.forEach((week, index) => {
      if (week.status !== 'ok') return;
      const value = week.traits.find((t) => t.trait === trait.id);
      const x = isoWeekStart(week.week);
      if (!value || !x) return;
      if (previous !== undefined && index - previous > 1)
        gaps.push({ startIndex: data.length - 1, endIndex: data.length });
      previous = index;
      data.push({
        x,
        y: value.average,
        xAxisCalloutData: formatWeek(week.week, locale),
        yAxisCalloutData: formatAverage(value.average, locale),
        text: `${trait.label}, ${formatWeek(week.week, locale)}: ${formatAverage(value.average, locale)} of 5`,
      });
    });
    return { legend: trait.label, data, gaps };
  });
}

/** One tick per week's Monday, thinned so that a year stays readable. */
function weekTicks(weeks: TrustWeek[]): Date[] {
  const step = Math.ceil(weeks.length / 13);
  return weeks
    .map((w) => isoWeekStart(w.week))
    .filter((d, i): d is Date => d !== undefined && (weeks.length - 1 - i) % step === 0);
}

export default function TrustChart({ weeks, locale }: { weeks: TrustWeek[]; locale: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="trust-chart">
      <LineChart
        data={{ chartTitle: 'Trait averages by week (1–5)', lineChartData: toLines(weeks, locale) }}
        height={300}
        yMinValue={1}
        yMaxValue={5}
        yAxisTickValues={[1, 2, 3, 4, 5]}
        tickValues={weekTicks(weeks)}
        customDateTimeFormatter={(date) => formatShortDate(date, locale)}
        useUTC
        culture={locale}
        yAxisTitle="Average (1–5)"
        legendProps={{ allowFocusOnLegends: true }}
      />
    </div>
  );
}
