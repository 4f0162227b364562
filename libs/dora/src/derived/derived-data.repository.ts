import { Injectable } from '@nestjs/common';
import { formatDbDatetime, ProjectIncidentDeploymentRelationshipEntity, ProjectPrMetricEntity } from '@app/domain';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { toInstant } from '../common/calendar';
import { ScopeIds } from '../scope/metric-scope';
import { deploymentInScope, incidentInScope, successfulProduction } from '../sql/scope-sql';
import { joinSql, raw, Sql, sql } from '../sql/sql';
import { upsertSql } from '../sql/upsert-sql';
import { DbSession, SqlRunner } from '../sql/sql-runner';
import { IncidentLink } from './incident-links.repository';
import { rebuildPrevSuccessLinks } from './chain-rebuild';
import { finishRuns } from './finish-runs';
import { PrMetric, PullRequestInput } from './pr-metrics';

const CHUNK = 200;

/**
 * A project's rows with these ids. Looked up by id alone (the primary key's first column), the
 * project filtered here: given `project_name = ?` too, MariaDB picks the project_name index and
 * reads the project's every row (22 ms at 50 000 PRs, 67 ms at 500 000 per grouped PR write).
 */
async function storedRowsOf<T extends { projectName: string }>(repository: Repository<T>, projectName: string, ids: readonly string[]): Promise<T[]> {
  const found = await Promise.all(chunks(ids).map((part) => repository.find({ where: { id: In(part) } as unknown as FindOptionsWhere<T> })));
  return found.flat().filter((row) => row.projectName === projectName);
}

const EMPTY_RAW = { _raw_data_params: '', _raw_data_table: '', _raw_data_id: 0, _raw_data_remark: '' };
const KEY = ['id', 'project_name'];

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Reads the inputs of §4.3 and keeps `project_incident_deployment_relationships` and `project_pr_metrics`. */
@Injectable()
export class DerivedDataRepository {
  constructor(private readonly db: SqlRunner) {}

