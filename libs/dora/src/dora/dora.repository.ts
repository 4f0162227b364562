import { Injectable } from '@nestjs/common';
import { formatDbDatetime } from '@app/domain';
import { toInstant } from '../common/calendar';
import { MetricsWindow } from '../common/metrics-window';
import { ScopeIds } from '../scope/metric-scope';
import { deploymentInScope, incidentInScope, successfulProduction } from '../sql/scope-sql';
import { raw, Sql, sql } from '../sql/sql';
import { lowerMedianByBucket } from '../sql/sql-medians';
import { SqlRunner } from '../sql/sql-runner';
import { LinkedIncident } from './failure-figures';
import { LeadTimeCandidate } from './lead-time';

export interface MedianFigures {
  count: number;
  median: number | null;
  /** Month key (`YYYY-MM`) → B3. */
  monthly: Map<string, number | null>;
}

const num = (value: unknown) => Number(value ?? 0);
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const db = formatDbDatetime;
const FINISH_LOOKUPS_PER_STATEMENT = 500;

/** 00:00 UTC on the first day of the month `months` after the month of `instant`. */
const startOfMonth = (instant: Date, months: number) => new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + months, 1));

/** DORA queries whose results are bounded by incidents and pull requests, not by deployments. */
@Injectable()
export class DoraRepository {
  constructor(private readonly db: SqlRunner) {}

