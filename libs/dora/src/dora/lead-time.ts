import { monthLabel, utcDay } from '../common/calendar';
import { lowerMedian } from '../common/medians';
import { MetricResult, monthlySeries } from '../common/metric-result';
import { benchmarkText, DoraReport, hoursText, leadTimeLevel } from './dora-levels';

const NA_LEAD_TIME = 'N/A. Please check if you have collected deployments/pull_requests.';
export const NA_FIRST_DEPLOYMENT =
  'N/A. The pull requests deployed in the window were shipped by the first successful deployment of their ' +
  'repository and environment: lead time needs a previous successful deployment of the same repository and environment.';

/** A merged PR with its cycle time, and the finish of the deployment commit row it is linked to. */
export interface LeadTimeCandidate {
  pullRequestId: string;
  cycleTimeMinutes: number;
  deployedAt: Date;
}

/**
 * §5.2: candidates whose linked row finished in the window, de-duplicated on (PR id, cycle time);
 * value = B3 of the cycle times; monthly by that finish, in hours, 0 for an empty month.
 * `firstDeploymentsShippedPullRequests`: PRs deployed in the window by a chain's first successful row.
 */
export function leadTimeForChanges(
  report: DoraReport,
  windowMonths: readonly string[],
  inWindow: readonly LeadTimeCandidate[],
  firstDeploymentsShippedPullRequests = false,
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
    // The label stays DevLake's text; naReason says why when the PRs came with a chain's first deployment (issue 12, item 15).
    naReason: value === null ? (firstDeploymentsShippedPullRequests ? NA_FIRST_DEPLOYMENT : NA_LEAD_TIME) : null,
    details: { pullRequests: kept.length },
    series: { monthly: monthlySeries(windowMonths, monthlyHours, 0, monthLabel) },
  };
}
