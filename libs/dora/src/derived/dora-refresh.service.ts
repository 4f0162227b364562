import { Inject, Injectable, Logger } from '@nestjs/common';
import { DORA_CLOCK, DoraClock } from '../clock';
import { projectScope, ScopeIds } from '../scope/metric-scope';
import { ScopeRepository } from '../scope/scope.repository';
import { DerivedDataRepository } from './derived-data.repository';
import { IncidentLink, IncidentLinksRepository } from './incident-links.repository';
import { derivePrMetric, PrMetric } from './pr-metrics';
import { DerivedChange, mergeChanges } from './derived-change';
import { PendingChangesRepository } from './pending-changes.repository';
import { sql } from '../sql/sql';
import { DbSession } from '../sql/sql-runner';
import { toInstant } from '../common/calendar';

/** After a failed repair, a project's reads serve its stored rows this long before one tries again. */
export const REPAIR_RETRY_MS = 5 * 60_000;

/** Pending changes applied per transaction. */
const PENDING_PER_TRANSACTION = 500;

export interface ApplyOptions {
  batchSize?: number;
  upToId?: number;
  /** Asked between batches; false stops (the rest stays pending). */
  proceed?: () => boolean;
}

export interface ProjectRefreshSummary {
  projectName: string;
  incidentLinks: number;
  prMetrics: number;
  written: number;
  deleted: number;
}

/**
 * Keeps the derived tables of spec metrics.md §4.3–§4.4 equal to a full recomputation, per project.
 * An ingestion write records what it changed for each of its projects inside its own transaction
 * (`recordChange`, issue 10); `applyPending` then recomputes only the derived rows those changes
 * can move, right after the commit and at the latest before the project's next read. The admin
 * operations (mapping, purge, `dora:refresh`) rebuild whole projects after theirs, and a failed
 * rebuild is logged, remembered, and repaired before that project's next read.
 */
@Injectable()
export class DoraRefreshService {
  private readonly logger = new Logger('DoraRefresh');
  private readonly needsRepair = new Set<string>();
  /** When the last repair of a project failed: a rebuild that failed for want of time would fail again. */
  private readonly repairFailedAt = new Map<string, number>();
  /** Scope ids whose projects could not even be listed; resolved to projects on the next read. */
  private readonly scopesNeedingRepair = new Set<string>();

  constructor(
    private readonly scopes: ScopeRepository,
    private readonly derived: DerivedDataRepository,
    private readonly links: IncidentLinksRepository,
    private readonly pending: PendingChangesRepository,
    @Inject(DORA_CLOCK) private readonly clock: DoraClock,
  ) {}

  /**
   * Refreshes every project mapped to one of these scope ids (`webhook:<c>`), in any mapping table.
   * Never throws: the write it follows is already committed.
   */
  async refreshForScopes(scopeIds: readonly string[]): Promise<void> {
    const projects = await this.projectsOrRepairLater(scopeIds);
    if (projects) await this.refreshProjects(projects);
  }

