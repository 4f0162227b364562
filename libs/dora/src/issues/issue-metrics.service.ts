import { Inject, Injectable } from '@nestjs/common';
import { DORA_CLOCK, DoraClock } from '../clock';
import { monthKeysBetween } from '../common/calendar';
import { MetricsWindow, resolveWindow } from '../common/metrics-window';
import { MetricScope } from '../scope/metric-scope';
import { issueAge, perKiloLines, requirementDeliveryRate, requirementGranularity } from './issue-metrics';
import { IssueMetricsRepository, IssueType } from './issue-metrics.repository';

export type IssueMetrics = Awaited<ReturnType<IssueMetricsService['metrics']>>;

/** DevLake's issue metrics (spec metrics.md §7) for a project or a connection. */
@Injectable()
export class IssueMetricsService {
  constructor(
    private readonly repository: IssueMetricsRepository,
    @Inject(DORA_CLOCK) private readonly clock: DoraClock,
  ) {}

  window(from?: Date, to?: Date): MetricsWindow {
    return resolveWindow(this.clock.now(), from, to);
  }

  async metrics(scope: MetricScope, window: MetricsWindow) {
    const { ids } = scope;
    const windowMonths = monthKeysBetween(window.from, window.to);
    const now = this.clock.now();
    const age = async (type: IssueType) => ({
      windowMonths,
      resolved: await this.repository.resolvedByMonth(ids, type, window),
      allHistoryMedianMinutes: await this.repository.allHistoryMedianMinutes(ids, type),
      outstanding: await this.repository.outstanding(ids, type, now),
    });
    const requirements = await this.repository.requirementsByMonth(ids, window);
    const linesByMonth = (await this.repository.commitsCollected(ids)) ? await this.repository.linesByMonth(ids, window) : null;
    return {
      requirementDeliveryRate: requirementDeliveryRate(windowMonths, requirements),
      requirementGranularity: requirementGranularity(windowMonths, requirements),
      bugAge: issueAge('bug', await age('BUG')),
      incidentAge: issueAge('incident', await age('INCIDENT')),
      bugCountPer1kLines: perKiloLines('bug', { createdByMonth: await this.repository.createdByMonth(ids, 'BUG', window), linesByMonth }),
      incidentCountPer1kLines: perKiloLines('incident', {
        createdByMonth: await this.repository.createdByMonth(ids, 'INCIDENT', window),
        linesByMonth,
      }),
    };
  }
}
