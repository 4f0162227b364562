import { monthLabel } from '../common/calendar';
import { MetricResult, monthlySeries, NO_DATA } from '../common/metric-result';
import { Outstanding, RequirementMonth, ResolvedMonth } from './issue-metrics.repository';

export const NA_COMMITS = 'N/A. Please check if you have collected commits.';
const MINUTES_PER_DAY = 1440;
const MILLIS_PER_DAY = 86_400_000;

type IssueMetric<D> = MetricResult<D>;

/** Issue metrics have no level, label or benchmark (spec metrics.md §7). */
function issueMetric<D>(metric: string, unit: string, value: number | null, naReason: string | null, details: D, monthly: IssueMetric<D>['series']['monthly']): IssueMetric<D> {
  return { metric, value, unit, level: null, label: null, benchmark: null, naReason, details, series: { monthly } };
}

const sum = <T>(items: readonly T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);
const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

export function requirementDeliveryRate(windowMonths: readonly string[], months: readonly RequirementMonth[]) {
  const requirements = sum(months, (m) => m.requirements);
  const delivered = sum(months, (m) => m.delivered);
  const value = ratio(delivered, requirements);
  const monthly = new Map(months.map((m) => [m.month, ratio(m.delivered, m.requirements)]));
  return issueMetric('requirementDeliveryRate', 'ratio', value, value === null ? NO_DATA : null, { requirements, delivered }, monthlySeries(windowMonths, monthly, null, monthLabel));
}

/** Average story point; a missing one is stored as 0 by the webhook and counts (Q12). */
export function requirementGranularity(windowMonths: readonly string[], months: readonly RequirementMonth[]) {
  const requirements = sum(months, (m) => m.requirements);
  const value = ratio(sum(months, (m) => m.pointsSum), sum(months, (m) => m.pointed));
  const monthly = new Map(months.map((m) => [m.month, ratio(m.pointsSum, m.pointed)]));
  return issueMetric('requirementGranularity', 'story_points', value, value === null ? NO_DATA : null, { requirements }, monthlySeries(windowMonths, monthly, null, monthLabel));
}

export interface IssueAgeInput {
  windowMonths: readonly string[];
  resolved: readonly ResolvedMonth[];
  allHistoryMedianMinutes: number | null;
  outstanding: Outstanding;
}

/** Bug age or incident age: mean lead time in days of the DONE issues resolved in the window. */
export function issueAge(kind: 'bug' | 'incident', input: IssueAgeInput) {
  const days = (leadSum: number, leadCount: number) => (leadCount > 0 ? leadSum / leadCount / MINUTES_PER_DAY : null);
  const value = days(sum(input.resolved, (m) => m.leadSum), sum(input.resolved, (m) => m.leadCount));
  const monthly = new Map(input.resolved.map((m) => [m.month, days(m.leadSum, m.leadCount)]));
  const median = input.allHistoryMedianMinutes === null ? null : input.allHistoryMedianMinutes / MINUTES_PER_DAY;
  const averageAge = input.outstanding.dated > 0 ? input.outstanding.ageMillisSum / input.outstanding.dated / MILLIS_PER_DAY : null;
  const details =
    kind === 'bug'
      ? { bugs: sum(input.resolved, (m) => m.issues), allHistoryMedianDays: median, outstandingBugs: input.outstanding.issues, outstandingAverageAgeDays: averageAge }
      : { incidents: sum(input.resolved, (m) => m.issues), allHistoryMedianDays: median, outstandingIncidents: input.outstanding.issues, outstandingAverageAgeDays: averageAge };
  return issueMetric(`${kind}Age`, 'days', value, value === null ? NO_DATA : null, details, monthlySeries(input.windowMonths, monthly, null, monthLabel));
}

export interface PerKiloLinesInput {
  createdByMonth: ReadonlyMap<string, number>;
  /** NULL when the scope has no commit rows at all (Q20). */
  linesByMonth: ReadonlyMap<string, number> | null;
}

/**
 * Issues created in the window per 1000 lines changed by the scope's commits authored in it.
 * Monthly: only months with an issue and a non-zero line count (the others are omitted).
 */
export function perKiloLines(kind: 'bug' | 'incident', input: PerKiloLinesInput) {
  const issues = [...input.createdByMonth.values()].reduce((total, n) => total + n, 0);
  const lines = input.linesByMonth ? [...input.linesByMonth.values()].reduce((total, n) => total + n, 0) : 0;
  const counts = kind === 'bug' ? { bugs: issues, lines } : { incidents: issues, lines };
  const metric = `${kind}CountPer1kLines`;
  if (!input.linesByMonth) return issueMetric(metric, 'per_1k_lines', null, NA_COMMITS, counts, []);
  const monthly = [...input.createdByMonth]
    .filter(([month, n]) => n > 0 && (input.linesByMonth!.get(month) ?? 0) > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, n]) => ({ bucket: monthLabel(month), value: (n * 1000) / input.linesByMonth!.get(month)! }));
  const value = lines > 0 ? (issues * 1000) / lines : null;
  return issueMetric(metric, 'per_1k_lines', value, value === null ? NO_DATA : null, counts, monthly);
}
