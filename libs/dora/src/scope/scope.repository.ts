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
   * Serializes the derived-data writers of one project (refreshes and ingestion updates) across
   * processes: one that began before another committed would overwrite its rows with older ones.
   */
  async lockProject(projectName: string, session: DbSession): Promise<void> {
    await this.db.query(sql`SELECT name FROM projects WHERE name = ${projectName}${this.db.dialect.forUpdate}`, session);
  }

  /**
   * Locks the projects mapped to these ids, and `alsoProjects` (their `projects` rows and mapping
   * rows, by locking reads without subqueries, which MySQL would read unlocked); returns each
   * one's mapping rows, read under that lock.
   */
  async lockProjectsMappedTo(rowIds: readonly string[], alsoProjects: readonly string[], session: DbSession): Promise<Map<string, ScopeRow[]>> {
    type Row = { project_name: string; table_name: string | null; row_id: string | null };
    const rows: Row[] = [];
    if (rowIds.length > 0) {
      rows.push(
        ...(await this.db.query<Row>(
          sql`SELECT pm2.project_name, pm2.\`table\` AS table_name, pm2.row_id
                FROM project_mapping pm
                JOIN project_mapping pm2 ON pm2.project_name = pm.project_name
                LEFT JOIN projects p ON p.name = pm.project_name
               WHERE pm.row_id IN (${[...rowIds]}) ORDER BY pm2.project_name${this.db.dialect.forUpdate}`,
          session,
        )),
      );
    }
    const others = alsoProjects.filter((name) => !rows.some((row) => row.project_name === name));
    if (others.length > 0) {
      rows.push(
        ...(await this.db.query<Row>(
          sql`SELECT p.name AS project_name, pm.\`table\` AS table_name, pm.row_id
                FROM projects p LEFT JOIN project_mapping pm ON pm.project_name = p.name
               WHERE p.name IN (${[...others].sort()}) ORDER BY p.name${this.db.dialect.forUpdate}`,
          session,
        )),
      );
    }
    const mappings = new Map<string, ScopeRow[]>(alsoProjects.map((name) => [name, []]));
    const seen = new Set<string>();
    for (const row of rows) {
      const list = mappings.get(row.project_name) ?? [];
      mappings.set(row.project_name, list);
      const key = JSON.stringify([row.project_name, row.table_name, row.row_id]);
      if (row.table_name === null || row.row_id === null || seen.has(key)) continue;
      seen.add(key);
      list.push({ table: row.table_name, rowId: row.row_id });
    }
    return mappings;
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
