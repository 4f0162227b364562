import { Injectable } from '@nestjs/common';
import { formatDbDatetime as db } from '@app/domain';
import { MetricsWindow } from '../common/metrics-window';
import { ScopeIds } from '../scope/metric-scope';
import { scopeIssueIds } from '../sql/scope-sql';
import { raw, Sql, sql } from '../sql/sql';
import { strictUpperMedian } from '../sql/sql-medians';
import { SqlRunner } from '../sql/sql-runner';

export type IssueType = 'BUG' | 'INCIDENT';

export interface RequirementMonth {
  month: string;
  requirements: number;
  delivered: number;
  pointsSum: number;
  pointed: number;
}

export interface ResolvedMonth {
  month: string;
  issues: number;
  leadSum: number;
  leadCount: number;
}

export interface Outstanding {
  issues: number;
  ageMillisSum: number;
  dated: number;
}

const num = (value: unknown) => Number(value ?? 0);

/** Issue metric queries over the scope's issues (`issues` through `board_issues`, spec metrics.md §7). */
@Injectable()
export class IssueMetricsRepository {
  constructor(private readonly db: SqlRunner) {}

  private month(column: string): Sql {
    return this.db.dialect.month(raw(column));
  }

  private inWindow(column: string, window: MetricsWindow): Sql {
    return sql`${raw(column)} >= ${db(window.from)} AND ${raw(column)} <= ${db(window.to)}`;
  }

  async requirementsByMonth(ids: ScopeIds, window: MetricsWindow): Promise<RequirementMonth[]> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT ${this.month('s.created_date')} AS bucket, COUNT(*) AS n,
             SUM(CASE WHEN s.status = 'DONE' THEN 1 ELSE 0 END) AS done,
             SUM(s.story_point) AS points, COUNT(s.story_point) AS pointed
        FROM issues s
       WHERE s.id IN (${scopeIssueIds(ids)}) AND s.type = 'REQUIREMENT' AND ${this.inWindow('s.created_date', window)}
       GROUP BY ${this.month('s.created_date')}`);
    return rows.map((row) => ({
      month: String(row.bucket),
      requirements: num(row.n),
      delivered: num(row.done),
      pointsSum: num(row.points),
      pointed: num(row.pointed),
    }));
  }

  /** DONE issues of `type` resolved in the window, by resolution month. */
  async resolvedByMonth(ids: ScopeIds, type: IssueType, window: MetricsWindow): Promise<ResolvedMonth[]> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT ${this.month('s.resolution_date')} AS bucket, COUNT(*) AS n,
             SUM(s.lead_time_minutes) AS lead_sum, COUNT(s.lead_time_minutes) AS lead_count
        FROM issues s
       WHERE s.id IN (${scopeIssueIds(ids)}) AND s.type = ${type} AND s.status = 'DONE'
         AND ${this.inWindow('s.resolution_date', window)}
       GROUP BY ${this.month('s.resolution_date')}`);
    return rows.map((row) => ({
      month: String(row.bucket),
      issues: num(row.n),
      leadSum: num(row.lead_sum),
      leadCount: num(row.lead_count),
    }));
  }

  /** B4 of the lead times of every DONE issue of `type` in the scope (Q15: its boards only). */
  async allHistoryMedianMinutes(ids: ScopeIds, type: IssueType): Promise<number | null> {
    const [row] = await this.db.query<{ v: unknown }>(
      strictUpperMedian(sql`SELECT s.lead_time_minutes AS v FROM issues s
        WHERE s.id IN (${scopeIssueIds(ids)}) AND s.type = ${type} AND s.status = 'DONE'`),
    );
    return row?.v === null || row?.v === undefined ? null : Number(row.v);
  }

  /** Issues of `type` not DONE, whatever their dates, with their summed age at `now`. */
  async outstanding(ids: ScopeIds, type: IssueType, now: Date): Promise<Outstanding> {
    const [row] = await this.db.query<Record<string, unknown>>(sql`
      SELECT COUNT(*) AS n, SUM(${this.db.dialect.millisBetween(raw('s.created_date'), sql`${db(now)}`)}) AS age,
             COUNT(s.created_date) AS dated
        FROM issues s
       WHERE s.id IN (${scopeIssueIds(ids)}) AND s.type = ${type} AND s.status <> 'DONE'`);
    return { issues: num(row?.n), ageMillisSum: num(row?.age), dated: num(row?.dated) };
  }

  /** Issues of `type` created in the window, by creation month. */
  async createdByMonth(ids: ScopeIds, type: IssueType, window: MetricsWindow): Promise<Map<string, number>> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT ${this.month('s.created_date')} AS bucket, COUNT(*) AS n FROM issues s
       WHERE s.id IN (${scopeIssueIds(ids)}) AND s.type = ${type} AND ${this.inWindow('s.created_date', window)}
       GROUP BY ${this.month('s.created_date')}`);
    return new Map(rows.map((row) => [String(row.bucket), num(row.n)]));
  }

  /** Whether DevLake's `commits`/`repo_commits` exist and hold a commit of the scope's repos. */
  async commitsCollected(ids: ScopeIds): Promise<boolean> {
    if ((await this.db.tablesPresent(['commits', 'repo_commits'])).size < 2) return false;
    const rows = await this.db.query(sql`
      SELECT 1 AS found FROM repo_commits rc JOIN commits cm ON cm.sha = rc.commit_sha
       WHERE rc.repo_id IN (${ids.repoIds}) LIMIT 1`);
    return rows.length > 0;
  }

  /** Additions + deletions of the scope's commits authored in the window, merges excluded, by month. */
  async linesByMonth(ids: ScopeIds, window: MetricsWindow): Promise<Map<string, number>> {
    const rows = await this.db.query<Record<string, unknown>>(sql`
      SELECT ${this.month('cm.authored_date')} AS bucket,
             SUM(COALESCE(cm.additions, 0) + COALESCE(cm.deletions, 0)) AS line_count
        FROM commits cm
       WHERE cm.sha IN (SELECT rc.commit_sha FROM repo_commits rc WHERE rc.repo_id IN (${ids.repoIds}))
         AND ${this.inWindow('cm.authored_date', window)} AND SUBSTR(cm.message, 1, 5) <> 'Merge'
       GROUP BY ${this.month('cm.authored_date')}`);
    return new Map(rows.map((row) => [String(row.bucket), num(row.line_count)]));
  }
}
