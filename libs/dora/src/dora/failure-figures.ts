import { utcDay } from '../common/calendar';
import { lowerMedian } from '../common/medians';
import { MetricsWindow } from '../common/metrics-window';

/** An incident blamed on a deployment (a relationship row, or one computed for a connection). */
export interface LinkedIncident {
  incidentId: string;
  deploymentId: string;
  resolvedAt: Date | null;
}

export interface FailureFigures {
  /** B2 deployments named by at least one link (§5.3), by month of their finish. */
  failedByMonth: Map<string, number>;
  /** Links naming a B2 deployment: the detail panel's incident count (Q6). */
  linkedIncidents: number;
  /** §5.4 pairs: truncated minutes from the deployment's B1 finish to the resolution (B6; may be negative, Q8). */
  pairs: number;
  negativeRecoveries: number;
  medianRecoveryMinutes: number | null;
  /** B3 per month of the deployment's finish. */
  monthlyMedianRecoveryMinutes: Map<string, number | null>;
}

const inWindow = (instant: Date, window: MetricsWindow) => instant >= window.from && instant <= window.to;
const monthOf = (instant: Date) => utcDay(instant).slice(0, 7);

/**
 * CFR's failed deployments and FDRT's pairs from the links and the B1 finish of each linked
 * deployment (`finishes`; a deployment without qualifying rows has none and never counts).
 */
export function failureFigures(
  links: readonly LinkedIncident[],
  finishes: ReadonlyMap<string, Date>,
  window: MetricsWindow,
): FailureFigures {
  const failed = new Set<string>();
  let linkedIncidents = 0;
  const recoveries: Array<{ month: string; minutes: number }> = [];
  for (const link of links) {
    const finish = finishes.get(link.deploymentId);
    if (!finish || !inWindow(finish, window)) continue;
    failed.add(link.deploymentId);
    linkedIncidents += 1;
    if (link.resolvedAt && inWindow(link.resolvedAt, window)) {
      // `|| 0` turns a truncated −0 into 0.
      recoveries.push({ month: monthOf(finish), minutes: Math.trunc((link.resolvedAt.getTime() - finish.getTime()) / 60_000) || 0 });
    }
  }
  const failedByMonth = new Map<string, number>();
  for (const deploymentId of failed) {
    const month = monthOf(finishes.get(deploymentId)!);
    failedByMonth.set(month, (failedByMonth.get(month) ?? 0) + 1);
  }
  const byMonth = new Map<string, number[]>();
  for (const { month, minutes } of recoveries) byMonth.set(month, [...(byMonth.get(month) ?? []), minutes]);
  return {
    failedByMonth,
    linkedIncidents,
    pairs: recoveries.length,
    negativeRecoveries: recoveries.filter((recovery) => recovery.minutes < 0).length,
    medianRecoveryMinutes: lowerMedian(recoveries.map((recovery) => recovery.minutes)),
    monthlyMedianRecoveryMinutes: new Map([...byMonth].map(([month, minutes]) => [month, lowerMedian(minutes)])),
  };
}
