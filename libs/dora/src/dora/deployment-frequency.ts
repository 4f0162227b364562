import { DAY_MS, monthKeyOfDay, monthLabel, utcDay, weekOfDay } from '../common/calendar';
import { lowerMedian, strictUpperMedian } from '../common/medians';
import { Level, MetricResult, monthlySeries, SeriesPoint } from '../common/metric-result';
import { MetricsWindow } from '../common/metrics-window';
import { benchmarkText, DoraReport } from './dora-levels';

export const DF_NOT_AVAILABLE = 'N/A. Please check if you have collected deployments.';
const CALENDAR_DAYS = 400;

export interface DeploymentFrequencyDetails {
  weeklyMedian: number | null;
  monthlyMedian: number | null;
  sixMonthMedian: number | null;
  deploymentDays: number;
  deployments: number;
}

export interface DeploymentFrequencySeries {
  weekly: SeriesPoint[];
  monthly: SeriesPoint[];
  monthlyDeployments: SeriesPoint[];
}

export type DeploymentFrequencyResult = MetricResult<DeploymentFrequencyDetails, DeploymentFrequencySeries>;

export interface DeploymentFrequencyInput {
  report: DoraReport;
  window: MetricsWindow;
  /** UTC days on which at least one B1 deployment finished (any days; the calendar filters). */
  deploymentDays: ReadonlySet<string>;
  /** Month keys of the window and the B2 deployments finishing in each. */
  windowMonths: readonly string[];
  deploymentsByMonth: ReadonlyMap<string, number>;
}

/**
 * §5.1 step 1: the UTC dates of `to − n days` for n = 0 … 399 that are strictly after `from` (full
 * instant, Q3), ascending.
 */
export function deploymentCalendar(window: MetricsWindow): string[] {
  const days: string[] = [];
  for (let n = 0; n < CALENDAR_DAYS; n++) {
    const instant = window.to.getTime() - n * DAY_MS;
    if (instant > window.from.getTime()) days.push(utcDay(new Date(instant)));
  }
  return days.reverse();
}

/** Distinct deployment days per bucket, every bucket of the calendar present (edge ones partial). */
function countPerBucket(calendar: readonly string[], deploymentDays: ReadonlySet<string>, bucketOf: (day: string) => string) {
  const counts = new Map<string, number>();
  for (const day of calendar) {
    const bucket = bucketOf(day);
    counts.set(bucket, (counts.get(bucket) ?? 0) + (deploymentDays.has(day) ? 1 : 0));
  }
  return counts;
}

/**
 * §5.1 step 5: for each calendar month (ascending) the sum of it and up to five preceding months;
 * inside each ⌊year / 6⌋ partition the months are numbered from the latest (1) and the sums of
 * months 1, 7, 13, … are kept (blocks of two partitions may overlap: DevLake's behaviour, Q2).
 */
export function keptSixMonthSums(monthlyCounts: ReadonlyMap<string, number>): number[] {
  const months = [...monthlyCounts.keys()].sort();
  const counts = months.map((month) => monthlyCounts.get(month) ?? 0);
  const partitionOf = (month: string) => Math.floor(Number(month.slice(0, 4)) / 6);
  const kept: number[] = [];
  months.forEach((month, index) => {
    const laterInPartition = months.slice(index + 1).filter((later) => partitionOf(later) === partitionOf(month)).length;
    if (laterInPartition % 6 !== 0) return;
    kept.push(counts.slice(Math.max(0, index - 5), index + 1).reduce((sum, count) => sum + count, 0));
  });
  return kept;
}

interface Chosen {
  level: Level;
  value: number;
  per: 'week' | 'month' | 'six months';
}

/** §5.1 step 7, top to bottom; a NULL never passes (B5). */
function chooseLevel(report: DoraReport, w: number | null, m: number | null, s: number | null): Chosen | null {
  const atLeast = (value: number | null, bound: number) => value !== null && value >= bound;
  const collected = s !== null;
  if (atLeast(w, 5)) return { level: 'elite', value: w!, per: 'week' };
  if (report === '2023') {
    if (atLeast(w, 1)) return { level: 'high', value: w!, per: 'week' };
    if (atLeast(m, 1)) return { level: 'medium', value: m!, per: 'month' };
    if (m !== null && m < 1 && collected) return { level: 'low', value: m, per: 'month' };
    return null;
  }
  if (atLeast(m, 1)) return { level: 'high', value: m!, per: 'month' };
  if (atLeast(s, 1)) return { level: 'medium', value: s!, per: 'six months' };
  if (s !== null && s < 1) return { level: 'low', value: s, per: 'six months' };
  return null;
}

const UNITS = { week: 'days_per_week', month: 'days_per_month', 'six months': 'days_per_six_months' } as const;

export function deploymentFrequency(input: DeploymentFrequencyInput): DeploymentFrequencyResult {
  const calendar = deploymentCalendar(input.window);
  const weekly = countPerBucket(calendar, input.deploymentDays, weekOfDay);
  const monthly = countPerBucket(calendar, input.deploymentDays, monthKeyOfDay);
  const w = lowerMedian([...weekly.values()]);
  const m = lowerMedian([...monthly.values()]);
  const s = strictUpperMedian(keptSixMonthSums(monthly));
  const chosen = chooseLevel(input.report, w, m, s);
  const label = chosen ? `${chosen.value} deployment days per ${chosen.per}(${chosen.level})` : DF_NOT_AVAILABLE;
  return {
    metric: 'deploymentFrequency',
    value: chosen?.value ?? null,
    unit: chosen ? UNITS[chosen.per] : null,
    level: chosen?.level ?? null,
    label,
    benchmark: benchmarkText('deploymentFrequency', input.report, chosen?.level ?? null),
    naReason: chosen ? null : DF_NOT_AVAILABLE,
    details: {
      weeklyMedian: w,
      monthlyMedian: m,
      sixMonthMedian: s,
      deploymentDays: calendar.filter((day) => input.deploymentDays.has(day)).length,
      deployments: [...input.deploymentsByMonth.values()].reduce((sum, count) => sum + count, 0),
    },
    series: {
      weekly: [...weekly].map(([bucket, value]) => ({ bucket, value })),
      monthly: [...monthly].map(([month, value]) => ({ bucket: monthLabel(month), value })),
      monthlyDeployments: monthlySeries(input.windowMonths, input.deploymentsByMonth, 0, monthLabel),
    },
  };
}