  /** The projects mapped to these scope ids; undefined (and the scopes repaired on a later read) when they cannot be listed. */
  private async projectsOrRepairLater(scopeIds: readonly string[]): Promise<string[] | undefined> {
    try {
      return await this.scopes.projectsMappedTo(scopeIds);
    } catch (error) {
      for (const scopeId of scopeIds) this.scopesNeedingRepair.add(scopeId);
      this.logger.error(`cannot list the projects of ${scopeIds.join(', ')}, repaired on a later read: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * Inside a write's transaction: records `change` (undefined: rebuild) for every project mapped to
   * one of these scope ids. The number of projects it was recorded for.
   */
  recordChange(session: DbSession, scopeIds: readonly string[], change: DerivedChange | undefined): Promise<number> {
    return this.pending.record(session, scopeIds, change, this.clock.now());
  }

  /** The projects with recorded changes not yet applied. */
  projectsWithPending(): Promise<string[]> {
    return this.pending.projectsWithPending();
  }

  /**
   * Applies the project's recorded changes, oldest first, `batchSize` per transaction (those up to
   * id `upToId` only, while `proceed()` holds); returns how many it applied. The project lock comes
   * before any other read: REPEATABLE READ takes the snapshot at the first plain read, so a change
   * seen is applied to data at least as new as it. A change applied to newer data than its own is
   * still right: each change names what it moved (finishes, commits, PRs, incidents), and their
   * neighbours are looked up in the data as it is now.
   */
  async applyPending(projectName: string, options: ApplyOptions = {}): Promise<number> {
    const { batchSize = PENDING_PER_TRANSACTION, upToId, proceed = () => true } = options;
    let applied = 0;
    for (;;) {
      const count = await this.derived.transaction(async (session) => {
        await this.scopes.lockProject(projectName, session);
        const batch = await this.pending.oldest(projectName, batchSize, session, upToId);
        if (batch.ids.length === 0) return 0;
        const ids = projectScope(projectName, await this.scopes.projectMappings(projectName, session)).ids;
        const changes = batch.changes.filter((change): change is DerivedChange => change !== undefined);
        if (changes.length < batch.changes.length) await this.rebuildProjectIn(session, projectName, ids);
        else await this.updateProjectIn(session, projectName, ids, mergeChanges(changes));
        await this.pending.delete(batch.ids, session);
        return batch.ids.length;
      });
      applied += count;
      if (count < batchSize || !proceed()) return applied;
    }
  }

  /** Every project's recorded changes applied (tests, `dora:refresh`, and the background catch-up). */
  async applyAllPending(options: ApplyOptions = {}): Promise<number> {
    let applied = 0;
    for (const projectName of await this.pending.projectsWithPending()) applied += await this.applyPending(projectName, options);
    return applied;
  }

  private async updateProjectIn(session: DbSession, projectName: string, ids: ScopeIds, change: DerivedChange): Promise<void> {
    // A change carries its rows' finishes as written, and a later change of those rows their finishes
    // before it: the finishes to look around are all here, nothing is read back.
    const rows = change.commitRows;
    const pullRequestIds = new Set(change.pullRequestIds);
    const incidentIds = new Set(change.incidentIds);
    const shas = [...new Set(rows.map((row) => row.commitSha))];
    const rowIds = [...new Set(rows.map((row) => row.id))];
    if (rows.length > 0) for (const id of await this.derived.pullRequestsToRelink(projectName, ids, shas, rowIds, session)) pullRequestIds.add(id);
    // §4.4 blames an incident on the last successful production finish before it: only the
    // incidents from a finish a row left or took up to the next finish can change their link.
    const finishes = [
      ...rows.flatMap(({ productionFinish: taken }) => (taken && ids.cicdScopeIds.includes(taken.cicdScopeId) ? [taken.finishedDate] : [])),
      ...change.previousFinishes,
    ];
    if (finishes.length > 0 && ids.cicdScopeIds.length > 0) {
      const instants = finishes.map((finish) => toInstant(finish)!);
      for (const id of await this.derived.incidentsAfterFinishes(ids, instants, session)) incidentIds.add(id);
    }
    const now = this.clock.now();
    if (incidentIds.size > 0) {
      const only = [...incidentIds];
      await this.derived.syncIncidentLinks(session, projectName, await this.links.incidentLinks(ids, session, only), now, only);
    }
    if (pullRequestIds.size > 0) {
      const only = [...pullRequestIds];
      const metrics: PrMetric[] = [];
      for (let i = 0; i < only.length; i += 200) {
        const part = only.slice(i, i + 200);
        metrics.push(...(await this.derived.pullRequestInputs(ids, session, sql`pr.id IN (${part})`)).map(derivePrMetric));
      }
      await this.derived.syncPrMetrics(session, projectName, metrics, now, only);
    }
  }

  /** Refreshes these projects (e.g. one whose mapping was just removed). Never throws. */
  async refreshProjects(projectNames: readonly string[]): Promise<void> {
    for (const projectName of new Set(projectNames)) {
      try {
        await this.refreshProject(projectName);
      } catch (error) {
        this.needsRepair.add(projectName);
        this.logger.error(`refresh of project ${projectName} failed, repaired on its next read: ${(error as Error).message}`);
      }
    }
  }

  /** The projects mapped to these scope ids, to pass to `refreshProjects` after a purge or an unmapping. */
  projectsForScopes(scopeIds: readonly string[]): Promise<string[]> {
    return this.scopes.projectsMappedTo(scopeIds);
  }

  /** Rebuilds one project's rows in one transaction; throws on failure. */
  async refreshProject(projectName: string): Promise<ProjectRefreshSummary> {
    const summary = await this.derived.transaction(async (session) => {
      await this.scopes.lockProject(projectName, session);
      // The changes this snapshot sees are in the data it rebuilds from: nothing left to apply.
      const pending = await this.pending.idsOf(projectName, session);
      const summary = await this.rebuildProjectIn(session, projectName, projectScope(projectName, await this.scopes.projectMappings(projectName, session)).ids);
      await this.pending.delete(pending, session);
      return summary;
    });
    this.needsRepair.delete(projectName);
    this.repairFailedAt.delete(projectName);
    return summary;
  }

  private async rebuildProjectIn(session: DbSession, projectName: string, ids: ScopeIds): Promise<ProjectRefreshSummary> {
    const links = await this.links.incidentLinks(ids, session);
    const metrics = (await this.derived.pullRequestInputs(ids, session)).map(derivePrMetric);
    const now = this.clock.now();
    const linkWrites = await this.derived.syncIncidentLinks(session, projectName, links, now);
    const metricWrites = await this.derived.syncPrMetrics(session, projectName, metrics, now);
    return {
      projectName,
      incidentLinks: links.length,
      prMetrics: metrics.length,
      written: linkWrites.written + metricWrites.written,
      deleted: linkWrites.deleted + metricWrites.deleted,
    };
  }

  /**
   * `npm run dora:refresh`: every chain's `prev_success_deployment_commit_id`, then every project,
   * stale ones included; throws on the first failure.
   */
  async refreshAll(): Promise<ProjectRefreshSummary[]> {
    await this.derived.rebuildChains(this.clock.now());
    const summaries: ProjectRefreshSummary[] = [];
    const projectNames = new Set([...(await this.scopes.allProjectNames()), ...(await this.pending.projectsWithPending())]);
    for (const projectName of [...projectNames].sort()) summaries.push(await this.refreshProject(projectName));
    return summaries;
  }

  /**
   * Before a project read: applies the changes still pending for it (a read after a write's answer
   * sees that write), and redoes a refresh that failed earlier in this process. A failure is logged
   * and the stored rows are served.
   */
  async beforeRead(projectName: string): Promise<void> {
    try {
      // What was pending when the read came, not what writes keep adding meanwhile.
      const newest = await this.pending.newestId(projectName);
      if (newest > 0) await this.applyPending(projectName, { upToId: newest });
    } catch (error) {
      this.logger.error(`applying the pending changes of project ${projectName} failed, serving its stored rows: ${(error as Error).message}`);
    }
    await this.repairIfNeeded(projectName);
  }

  private async repairIfNeeded(projectName: string): Promise<void> {
    if (this.scopesNeedingRepair.size > 0) {
      const scopeIds = [...this.scopesNeedingRepair];
      try {
        for (const name of await this.scopes.projectsMappedTo(scopeIds)) this.needsRepair.add(name);
        for (const scopeId of scopeIds) this.scopesNeedingRepair.delete(scopeId);
      } catch (error) {
        this.logger.error(`cannot list the projects of ${scopeIds.join(', ')}: ${(error as Error).message}`);
      }
    }
    if (!this.needsRepair.has(projectName)) return;
    const failedAt = this.repairFailedAt.get(projectName);
    if (failedAt !== undefined && Date.now() - failedAt < REPAIR_RETRY_MS) return;
    try {
      await this.refreshProject(projectName);
    } catch (error) {
      this.repairFailedAt.set(projectName, Date.now());
      this.logger.error(`repair of project ${projectName} failed, serving its stored rows; next attempt in ${REPAIR_RETRY_MS / 60_000} min: ${(error as Error).message}`);
    }
  }

  /** A connection scope's incident links, computed at read time and never stored (§4.5). */
  computeIncidentLinks(ids: ScopeIds): Promise<IncidentLink[]> {
    return this.links.incidentLinks(ids);
  }

  /** A connection scope's PR metrics, computed at read time and never stored (§4.5). */
  async computePrMetrics(ids: ScopeIds): Promise<PrMetric[]> {
    return (await this.derived.pullRequestInputs(ids)).map(derivePrMetric);
  }
}
