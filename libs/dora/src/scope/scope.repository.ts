import { Injectable } from '@nestjs/common';
import { joinSql, Sql, sql } from '../sql/sql';
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
    await this.bumpProjectLocks([], [projectName], session);
  }

  /**
   * Locks the projects mapped to these ids, and `alsoProjects`, for the rest of the transaction;
   * returns each one's mapping rows, read under that lock.
   */
  async lockProjectsMappedTo(rowIds: readonly string[], alsoProjects: readonly string[], session: DbSession): Promise<Map<string, ScopeRow[]>> {
    await this.bumpProjectLocks(rowIds, alsoProjects, session);
    const rows = await this.db.query<{ project_name: string; table_name: string | null; row_id: string | null }>(
      sql`SELECT p.name AS project_name, pm.\`table\` AS table_name, pm.row_id
            FROM (${projectsOf(rowIds, alsoProjects)}) p LEFT JOIN project_mapping pm ON pm.project_name = p.name
           ORDER BY p.name`,
      session,
    );
    const mappings = new Map<string, ScopeRow[]>();
    for (const row of rows) {
      const list = mappings.get(row.project_name) ?? [];
      mappings.set(row.project_name, list);
      if (row.table_name !== null && row.row_id !== null) list.push({ table: row.table_name, rowId: row.row_id });
    }
    return mappings;
  }

  /**
   * MySQL: bumps each project's row in `_webhook_locks` (the lock rows of the ingestion writes), in
   * name order. A row write holds across the primaries of a cluster, where a locking read is
   * node-local: writers of one project on two Galera nodes conflict at certification and one is
   * re-run. SQLite runs one writer at a time and needs none.
   */
  private async bumpProjectLocks(rowIds: readonly string[], alsoProjects: readonly string[], session: DbSession): Promise<void> {
    if (!this.db.dialect.lockRows) return;
    await this.db.query(
      sql`INSERT INTO _webhook_locks (name, version)
          SELECT DISTINCT CONCAT('project:', SHA1(p.name)), 1 FROM (${projectsOf(rowIds, alsoProjects)}) p ORDER BY 1
          ON DUPLICATE KEY UPDATE version = version + 1`,
      session,
    );
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

/** The names (`name`) of the projects mapped to these ids, and of `alsoProjects`. */
function projectsOf(rowIds: readonly string[], alsoProjects: readonly string[]): Sql {
  return joinSql(
    [sql`SELECT DISTINCT pm.project_name AS name FROM project_mapping pm WHERE pm.row_id IN (${[...rowIds]})`, ...alsoProjects.map((name) => sql`SELECT ${name} AS name`)],
    ' UNION ',
  );
}
