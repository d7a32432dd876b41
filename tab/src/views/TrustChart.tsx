/**
 * The trust-health line chart. This module is the only importer of @fluentui/react-charts and is
 * loaded with React.lazy, so the charting code (d3 and friends) is a chunk of its own that the
 * first view never waits for.
 */
import { LineChart, type LineChartGap, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { formatAverage, formatShortDate, formatWeek, isoWeekStart } from '../format';
import { traitOptions } from '../traits';
import { useT, type Translate } from '../i18n/use-t';
import type { TrustWeek } from '../../../bot/src/features/checkins/checkin-schemas';

const useStyles = makeStyles({
  root: {
    width: '100%',
    // The legend capitalizes every word ("Psychological Safety"); the traits are named as
    // everywhere else.
    '& .fui-legend__legend': { textTransform: 'none' },
  },
});

/**
 * One line per trait. A week without numbers (too few answers, or no check-in) has no point at
 * all, never a zero, and the line breaks there instead of joining its neighbours.
 */
export function toLines(weeks: TrustWeek[], locale: string, t: Translate): LineChartPoints[] {
  return traitOptions(t).map((trait) => {
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
        xAxisCalloutData: formatWeek(week.week, locale, t),
        yAxisCalloutData: formatAverage(value.average, locale),
        text: t('tab.health.chartPoint', {
          trait: trait.label,
          week: formatWeek(week.week, locale, t),
          average: formatAverage(value.average, locale),
        }),
      });
    });
    return { legend: trait.label, data, gaps };
  });
}

/** Room one week label ("Sep 28") needs on the axis, with a gap to the next. */
const TICK_SPACING_PX = 64;
/** What the y axis and its title take from the chart's width. */
const Y_AXIS_PX = 80;

/**
 * One tick per week's Monday, thinned to what the width can show apart (a phone shows a few, a
 * wide screen up to 13), always keeping the latest week.
 */
function weekTicks(weeks: TrustWeek[], width: number): Date[] {
  const room = Math.max(2, Math.floor((width - Y_AXIS_PX) / TICK_SPACING_PX));
  const step = Math.ceil(weeks.length / Math.min(13, room));
  return weeks
    .map((w) => isoWeekStart(w.week))
    .filter((d, i): d is Date => d !== undefined && (weeks.length - 1 - i) % step === 0);
}

/** The element's width, following resizes (a rotated phone, a resized side panel). */
function useWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export default function TrustChart({ weeks, locale }: { weeks: TrustWeek[]; locale: string }) {
  const styles = useStyles();
  const t = useT();
  const [ref, width] = useWidth();
  const legendsLabel = t('tab.health.legends');
  // The chart library names its legend list "Legends" in English, with no prop to change it; the
  // attribute is static in its markup, so React leaves the translated one in place.
  useEffect(() => {
    document
      .querySelectorAll('[data-testid=trust-chart] [role=listbox][aria-label="Legends"]')
      .forEach((list) => list.setAttribute('aria-label', legendsLabel));
  });
  return (
    <div className={styles.root} data-testid="trust-chart" ref={ref}>
      <LineChart
        data={{
          chartTitle: t('tab.health.chartTitle'),
          lineChartData: toLines(weeks, locale, t),
        }}
        height={300}
        yMinValue={1}
        yMaxValue={5}
        yAxisTickValues={[1, 2, 3, 4, 5]}
        tickValues={weekTicks(weeks, width)}
        customDateTimeFormatter={(date) => formatShortDate(date, locale)}
        useUTC
        culture={locale}
        yAxisTitle={t('tab.health.chartAxis')}
        legendProps={{ allowFocusOnLegends: true, enabledWrapLines: true }}
      />
    </div>
  );
}
