import { Inject, Injectable } from '@nestjs/common';
import { DORA_CLOCK, DoraClock } from '../clock';
import { DAY_MS, monthKeyOfDay, monthKeysBetween } from '../common/calendar';
import { MetricResult } from '../common/metric-result';
import { MetricsWindow, resolveWindow } from '../common/metrics-window';
import { DoraRefreshService } from '../derived/dora-refresh.service';
import { MetricScope } from '../scope/metric-scope';
import { ChangeFailureDetails, changeFailureRate } from './change-failure-rate';
import { deploymentCalendar, deploymentFrequency, DeploymentFrequencyResult } from './deployment-frequency';
import { DoraReport } from './dora-levels';
import { DeploymentDaysRepository } from './deployment-days.repository';
import { DoraRepository } from './dora.repository';
import { failureFigures } from './failure-figures';
import { LeadTimeCandidate, leadTimeForChanges } from './lead-time';
import { failedDeploymentRecoveryTime, RecoveryTimeDetails, TimeToRestoreDetails, timeToRestoreService } from './recovery-metrics';

export interface DoraMetrics {
  deploymentFrequency: DeploymentFrequencyResult;
  leadTimeForChanges: MetricResult<{ pullRequests: number }>;
  changeFailureRate: MetricResult<ChangeFailureDetails>;
  /** Report 2023. */
  failedDeploymentRecoveryTime?: MetricResult<RecoveryTimeDetails>;
  /** Report 2021. */
  timeToRestoreService?: MetricResult<TimeToRestoreDetails>;
}

const addTo = (counts: Map<string, number>, key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);

/** The four DORA metrics of spec metrics.md §5 for a project or a connection. */
@Injectable()
export class DoraMetricsService {
  constructor(
    private readonly repository: DoraRepository,
    private readonly deployments: DeploymentDaysRepository,
    private readonly refresh: DoraRefreshService,
    @Inject(DORA_CLOCK) private readonly clock: DoraClock,
  ) {}

  /** `[from, to]` with the defaults of §1: `to` = now, `from` = `to` − 6 calendar months. */
  window(from?: Date, to?: Date): MetricsWindow {
    return resolveWindow(this.clock.now(), from, to);
  }

  async metrics(scope: MetricScope, report: DoraReport, window: MetricsWindow): Promise<DoraMetrics> {
    const windowMonths = monthKeysBetween(window.from, window.to);
    const [days, failures, hasIncidents, hasDeploymentRows, candidates] = await Promise.all([
      this.deploymentDays(scope, window),
      this.failures(scope, window),
      this.repository.scopeHasIncidents(scope.ids),
      this.repository.scopeHasDeploymentRows(scope.ids),
      this.leadTimeCandidates(scope, window),
    ]);
    // Only asked when lead time has no value: it decides which N/A explanation to give.
    const shippedByFirstDeployments =
      candidates.length === 0 && (await this.repository.firstDeploymentsShippedPullRequests(scope.ids, window));
    const metrics: DoraMetrics = {
      deploymentFrequency: deploymentFrequency({ report, window, ...days, windowMonths }),
      leadTimeForChanges: leadTimeForChanges(report, windowMonths, candidates, shippedByFirstDeployments),
      changeFailureRate: changeFailureRate({
        report,
        windowMonths,
        deploymentsByMonth: days.deploymentsByMonth,
        failedByMonth: failures.failedByMonth,
        linkedIncidents: failures.linkedIncidents,
        scopeHasIncidents: hasIncidents,
        scopeHasDeploymentRows: hasDeploymentRows,
      }),
    };
    if (report === '2023') {
      metrics.failedDeploymentRecoveryTime = failedDeploymentRecoveryTime({
        windowMonths,
        deployments: days.deployments,
        scopeHasIncidents: hasIncidents,
        figures: failures,
      });
    } else {
      const [restore, createdIncidents] = await Promise.all([
        this.repository.restoreTimes(scope.ids, window),
        this.repository.incidentsCreated(scope.ids, window),
      ]);
      metrics.timeToRestoreService = timeToRestoreService({
        windowMonths,
        incidents: restore.count,
        createdIncidents,
        medianMinutes: restore.median,
        monthlyMedianMinutes: restore.monthly,
      });
    }
    return metrics;
  }

  /** Project: its persisted links. Connection: computed now, never stored (§4.5). Then their B1 finishes. */
  private async failures(scope: MetricScope, window: MetricsWindow) {
    const links =
      scope.kind === 'project'
        ? await this.repository.persistedLinks(scope.projectName)
        : await this.refresh.computeIncidentLinks(scope.ids);
    const deploymentIds = [...new Set(links.map((link) => link.deploymentId))];
    return failureFigures(links, await this.repository.deploymentFinishes(scope.ids, deploymentIds), window);
  }

  /**
   * One pass over the B1 deployments finishing in the DF calendar or the window: the deployment
   * days (DF) and the B2 deployments per month (DF's monthly chart, CFR, FDRT).
   */
  private async deploymentDays(scope: MetricScope, window: MetricsWindow) {
    const calendar = deploymentCalendar(window);
    const since = calendar.length > 0 ? Math.min(window.from.getTime(), Date.parse(`${calendar[0]}T00:00:00Z`)) : window.from.getTime();
    const calendarEnd = calendar.length > 0 ? Date.parse(`${calendar[calendar.length - 1]}T00:00:00Z`) + DAY_MS : 0;
    const before = Math.max(window.to.getTime() + 1, calendarEnd);
    const rows = await this.deployments.deploymentDays(scope.ids, new Date(since), new Date(before), window);
    const deploymentsByMonth = new Map<string, number>();
    for (const row of rows) if (row.inWindow > 0) addTo(deploymentsByMonth, monthKeyOfDay(row.day), row.inWindow);
    return {
      deploymentDays: new Set(rows.map((row) => row.day)),
      deploymentsByMonth,
      deployments: rows.reduce((sum, row) => sum + row.inWindow, 0),
    };
  }

  /** Project: its persisted rows. Connection: computed now from its own rows, never stored (§4.5). */
  private async leadTimeCandidates(scope: MetricScope, window: MetricsWindow): Promise<LeadTimeCandidate[]> {
    if (scope.kind === 'project') return this.repository.persistedLeadTimes(scope.projectName, scope.ids, window);
    const metrics = await this.refresh.computePrMetrics(scope.ids);
    return metrics
      .filter((metric) => metric.deploymentCommitId !== '' && metric.prDeployedDate !== null)
      .filter((metric) => metric.prDeployedDate! >= window.from && metric.prDeployedDate! <= window.to)
      .map((metric) => ({ pullRequestId: metric.id, cycleTimeMinutes: metric.prCycleTime, deployedAt: metric.prDeployedDate! }));
  }
}
