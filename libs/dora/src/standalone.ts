import { DataSource } from 'typeorm';
import { systemClock } from './clock';
import { DerivedDataRepository } from './derived/derived-data.repository';
import { DoraRefreshService } from './derived/dora-refresh.service';
import { IncidentLinksRepository } from './derived/incident-links.repository';
import { PendingChangesRepository } from './derived/pending-changes.repository';
import { ScopeRepository } from './scope/scope.repository';
import { SqlRunner } from './sql/sql-runner';

/** The refresh service without Nest, for the `dora:refresh` command on an initialized DataSource. */
export function createStandaloneRefresh(dataSource: DataSource): DoraRefreshService {
  const db = new SqlRunner(dataSource);
  return new DoraRefreshService(new ScopeRepository(db), new DerivedDataRepository(db), new IncidentLinksRepository(db), new PendingChangesRepository(db), systemClock);
}
