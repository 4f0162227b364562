export type Level = 'elite' | 'high' | 'medium' | 'low';

export interface SeriesPoint {
  bucket: string;
  value: number | null;
}

export interface MonthlySeries {
  monthly: SeriesPoint[];
}

/** One metric of a response, keys in the order of spec metrics.md §1. */
export interface MetricResult<D, S = MonthlySeries> {
  metric: string;
  value: number | null;
  unit: string | null;
  level: Level | null;
  label: string | null;
  benchmark: string | null;
  naReason: string | null;
  details: D;
  series: S;
}

export const NO_DATA = 'No data';

/** A monthly series over `monthKeys` (ascending), `empty` where `values` has no entry. */
export function monthlySeries(
  monthKeys: readonly string[],
  values: ReadonlyMap<string, number | null>,
  empty: number | null,
  label: (monthKey: string) => string,
): SeriesPoint[] {
  return monthKeys.map((key) => ({ bucket: label(key), value: values.has(key) ? (values.get(key) ?? null) : empty }));
}
