import { monthLabel } from '../common/calendar';
import { MetricResult, monthlySeries, NO_DATA } from '../common/metric-result';
import { benchmarkText, DoraReport, hoursText, recoveryLevel } from './dora-levels';
import { FailureFigures } from './failure-figures';

export interface RecoveryTimeDetails {
  deployments: number;
  pairs: number;
  negativeRecoveries: number;
}

export interface RecoveryTimeInput {
  windowMonths: readonly string[];
  /** B2 deployments in the window. */
  deployments: number;
  scopeHasIncidents: boolean;
  figures: Pick<FailureFigures, 'pairs' | 'negativeRecoveries' | 'medianRecoveryMinutes' | 'monthlyMedianRecoveryMinutes'>;
}

const toHours = (medians: ReadonlyMap<string, number | null>) =>
  new Map([...medians].map(([month, minutes]) => [month, minutes === null ? null : minutes / 60]));

function labelled(level: ReturnType<typeof recoveryLevel>, minutes: number | null, naReason: string | null): string | null {
  return minutes === null || level === null ? naReason : `${hoursText(minutes)}(${level})`;
}

/** §5.4, failed deployment recovery time (report 2023). Negative recoveries stay in (Q8). */
export function failedDeploymentRecoveryTime(input: RecoveryTimeInput): MetricResult<RecoveryTimeDetails> {
  const naReason = recoveryNotAvailable(input);
  const value = naReason ? null : input.figures.medianRecoveryMinutes;
  const level = recoveryLevel(value);
  // Deployments but no incident: DevLake's panel has no row to show, Grafana prints `No data` (issue 12, item 11).
  const panelText = input.deployments > 0 && !input.scopeHasIncidents ? NO_DATA : naReason;
  return {
    metric: 'failedDeploymentRecoveryTime',
    value,
    unit: 'minutes',
    level,
    label: labelled(level, value, panelText),
    benchmark: benchmarkText('recovery', '2023', level),
    naReason,
    details: { deployments: input.deployments, pairs: input.figures.pairs, negativeRecoveries: input.figures.negativeRecoveries },
    series: { monthly: monthlySeries(input.windowMonths, toHours(input.figures.monthlyMedianRecoveryMinutes), 0, monthLabel) },
  };
}

function recoveryNotAvailable(input: RecoveryTimeInput): string | null {
  if (input.deployments === 0 && !input.scopeHasIncidents) {
    return 'N/A. Please check if you have collected deployments and incidents.';
  }
  if (input.deployments === 0) return 'N/A. Please check if you have collected deployments.';
  if (!input.scopeHasIncidents) return 'N/A. Please check if you have collected incidents.';
  if (input.figures.pairs === 0) return NO_DATA;
  return null;
}

export interface TimeToRestoreDetails {
  /** Kept for compatibility: the same count as `resolvedIncidents`. */
  incidents: number;
  /** Incidents resolved in the window (distinct on id and lead time): the ones the median is over. */
  resolvedIncidents: number;
  /** Incidents created in the window: DevLake's "Incident Count" panel. */
  createdIncidents: number;
}

export interface TimeToRestoreInput {
  windowMonths: readonly string[];
  /** Incidents resolved in the window, distinct on (id, lead time). */
  incidents: number;
  /** Incidents created in the window. */
  createdIncidents: number;
  /** B3 of their lead times (NULLs first, Q10), and per whole month of resolution over non-NULL ones. */
  medianMinutes: number | null;
  monthlyMedianMinutes: ReadonlyMap<string, number | null>;
}

/** §5.5, median time to restore service (report 2021). */
export function timeToRestoreService(input: TimeToRestoreInput, report: DoraReport = '2021'): MetricResult<TimeToRestoreDetails> {
  const value = input.medianMinutes;
  const level = recoveryLevel(value);
  const naReason = value === null ? 'N/A. Please check if you have collected incidents.' : null;
  return {
    metric: 'timeToRestoreService',
    value,
    unit: 'minutes',
    level,
    label: labelled(level, value, naReason),
    benchmark: benchmarkText('recovery', report, level),
    naReason,
    details: { incidents: input.incidents, resolvedIncidents: input.incidents, createdIncidents: input.createdIncidents },
    series: { monthly: monthlySeries(input.windowMonths, toHours(input.monthlyMedianMinutes), 0, monthLabel) },
  };
}
