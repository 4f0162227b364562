import { createHash } from 'crypto';
import { Injectable } from '@nestjs/common';
import { sql } from '../sql/sql';
import { DbSession, SqlRunner } from '../sql/sql-runner';
import { ScopeRow } from './metric-scope';

/** `projects` and `project_mapping`, read only. */
@Injectable()
export class ScopeRepository {
  constructor(private readonly db: SqlRunner) {}

  async projectExists(projectName: string): Promise<boolean> {
    const rows = await this.db.query(sql`SELECT 1 AS found FROM projects WHERE name = ${projectName}`);
    return rows.length > 0;
  }

  /**
   * Serializes the derived-data writers of one project (rebuilds and applications of pending
   * changes) across processes: one that began before another committed would overwrite its rows
   * with older ones. A row write rather than a locking read: it holds when the `projects` row is
   * missing, and on a multi-primary cluster two writers on different nodes conflict at commit and
   * one is re-run (issue 17). Ingestion writes never take it. Call it before any other read.
   */
  async lockProject(projectName: string, session: DbSession): Promise<void> {
    await this.db.execute(this.db.dialect.bumpLockRow(`derived:${createHash('sha1').update(projectName).digest('hex')}`), session);
  }

  async projectMappings(projectName: string, session?: DbSession): Promise<ScopeRow[]> {
    const rows = await this.db.query<{ table_name: string; row_id: string }>(
      sql`SELECT pm.\`table\` AS table_name, pm.row_id FROM project_mapping pm WHERE pm.project_name = ${projectName}`,
      session,
    );
    return rows.map((row) => ({ table: row.table_name, rowId: row.row_id }));
  }

  /** Projects with a mapping row naming one of these ids, in any table. */
  async projectsMappedTo(rowIds: readonly string[]): Promise<string[]> {
    if (rowIds.length === 0) return [];
    const rows = await this.db.query<{ project_name: string }>(
      sql`SELECT DISTINCT project_name FROM project_mapping WHERE row_id IN (${[...rowIds]}) ORDER BY project_name`,
    );
    return rows.map((row) => row.project_name);
  }

  /** Every project name the derived tables could concern, stale ones included. */
  async allProjectNames(): Promise<string[]> {
    const rows = await this.db.query<{ name: string }>(sql`
      SELECT name FROM projects
      UNION SELECT project_name FROM project_mapping
      UNION SELECT project_name FROM project_incident_deployment_relationships
      UNION SELECT project_name FROM project_pr_metrics`);
    return rows.map((row) => row.name).sort();
  }
}