  transaction<T>(work: (session: DbSession) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Every chain's `prev_success_deployment_commit_id` rebuilt (dora:refresh); the number of rows changed. */
  rebuildChains(now: Date): Promise<number> {
    return this.db.transaction((session) => rebuildPrevSuccessLinks(this.db, session, now));
  }

  /**
   * The scope's merged PRs, each with the deployment commit row that shipped its merge commit:
   * a qualifying row with a previous success (§4.1) whose SHA differs from that success's (§4.2),
   * earliest start first (ties: smallest id). A row ships its own SHA and, as in DevLake, every
   * commit `commits_diffs` lists for its pair (its SHA, its previous success's SHA): the
   * `commit_shas` a client sent (issue 18), or a git plugin's rows. First commit and first foreign
   * comment come from DevLake's tables when the database has them.
   */
  async pullRequestInputs(ids: ScopeIds, session?: DbSession, only?: Sql): Promise<PullRequestInput[]> {
    const present = await this.db.tablesPresent(['pull_request_commits', 'pull_request_comments'], session);
    const withCommits = present.has('pull_request_commits');
    const withComments = present.has('pull_request_comments');
    const firstCommit = (column: string) =>
      withCommits
        ? sql`(SELECT prc.${raw(column)} FROM pull_request_commits prc WHERE prc.pull_request_id = pr.id
                ORDER BY prc.commit_authored_date, prc.commit_sha LIMIT 1)`
        : raw('NULL');
    const firstComment = (column: string) =>
      withComments
        ? sql`(SELECT cm.${raw(column)} FROM pull_request_comments cm WHERE cm.pull_request_id = pr.id
                AND (COALESCE(pr.author_id, '') = '' OR cm.account_id <> pr.author_id)
                ORDER BY cm.created_date, cm.id LIMIT 1)`
        : raw('NULL');
    const rows = await this.db.query<Record<string, unknown>>(
      sql`SELECT x.*, dd.finished_date AS deployed_date, dd.started_date AS deployed_started FROM (
            SELECT pr.id, pr.created_date, pr.merged_date, pr.merge_commit_sha,
              (SELECT sc.id FROM cicd_deployment_commits sc
                WHERE sc.commit_sha = pr.merge_commit_sha AND ${deploymentInScope('sc', ids)} AND ${successfulProduction('sc')}
                  AND sc.prev_success_deployment_commit_id <> ''
                  AND NOT EXISTS (SELECT 1 FROM cicd_deployment_commits ps
                                   WHERE ps.id = sc.prev_success_deployment_commit_id AND ps.commit_sha = sc.commit_sha)
                ORDER BY sc.started_date, sc.id LIMIT 1) AS deployment_commit_id,
              ${firstCommit('commit_sha')} AS first_commit_sha,
              ${firstCommit('commit_authored_date')} AS first_commit_authored_date,
              ${firstComment('id')} AS first_review_id,
              ${firstComment('created_date')} AS first_comment_date
            FROM pull_requests pr
           WHERE pr.base_repo_id IN (${ids.repoIds}) AND pr.merged_date IS NOT NULL${only ? sql` AND ${only}` : raw('')}) x
          LEFT JOIN cicd_deployment_commits dd ON dd.id = x.deployment_commit_id AND dd.commit_sha = x.merge_commit_sha
          ORDER BY x.id`,
      session,
    );
    const shippedInDiffs = await this.rowsShippingThroughDiffs(ids, session, only);
    return rows.map((row) => {
      const direct = row.deployment_commit_id == null ? [] : [{ id: String(row.deployment_commit_id), started: row.deployed_started, finished: row.deployed_date }];
      const shipping = earliestShipping([...direct, ...(shippedInDiffs.get(String(row.id)) ?? [])]);
      return { row, shipping };
    }).map(({ row, shipping }) => ({
      id: String(row.id),
      createdDate: toInstant(row.created_date),
      mergedDate: toInstant(row.merged_date)!,
      deploymentCommitId: shipping?.id ?? null,
      deployedDate: toInstant(shipping?.finished),
      firstCommitSha: text(row.first_commit_sha),
      firstCommitAuthoredDate: toInstant(row.first_commit_authored_date),
      firstReviewId: text(row.first_review_id),
      firstCommentDate: toInstant(row.first_comment_date),
    }));
  }

  /**
   * By PR id: the qualifying rows (as in pullRequestInputs) whose `commits_diffs` pair lists the
   * PR's merge commit. Empty when the database has no `commits_diffs`.
   */
  private async rowsShippingThroughDiffs(ids: ScopeIds, session: DbSession | undefined, only?: Sql): Promise<Map<string, ShippingRow[]>> {
    const found = new Map<string, ShippingRow[]>();
    const rows = await this.db.query<Record<string, unknown>>(
      sql`SELECT pr.id AS pr_id, sc.id, sc.started_date, sc.finished_date
            FROM pull_requests pr
            JOIN commits_diffs cd ON cd.commit_sha = pr.merge_commit_sha
            JOIN cicd_deployment_commits sc ON sc.commit_sha = cd.new_commit_sha
            JOIN cicd_deployment_commits pv ON pv.id = sc.prev_success_deployment_commit_id AND pv.commit_sha = cd.old_commit_sha
           WHERE pr.base_repo_id IN (${ids.repoIds}) AND pr.merged_date IS NOT NULL${only ? sql` AND ${only}` : raw('')}
             AND ${deploymentInScope('sc', ids)} AND ${successfulProduction('sc')}
             AND sc.prev_success_deployment_commit_id <> '' AND pv.commit_sha <> sc.commit_sha`,
      session,
    );
    for (const row of rows) {
      const key = String(row.pr_id);
      const list = found.get(key) ?? [];
      list.push({ id: String(row.id), started: row.started_date, finished: row.finished_date });
      found.set(key, list);
    }
    return found;
  }

  /**
   * The PRs whose deployment link rows with these SHAs and ids can move: merged or not, the
   * scope's PRs whose merge commit is one of the SHAs or one `commits_diffs` lists for them (a row
   * ships the commits listed for it, issue 18), and those whose metrics row in the project names
   * one of the rows (what they shipped before the write).
   */
  async pullRequestsToRelink(projectName: string, ids: ScopeIds, shas: readonly string[], rowIds: readonly string[], session: DbSession): Promise<string[]> {
    const out = new Set<string>();
    for (let i = 0; i < Math.max(shas.length, rowIds.length); i += CHUNK) {
      const [shaPart, rowPart] = [shas.slice(i, i + CHUNK), rowIds.slice(i, i + CHUNK)];
      const rows = await this.db.query<{ id: unknown }>(
        sql`SELECT pr.id FROM pull_requests pr WHERE pr.merge_commit_sha IN (${shaPart}) AND pr.base_repo_id IN (${ids.repoIds})
            UNION
            SELECT pr.id FROM commits_diffs cd JOIN pull_requests pr ON pr.merge_commit_sha = cd.commit_sha
             WHERE cd.new_commit_sha IN (${shaPart}) AND pr.base_repo_id IN (${ids.repoIds})
            UNION
            SELECT m.id FROM project_pr_metrics m WHERE m.project_name = ${projectName} AND m.deployment_commit_id IN (${rowPart})`,
        session,
      );
      for (const row of rows) out.add(String(row.id));
    }
    return [...out];
  }

  /**
   * The scope's incidents whose §4.4 link a row taking or leaving one of these finishes can move:
   * those created after the finish up to the scope's next successful production finish after it
   * (inclusive; no bound when there is none). Read as one range per run of finishes at most
   * FINISH_RUN_GAP_MS apart, from the run's first finish to the next one after its last: a
   * superset, as a finish's next is never later than a later finish's; the extra incidents are
   * those created in the gaps between the run's finishes, each at most an hour. A range per finish cost MariaDB about 0.1 ms of planning
   * each, most of a background update's time when a batch of CI writes moved hundreds of finishes.
   */
  async incidentsAfterFinishes(ids: ScopeIds, finishes: readonly Date[], session: DbSession): Promise<string[]> {
    const out = new Set<string>();
    for (const part of chunks(finishRuns(finishes))) {
      const ranges = part.map(({ first, last }) => {
        const nextPerScope = ids.cicdScopeIds.map(
          (scopeId) => sql`SELECT MIN(nx.finished_date) AS next FROM cicd_deployment_commits nx
                WHERE nx.cicd_scope_id = ${scopeId} AND ${successfulProduction('nx')} AND nx.finished_date > ${formatDbDatetime(last)}`,
        );
        // One index dive per scope (a MIN over `IN (scopes)` could read every later row); a single
        // scope, the usual case, without the derived table, which costs MariaDB planning time per
        // range. No next finish: no upper bound (the far-future default keeps one evaluation).
        const nextAny = nextPerScope.length === 1 ? sql`(${nextPerScope[0]})` : sql`(SELECT MIN(n.next) FROM (${joinSql(nextPerScope, ' UNION ALL ')}) n)`;
        const next = sql`COALESCE(${nextAny}, '9999-12-31 23:59:59')`;
        return sql`SELECT li.id FROM incidents li WHERE ${incidentInScope('li', ids)} AND li.created_date > ${formatDbDatetime(first)} AND li.created_date <= ${next}`;
      });
      const rows = await this.db.query<{ id: unknown }>(joinSql(ranges, ' UNION '), session);
      for (const row of rows) out.add(String(row.id));
    }
    return [...out];
  }

  /** Makes the project's relationship rows equal `links`; untouched rows keep their timestamps. */
  async syncIncidentLinks(session: DbSession, projectName: string, links: readonly IncidentLink[], now: Date, subset?: readonly string[]) {
    const repository = session.getRepository(ProjectIncidentDeploymentRelationshipEntity);
    const stored = subset
      ? await storedRowsOf(repository, projectName, subset)
      : await repository.find({ where: { projectName } });
    const existing = new Map(stored.map((row) => [row.id, row.deploymentId] as const));
    const wanted = new Map(links.map((link) => [link.incidentId, link.deploymentId] as const));
    const stale = [...existing.keys()].filter((id) => !wanted.has(id));
    const changed = links.filter((link) => existing.get(link.incidentId) !== link.deploymentId);
    for (const ids of chunks(stale)) {
      await session.getRepository(ProjectIncidentDeploymentRelationshipEntity).delete(ids.map((id) => ({ id, projectName })));
    }
    for (const part of chunks(changed)) {
      const rows = part.map((link) => ({ id: link.incidentId, project_name: projectName, deployment_id: link.deploymentId, created_at: now, updated_at: now, ...EMPTY_RAW }));
      await this.db.query(upsertSql(this.db.dialect, 'project_incident_deployment_relationships', rows, KEY, ['deployment_id', 'updated_at']), session);
    }
    return { deleted: stale.length, written: changed.length };
  }

  /** Makes the project's `project_pr_metrics` rows equal `metrics`; untouched rows keep their timestamps. */
  async syncPrMetrics(session: DbSession, projectName: string, metrics: readonly PrMetric[], now: Date, subset?: readonly string[]) {
    const repository = session.getRepository(ProjectPrMetricEntity);
    const stored = subset
      ? await storedRowsOf(repository, projectName, subset)
      : await repository.find({ where: { projectName } });
    const existing = new Map(stored.map((row) => [row.id, row] as const));
    const wanted = new Set(metrics.map((metric) => metric.id));
    const stale = [...existing.keys()].filter((id) => !wanted.has(id));
    const changed = metrics.filter((metric) => !samePrMetric(existing.get(metric.id), metric));
    for (const ids of chunks(stale)) await repository.delete(ids.map((id) => ({ id, projectName })));
    for (const part of chunks(changed)) {
      const rows = part.map((metric) => ({ id: metric.id, project_name: projectName, ...prMetricColumns(metric), created_at: now, updated_at: now, ...EMPTY_RAW }));
      const updated = [...Object.keys(prMetricColumns(part[0])), 'updated_at'];
      await this.db.query(upsertSql(this.db.dialect, 'project_pr_metrics', rows, KEY, updated), session);
    }
    return { deleted: stale.length, written: changed.length };
  }
}

/** A metric's columns of `project_pr_metrics` but its key. */
function prMetricColumns(metric: PrMetric) {
  return {
    first_commit_sha: metric.firstCommitSha,
    pr_coding_time: metric.prCodingTime,
    first_review_id: metric.firstReviewId,
    pr_pickup_time: metric.prPickupTime,
    pr_review_time: metric.prReviewTime,
    deployment_commit_id: metric.deploymentCommitId,
    pr_deploy_time: metric.prDeployTime,
    pr_cycle_time: metric.prCycleTime,
    first_commit_authored_date: metric.firstCommitAuthoredDate,
    pr_created_date: metric.prCreatedDate,
    first_comment_date: metric.firstCommentDate,
    pr_merged_date: metric.prMergedDate,
    pr_deployed_date: metric.prDeployedDate,
  };
}

function samePrMetric(row: ProjectPrMetricEntity | undefined, metric: PrMetric): boolean {
  if (!row) return false;
  const time = (value: Date | null | undefined) => (value ? value.getTime() : null);
  return (
    row.firstCommitSha === metric.firstCommitSha &&
    row.prCodingTime === metric.prCodingTime &&
    row.firstReviewId === metric.firstReviewId &&
    row.prPickupTime === metric.prPickupTime &&
    row.prReviewTime === metric.prReviewTime &&
    row.deploymentCommitId === metric.deploymentCommitId &&
    row.prDeployTime === metric.prDeployTime &&
    row.prCycleTime === metric.prCycleTime &&
    time(row.firstCommitAuthoredDate) === time(metric.firstCommitAuthoredDate) &&
    time(row.prCreatedDate) === time(metric.prCreatedDate) &&
    time(row.firstCommentDate) === time(metric.firstCommentDate) &&
    time(row.prMergedDate) === time(metric.prMergedDate) &&
    time(row.prDeployedDate) === time(metric.prDeployedDate)
  );
}

interface ShippingRow {
  id: string;
  started: unknown;
  finished: unknown;
}

/** The earliest start first, ties to the smallest id (§4.2). */
function earliestShipping(rows: ShippingRow[]): ShippingRow | undefined {
  const startOf = (row: ShippingRow) => toInstant(row.started)?.getTime() ?? Number.NEGATIVE_INFINITY; // NULL first, as SQL sorts it
  return [...rows].sort((a, b) => startOf(a) - startOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}
