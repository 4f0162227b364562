/**
 * Public door of the metrics library: DORA and issue metrics over the domain tables, and the
 * refresh of the derived tables (spec metrics.md). Services only; the host serves the routes.
 */
export { DORA_PROVIDERS } from './dora.providers';
export { DORA_CLOCK, systemClock } from './clock';
export type { DoraClock } from './clock';
export { DORA_TRANSACTION_RUNNER } from './transaction-runner';
export type { DoraTransactionRunner } from './transaction-runner';
export { DoraMetricsService } from './dora/dora-metrics.service';
export type { DoraMetrics } from './dora/dora-metrics.service';
export { DORA_REPORTS } from './dora/dora-levels';
export type { DoraReport } from './dora/dora-levels';
export { IssueMetricsService } from './issues/issue-metrics.service';
export type { IssueMetrics } from './issues/issue-metrics.service';
export { DoraRefreshService } from './derived/dora-refresh.service';
export type { ApplyOptions, ProjectRefreshSummary } from './derived/dora-refresh.service';
export { MetricScopeService } from './scope/metric-scope.service';
export type { MetricScope } from './scope/metric-scope';
export type { MetricsWindow } from './common/metrics-window';
export type { Level, MetricResult, SeriesPoint } from './common/metric-result';
export { createStandaloneRefresh } from './standalone';
export { DERIVED_CHANGE, mergedChange, withDerivedChange } from './derived/derived-change';
export type { ChangedCommitRow, DerivedChange } from './derived/derived-change';
