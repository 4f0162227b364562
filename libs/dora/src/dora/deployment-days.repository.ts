import { Injectable } from '@nestjs/common';
import { toInstant, utcDay } from '../common/calendar';
import { formatDbDatetime as db } from '@app/domain';
import { MetricsWindow } from '../common/metrics-window';
import { ScopeIds } from '../scope/metric-scope';
import { deploymentInScope, successfulProduction } from '../sql/scope-sql';
import { raw, sql } from '../sql/sql';
import { SqlRunner } from '../sql/sql-runner';

export interface DeploymentDayRow {
  /** UTC day of the B1 finish. */
  day: string;
  deployments: number;
  /** Of those, the B2 ones (finish in the window). */
  inWindow: number;
}

interface OtherResultDeployment {
  id: string;
  hasSuccess: boolean;
  /** Its latest production row at or after `since`: what step 1 counted it with. */
  productionFinish: Date | null;
}

const LOOKUPS_PER_STATEMENT = 500;
const num = (value: unknown) => Number(value ?? 0);

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += LOOKUPS_PER_STATEMENT) out.push(items.slice(i, i + LOOKUPS_PER_STATEMENT));
  return out;
}

/**
 * B1 (spec metrics.md §3) counted per day: the one computation whose cost grows with the number of
 * deployments, so it is shaped around what indexes can answer without reading table rows.
 *
 * No index can hold scope, result, environment, finish and deployment id together (InnoDB keys
 * stop at 3072 bytes; these need 3467 at utf8mb4), and reading rows one by one is what made a
 * million rows slow. So:
 * 1. every production deployment, finish = its latest production row, grouped straight off
 *    `(cicd_scope_id, environment, cicd_deployment_id, finished_date)` in deployment order;
 * 2. the deployments having a row whose result is not SUCCESS (usually few), listed off
 *    `(cicd_scope_id, result, cicd_deployment_id)`, are taken back out of step 1 and, when they
 *    also have SUCCESS rows (rarer still), put back with their exact finish read from the rows.
 * Rows finishing before `since` cannot raise a later maximum, so they are not read.
 */
@Injectable()
export class DeploymentDaysRepository {
  constructor(private readonly db: SqlRunner) {}

  /** B1 deployments finishing in `[since, before)` per UTC day of the finish, with the B2 share. */
  async deploymentDays(ids: ScopeIds, since: Date, before: Date, window: MetricsWindow): Promise<DeploymentDayRow[]> {
    const [production, others] = await Promise.all([
      this.productionDays(ids, since, before, window),
      this.otherResultDeployments(ids, since),
    ]);
    const days = new Map<string, DeploymentDayRow>(production.map((row) => [row.day, row]));
    const count = (finish: Date, sign: 1 | -1) => {
      if (finish.getTime() >= before.getTime()) return;
      const day = utcDay(finish);
      const entry = days.get(day) ?? { day, deployments: 0, inWindow: 0 };
      entry.deployments += sign;
      if (finish >= window.from && finish <= window.to) entry.inWindow += sign;
      days.set(day, entry);
    };
    for (const other of others) if (other.productionFinish) count(other.productionFinish, -1);
    for (const finish of await this.exactFinishes(ids, others.filter((d) => d.hasSuccess).map((d) => d.id), since)) count(finish, 1);
    return [...days.values()].filter((row) => row.deployments > 0).sort((a, b) => (a.day < b.day ? -1 : 1));
  }

  /** Step 1: every deployment with production rows, finished at its latest one. */
  private async productionDays(ids: ScopeIds, since: Date, before: Date, window: MetricsWindow) {
    const day = this.db.dialect.day(raw('g.finish'));
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT ${day} AS day, COUNT(*) AS deployments,
             SUM(CASE WHEN g.finish >= ${db(window.from)} AND g.finish <= ${db(window.to)} THEN 1 ELSE 0 END) AS in_window
        FROM (SELECT MAX(c.finished_date) AS finish FROM cicd_deployment_commits c
               WHERE ${deploymentInScope('c', ids)} AND c.environment = 'PRODUCTION' AND c.finished_date >= ${db(since)}
               GROUP BY c.cicd_deployment_id) g
       WHERE g.finish < ${db(before)}
       GROUP BY ${day}`);
    return rows.map((row) => ({ day: String(row.day), deployments: num(row.deployments), inWindow: num(row.in_window) }));
  }

  /** Step 2: deployments with a row whose result is not SUCCESS, and what step 1 made of them. */
  private async otherResultDeployments(ids: ScopeIds, since: Date): Promise<OtherResultDeployment[]> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT o.cicd_deployment_id,
             (SELECT 1 FROM cicd_deployment_commits s
               WHERE ${deploymentInScope('s', ids)} AND s.result = 'SUCCESS' AND s.cicd_deployment_id = o.cicd_deployment_id
               LIMIT 1) AS has_success,
             (SELECT MAX(p.finished_date) FROM cicd_deployment_commits p
               WHERE ${deploymentInScope('p', ids)} AND p.environment = 'PRODUCTION' AND p.cicd_deployment_id = o.cicd_deployment_id
                 AND p.finished_date >= ${db(since)}) AS production_finish
        FROM (SELECT DISTINCT n.cicd_deployment_id FROM cicd_deployment_commits n
               WHERE ${deploymentInScope('n', ids)} AND (n.result <> 'SUCCESS' OR n.result IS NULL)) o`);
    return rows.map((row) => ({
      id: String(row.cicd_deployment_id),
      hasSuccess: row.has_success !== null,
      productionFinish: toInstant(row.production_finish),
    }));
  }

  /** Exact B1 finishes at or after `since` of a few deployments, reading their rows. */
  private async exactFinishes(ids: ScopeIds, deploymentIds: string[], since: Date): Promise<Date[]> {
    const finishes: Date[] = [];
    for (const part of chunks(deploymentIds)) {
      const rows = await this.db.query<{ finish: unknown }>(sql`
        SELECT MAX(f.finished_date) AS finish FROM cicd_deployment_commits f
         WHERE ${deploymentInScope('f', ids)} AND f.cicd_deployment_id IN (${part}) AND ${successfulProduction('f')}
           AND f.finished_date >= ${db(since)}
         GROUP BY f.cicd_deployment_id`);
      for (const row of rows) if (row.finish !== null) finishes.push(toInstant(row.finish)!);
    }
    return finishes;
  }
}
