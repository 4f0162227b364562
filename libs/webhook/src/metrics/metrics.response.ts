import { DoraMetrics, DoraReport, IssueMetrics, MetricScope, MetricsWindow } from '@app/dora';
import { formatIsoMillis } from '../common/time';

type ScopeResponse = { project: string } | { connectionId: number };

function scopeOf(scope: MetricScope): ScopeResponse {
  return scope.kind === 'project' ? { project: scope.projectName } : { connectionId: scope.connectionId };
}

/** `data` of the DORA routes (spec metrics.md §1), keys in the spec's order. */
export function toDoraResponse(scope: MetricScope, report: DoraReport, window: MetricsWindow, metrics: DoraMetrics) {
  return { scope: scopeOf(scope), report, from: formatIsoMillis(window.from), to: formatIsoMillis(window.to), metrics };
}

/** `data` of the issue-metrics routes. */
export function toIssueMetricsResponse(scope: MetricScope, window: MetricsWindow, metrics: IssueMetrics) {
  return { scope: scopeOf(scope), from: formatIsoMillis(window.from), to: formatIsoMillis(window.to), metrics };
}
