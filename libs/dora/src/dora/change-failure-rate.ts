import { monthLabel } from '../common/calendar';
import { MetricResult, monthlySeries } from '../common/metric-result';
import { benchmarkText, changeFailureLevel, DoraReport, percentText, roundedRatio } from './dora-levels';

const NA_DEPLOYMENTS_INCIDENTS = 'N/A. Please check if you have collected deployments/incidents.';
const NA_INCIDENTS = 'N/A. Please check if you have collected incidents.';
const NA_DEPLOYMENTS = 'N/A. Please check if you have collected deployments.';

export interface ChangeFailureDetails {
  deployments: number;
  failedDeployments: number;
  incidents: number;
}

export interface ChangeFailureInput {
  report: DoraReport;
  windowMonths: readonly string[];
  /** B2 deployments and the failed ones among them, by month of their finish. */
  deploymentsByMonth: ReadonlyMap<string, number>;
  failedByMonth: ReadonlyMap<string, number>;
  /** Incidents linked to B2 deployments (the detail panel's count, Q6). */
  linkedIncidents: number;
  /** "Collected" guards, evaluated in the scope (Q14). */
  scopeHasIncidents: boolean;
  scopeHasDeploymentRows: boolean;
}

const total = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);

/**
 * §5.3: failed ÷ deployments, rounded to 4 decimals before the level is chosen (Q7). Deployments
 * in the window but no incident in the scope: DevLake's panel shows `0.0%(elite)`, so the value is
 * served and `naReason` still says that no incident was collected (issue 12, item 11).
 */
export function changeFailureRate(input: ChangeFailureInput): MetricResult<ChangeFailureDetails> {
  const deployments = total(input.deploymentsByMonth);
  const failed = total(input.failedByMonth);
  const naReason = notAvailableReason(input, deployments);
  const servedWithoutIncidents = deployments > 0 && !input.scopeHasIncidents;
  const value = naReason && !servedWithoutIncidents ? null : roundedRatio(failed, deployments);
  const level = changeFailureLevel(input.report, value);
  const monthly = new Map<string, number>();
  for (const [month, count] of input.deploymentsByMonth) {
    if (count > 0) monthly.set(month, roundedRatio(input.failedByMonth.get(month) ?? 0, count));
  }
  return {
    metric: 'changeFailureRate',
    value,
    unit: 'ratio',
    level,
    label: value === null ? naReason : `${percentText(value)}(${level})`,
    benchmark: benchmarkText('changeFailureRate', input.report, level),
    naReason,
    details: { deployments, failedDeployments: failed, incidents: input.linkedIncidents },
    series: { monthly: monthlySeries(input.windowMonths, monthly, null, monthLabel) },
  };
}

function notAvailableReason(input: ChangeFailureInput, deployments: number): string | null {
  if (!input.scopeHasIncidents && !input.scopeHasDeploymentRows) return NA_DEPLOYMENTS_INCIDENTS;
  if (!input.scopeHasIncidents) return NA_INCIDENTS;
  if (!input.scopeHasDeploymentRows) return NA_DEPLOYMENTS;
  if (deployments === 0) return NA_DEPLOYMENTS_INCIDENTS;
  return null;
}
