import { Provider } from '@nestjs/common';
import { DORA_CLOCK, systemClock } from './clock';
import { DerivedDataRepository } from './derived/derived-data.repository';
import { DoraRefreshService } from './derived/dora-refresh.service';
import { IncidentLinksRepository } from './derived/incident-links.repository';
import { PendingChangesRepository } from './derived/pending-changes.repository';
import { DoraMetricsService } from './dora/dora-metrics.service';
import { DeploymentDaysRepository } from './dora/deployment-days.repository';
import { DoraRepository } from './dora/dora.repository';
import { IssueMetricsRepository } from './issues/issue-metrics.repository';
import { IssueMetricsService } from './issues/issue-metrics.service';
import { MetricScopeService } from './scope/metric-scope.service';
import { ScopeRepository } from './scope/scope.repository';
import { SqlRunner } from './sql/sql-runner';

/**
 * Everything the metrics need, for the host module's `providers`. They inject the host's
 * `DataSource`, and `DORA_TRANSACTION_RUNNER` when the host provides one.
 */
export const DORA_PROVIDERS: Provider[] = [
  { provide: DORA_CLOCK, useValue: systemClock },
  SqlRunner,
  ScopeRepository,
  MetricScopeService,
  DerivedDataRepository,
  IncidentLinksRepository,
  PendingChangesRepository,
  DoraRefreshService,
  DoraRepository,
  DeploymentDaysRepository,
  DoraMetricsService,
  IssueMetricsRepository,
  IssueMetricsService,
];
