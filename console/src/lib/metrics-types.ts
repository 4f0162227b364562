/** The shapes of the metrics routes (spec metrics.md §1) that the console reads. */
export type Level = 'elite' | 'high' | 'medium' | 'low';

export interface SeriesPoint {
  bucket: string;
  value: number | null;
}

export interface MetricResult {
  metric: string;
  value: number | null;
  unit: string | null;
  level: Level | null;
  label: string | null;
  benchmark: string | null;
  naReason: string | null;
  details: Record<string, unknown>;
  series: Record<string, SeriesPoint[]>;
}

export interface MetricsReport {
  scope: { project: string } | { connectionId: number };
  report?: '2021' | '2023';
  from: string;
  to: string;
  metrics: Record<string, MetricResult>;
}