  /** A project's persisted relationship rows (Q13: its own only) whose incident still exists. */
  async persistedLinks(projectName: string): Promise<LinkedIncident[]> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT r.id, r.deployment_id, pi.resolution_date FROM project_incident_deployment_relationships r
        JOIN incidents pi ON pi.id = r.id
       WHERE r.project_name = ${projectName} AND r.deployment_id IS NOT NULL`);
    return rows.map((row) => ({
      incidentId: String(row.id),
      deploymentId: String(row.deployment_id),
      resolvedAt: toInstant(row.resolution_date),
    }));
  }

  /** B1 finish of each named deployment: the latest `finished_date` of its qualifying rows in the scope. */
  async deploymentFinishes(ids: ScopeIds, deploymentIds: readonly string[]): Promise<Map<string, Date>> {
    const finishes = new Map<string, Date>();
    for (let i = 0; i < deploymentIds.length; i += FINISH_LOOKUPS_PER_STATEMENT) {
      const part = deploymentIds.slice(i, i + FINISH_LOOKUPS_PER_STATEMENT);
      const rows = await this.db.query<Record<string, unknown>>(sql`
        SELECT f.cicd_deployment_id, MAX(f.finished_date) AS finish FROM cicd_deployment_commits f
         WHERE f.cicd_deployment_id IN (${part}) AND ${deploymentInScope('f', ids)} AND ${successfulProduction('f')}
         GROUP BY f.cicd_deployment_id`);
      for (const row of rows) if (row.finish !== null) finishes.set(String(row.cicd_deployment_id), toInstant(row.finish)!);
    }
    return finishes;
  }

  async scopeHasIncidents(ids: ScopeIds): Promise<boolean> {
    return this.exists(sql`SELECT 1 AS found FROM incidents si WHERE ${incidentInScope('si', ids)} LIMIT 1`);
  }

  async scopeHasDeploymentRows(ids: ScopeIds): Promise<boolean> {
    return this.exists(sql`SELECT 1 AS found FROM cicd_deployment_commits sc WHERE ${deploymentInScope('sc', ids)} LIMIT 1`);
  }

  /**
   * §5.5: the scope's incidents resolved in the window, distinct on (id, lead time). The monthly
   * medians take whole calendar months, the window's first and last ones unclipped, as DevLake's
   * 2021 MTTR panel does (issue 12, item 12).
   */
  restoreTimes(ids: ScopeIds, window: MetricsWindow): Promise<MedianFigures> {
    const resolvedBetween = (from: Date, to: Sql) => sql`
      SELECT DISTINCT mi.id, mi.lead_time_minutes AS v, ${this.db.dialect.month(raw('mi.resolution_date'))} AS bucket
        FROM incidents mi
       WHERE ${incidentInScope('mi', ids)} AND mi.resolution_date >= ${db(from)} AND ${to}`;
    const inWindow = resolvedBetween(window.from, sql`mi.resolution_date <= ${db(window.to)}`);
    const inWholeMonths = resolvedBetween(startOfMonth(window.from, 0), sql`mi.resolution_date < ${db(startOfMonth(window.to, 1))}`);
    return this.medianFigures(inWindow, sql`SELECT bucket, v FROM (${inWholeMonths}) nn WHERE v IS NOT NULL`);
  }

  /** The scope's incidents created in the window: DevLake's "Incident Count" panel. */
  async incidentsCreated(ids: ScopeIds, window: MetricsWindow): Promise<number> {
    const [row] = await this.db.query<Record<string, unknown>>(sql`
      SELECT COUNT(DISTINCT ci.id) AS n FROM incidents ci
       WHERE ${incidentInScope('ci', ids)} AND ci.created_date >= ${db(window.from)} AND ci.created_date <= ${db(window.to)}`);
    return num(row?.n);
  }

  /**
   * §5.2 steps 1–2 on a project's persisted `project_pr_metrics` rows: the project's merged PRs
   * with a cycle time and a linked deployment commit row that finished in the window.
   */
  async persistedLeadTimes(projectName: string, ids: ScopeIds, window: MetricsWindow): Promise<LeadTimeCandidate[]> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT DISTINCT pr.id AS pr_id, m.pr_cycle_time AS cycle, dc.finished_date AS finish
        FROM project_pr_metrics m
        JOIN pull_requests pr ON pr.id = m.id
        JOIN cicd_deployment_commits dc ON dc.id = m.deployment_commit_id
       WHERE m.project_name = ${projectName} AND pr.base_repo_id IN (${ids.repoIds}) AND pr.merged_date IS NOT NULL
         AND m.pr_cycle_time IS NOT NULL AND dc.finished_date >= ${db(window.from)} AND dc.finished_date <= ${db(window.to)}
       ORDER BY pr.id`);
    return rows.map((row) => ({
      pullRequestId: String(row.pr_id),
      cycleTimeMinutes: Number(row.cycle),
      deployedAt: toInstant(row.finish)!,
    }));
  }

  /**
   * Whether a merged PR of the scope was shipped by a deployment commit row that finished in the
   * window as the first successful production row of its chain (§4.1): such a row has no previous
   * success to compare with, so its PRs get no lead time (§5.2, Q11).
   */
  firstDeploymentsShippedPullRequests(ids: ScopeIds, window: MetricsWindow): Promise<boolean> {
    return this.exists(sql`
      SELECT 1 AS found FROM cicd_deployment_commits fc
        JOIN pull_requests fp ON fp.merge_commit_sha = fc.commit_sha
       WHERE ${deploymentInScope('fc', ids)} AND ${successfulProduction('fc')}
         AND (fc.prev_success_deployment_commit_id = '' OR fc.prev_success_deployment_commit_id IS NULL)
         AND fc.finished_date >= ${db(window.from)} AND fc.finished_date <= ${db(window.to)}
         AND fp.base_repo_id IN (${ids.repoIds}) AND fp.merged_date IS NOT NULL
       LIMIT 1`);
  }

  /** Count and B3 overall of `values` (`bucket`, `v`); B3 per bucket of `monthlyValues`. */
  private async medianFigures(values: Sql, monthlyValues: Sql): Promise<MedianFigures> {
    const [totals] = await this.db.query<Record<string, unknown>>(
      sql`SELECT COUNT(*) AS n FROM (${values}) t`,
    );
    const [overall] = await this.db.query<Record<string, unknown>>(
      lowerMedianByBucket(sql`SELECT 'all' AS bucket, a.v FROM (${values}) a`),
    );
    const monthly = await this.db.query<Record<string, unknown>>(lowerMedianByBucket(monthlyValues));
    return {
      count: num(totals?.n),
      median: numOrNull(overall?.v),
      monthly: new Map(monthly.map((row) => [String(row.bucket), numOrNull(row.v)])),
    };
  }

  private async exists(query: Sql): Promise<boolean> {
    return (await this.db.query(query)).length > 0;
  }
}
