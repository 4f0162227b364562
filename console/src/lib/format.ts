import type { Level, MetricResult } from './metrics-types';

const LEVEL_TEXT: Record<Level, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

/** The level as words, for the badge beside its colour. */
export function levelText(level: Level | null): string {
  return level ? LEVEL_TEXT[level] : 'No level';
}

/** CSS class of the badge; the colour always comes with {@link levelText}. */
export function levelClass(level: Level | null): string {
  return `level level-${level ?? 'none'}`;
}

export const METRIC_TITLES: Record<string, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTimeForChanges: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  failedDeploymentRecoveryTime: 'Failed deployment recovery time',
  timeToRestoreService: 'Time to restore service',
  requirementDeliveryRate: 'Requirement delivery rate',
  requirementGranularity: 'Requirement granularity',
  bugAge: 'Bug age',
  incidentAge: 'Incident age',
  bugCountPer1kLines: 'Bugs per 1k lines',
  incidentCountPer1kLines: 'Incidents per 1k lines',
};

export function metricTitle(key: string): string {
  return METRIC_TITLES[key] ?? key;
}

const UNIT_TEXT: Record<string, string> = {
  days_per_week: 'deployment days per week',
  days_per_month: 'deployment days per month',
  days_per_six_months: 'deployment days per six months',
  per_1k_lines: 'per 1k lines',
  story_points: 'story points',
  days: 'days',
};

/** A number with at most `digits` decimals and no trailing zeros: 2.50 → "2.5". */
export function trimNumber(value: number, digits = 1): string {
  return String(Number(value.toFixed(digits)));
}

/** Minutes as the largest sensible unit: 45 → "45 minutes", 90 → "1.5 hours", 4320 → "3 days". */
export function formatMinutes(minutes: number): string {
  if (Math.abs(minutes) < 60) return `${trimNumber(minutes)} ${plural(minutes, 'minute')}`;
  if (Math.abs(minutes) < 1440) return `${trimNumber(minutes / 60)} ${plural(minutes / 60, 'hour')}`;
  return `${trimNumber(minutes / 1440)} ${plural(minutes / 1440, 'day')}`;
}

function plural(value: number, word: string): string {
  return Number(trimNumber(value)) === 1 ? word : `${word}s`;
}

/** The tile's headline: value with its unit, or why there is none. */
export function formatMetricValue(metric: Pick<MetricResult, 'value' | 'unit' | 'naReason'>): string {
  const { value, unit } = metric;
  if (value === null) return metric.naReason ?? 'No data';
  switch (unit) {
    case 'minutes':
      return formatMinutes(value);
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    default:
      return unit && UNIT_TEXT[unit] ? `${trimNumber(value, 2)} ${UNIT_TEXT[unit]}` : trimNumber(value, 2);
  }
}

/** A series value as the chart's bar label (series use DevLake's panel units: hours for durations). */
export function formatSeriesValue(value: number | null, unit: string | null): string {
  if (value === null) return 'no data';
  return unit === 'ratio' ? `${(value * 100).toFixed(1)}%` : trimNumber(value, 2);
}

/** `YYYY-MM-DD` of an ISO instant, for the date pickers. */
export function isoDate(iso: string): string {
  return iso.slice(0, 10);
}

/** The unit of a metric's series values: durations are charted in hours, as DevLake's panels do. */
export function seriesUnitText(metric: Pick<MetricResult, 'metric' | 'unit'>, series: string): string {
  if (metric.metric === 'deploymentFrequency') return series === 'monthlyDeployments' ? 'deployments' : 'deployment days';
  if (metric.unit === 'minutes') return 'hours';
  if (metric.unit === 'ratio') return 'percent';
  return metric.unit ? (UNIT_TEXT[metric.unit] ?? metric.unit) : '';
}
