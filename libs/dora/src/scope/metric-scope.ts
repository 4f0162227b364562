/** A `project_mapping` row: which row of which table belongs to a scope. */
export interface ScopeRow {
  table: string;
  rowId: string;
}

/** The ids a metric reads by (spec metrics.md §1). */
export interface ScopeIds {
  /** `cicd_deployment_commits.cicd_scope_id` */
  cicdScopeIds: string[];
  /** `board_issues.board_id` */
  boardIds: string[];
  /** `pull_requests.base_repo_id`, `repo_commits.repo_id` */
  repoIds: string[];
  /** (`incidents.table`, `incidents.scope_id`) */
  incidentScopes: ScopeRow[];
}

export type MetricScope =
  | { kind: 'project'; projectName: string; ids: ScopeIds }
  | { kind: 'connection'; connectionId: number; ids: ScopeIds };

/** The tables a webhook connection is mapped through (spec api.md §7.7). */
export const WEBHOOK_MAPPED_TABLES = ['cicd_scopes', 'boards', 'repos'] as const;

export function webhookScopeId(connectionId: number): string {
  return `webhook:${connectionId}`;
}

export function scopeIdsOf(rows: readonly ScopeRow[]): ScopeIds {
  const of = (table: string) => rows.filter((row) => row.table === table).map((row) => row.rowId);
  return { cicdScopeIds: of('cicd_scopes'), boardIds: of('boards'), repoIds: of('repos'), incidentScopes: [...rows] };
}

/** A connection as if it were the only member of a project: `webhook:<c>` for all three tables. */
export function connectionScope(connectionId: number): MetricScope {
  const rowId = webhookScopeId(connectionId);
  return { kind: 'connection', connectionId, ids: scopeIdsOf(WEBHOOK_MAPPED_TABLES.map((table) => ({ table, rowId }))) };
}

export function projectScope(projectName: string, rows: readonly ScopeRow[]): MetricScope {
  return { kind: 'project', projectName, ids: scopeIdsOf(rows) };
}
