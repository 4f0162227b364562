import { ScopeIds } from '../scope/metric-scope';
import { joinSql, raw, Sql, sql } from './sql';

/** `<alias>.cicd_scope_id` among the scope's `cicd_scopes` ids. */
export function deploymentInScope(alias: string, ids: ScopeIds): Sql {
  return sql`${raw(alias)}.cicd_scope_id IN (${ids.cicdScopeIds})`;
}

/** Only these rows count anywhere in DORA (spec metrics.md §2); stored upper-case, compared exactly. */
export function successfulProduction(alias: string): Sql {
  return raw(`${alias}.result = 'SUCCESS' AND ${alias}.environment = 'PRODUCTION'`);
}

/** (`incidents.table`, `incidents.scope_id`) among the scope's mapping rows. */
export function incidentInScope(alias: string, ids: ScopeIds): Sql {
  if (ids.incidentScopes.length === 0) return raw('1 = 0');
  const pairs = ids.incidentScopes.map((row) => sql`(${raw(alias)}.\`table\` = ${row.table} AND ${raw(alias)}.scope_id = ${row.rowId})`);
  return sql`(${joinSql(pairs, ' OR ')})`;
}

/** Ids of the scope's issues, through `board_issues` (distinct by construction when used with IN). */
export function scopeIssueIds(ids: ScopeIds): Sql {
  return sql`SELECT bi.issue_id FROM board_issues bi WHERE bi.board_id IN (${ids.boardIds})`;
}
