import { monthLabel, utcDay } from '../common/calendar';
import { lowerMedian } from '../common/medians';
import { MetricResult, monthlySeries } from '../common/metric-result';
import { benchmarkText, DoraReport, hoursText, leadTimeLevel } from './dora-levels';

const NA_LEAD_TIME = 'N/A. Please check if you have collected deployments/pull_requests.';

/** A merged PR with its cycle time, and the finish of the deployment commit row it is linked to. */
export interface LeadTimeCandidate {
  pullRequestId: string;
  cycleTimeMinutes: number;
  deployedAt: Date;
}

/**
 * §5.2: candidates whose linked row finished in the window, de-duplicated on (PR id, cycle time);
 * value = B3 of the cycle times; monthly by that finish, in hours, 0 for an empty month.
 */
export function leadTimeForChanges(
  report: DoraReport,
  windowMonths: readonly string[],
  inWindow: readonly LeadTimeCandidate[],
): MetricResult<{ pullRequests: number }> {
  const unique = new Map<string, LeadTimeCandidate>();
  for (const candidate of inWindow) {
    const key = JSON.stringify([candidate.pullRequestId, candidate.cycleTimeMinutes]);
    if (!unique.has(key)) unique.set(key, candidate);
  }
  const kept = [...unique.values()];
  const value = lowerMedian(kept.map((candidate) => candidate.cycleTimeMinutes));
  const level = leadTimeLevel(report, value);
  const byMonth = new Map<string, number[]>();
  for (const candidate of kept) {
    const month = utcDay(candidate.deployedAt).slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), candidate.cycleTimeMinutes]);
  }
  const monthlyHours = new Map([...byMonth].map(([month, minutes]) => [month, (lowerMedian(minutes) ?? 0) / 60]));
  return {
    metric: 'leadTimeForChanges',
    value,
    unit: 'minutes',
    level,
    label: value === null || level === null ? NA_LEAD_TIME : `${hoursText(value)}(${level})`,
    benchmark: benchmarkText('leadTimeForChanges', report, level),
    naReason: value === null ? NA_LEAD_TIME : null,
    details: { pullRequests: kept.length },
    series: { monthly: monthlySeries(windowMonths, monthlyHours, 0, monthLabel) },
  };
}
