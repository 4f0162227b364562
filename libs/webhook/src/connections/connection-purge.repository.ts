import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { webhookScopeId } from './connections.repository';

export type PurgeCounts = Record<string, number>;

interface PurgeStatement {
  table: string;
  /** WHERE clause; `?` are bound to the values below, in order. */
  where: string;
  params: (scopeId: string, idPrefix: string, connectionId: number) => unknown[];
}

/** Prefix match without LIKE (case-insensitive on SQLite): `webhook:1:` never matches `webhook:10:`. */
const startsWith = (column: string) => `substr(${quote(column)}, 1, ?) = ?`;
const prefixParams = (prefix: string) => [prefix.length, prefix];

/**
 * Every domain row a connection wrote (spec api.md §7.5), derived rows first so their subqueries
 * still see the rows they refer to.
 */
const PURGE_STATEMENTS: PurgeStatement[] = [
  {
    table: 'project_incident_deployment_relationships',
    where: `${startsWith('id')} OR deployment_id IN (SELECT id FROM cicd_deployments WHERE cicd_scope_id = ?)`,
    params: (scopeId, prefix) => [...prefixParams(prefix), scopeId],
  },
  {
    table: 'project_pr_metrics',
    where: 'id IN (SELECT id FROM pull_requests WHERE base_repo_id = ?)',
    params: (scopeId) => [scopeId],
  },
  // Issue 18: the commits_diffs pairs we wrote for the connection's rows, then their lists.
  {
    table: 'commits_diffs',
    where:
      'EXISTS (SELECT 1 FROM _tool_webhook_deployment_commit_shas l JOIN cicd_deployment_commits c ON c.id = l.deployment_commit_id AND c.commit_sha = l.deployment_commit_sha ' +
      'WHERE c.cicd_scope_id = ? AND l.diff_old_commit_sha IS NOT NULL AND l.deployment_commit_sha = commits_diffs.new_commit_sha AND l.diff_old_commit_sha = commits_diffs.old_commit_sha)',
    params: (scopeId) => [scopeId],
  },
  {
    table: '_tool_webhook_deployment_commit_shas',
    where: 'EXISTS (SELECT 1 FROM cicd_deployment_commits c WHERE c.cicd_scope_id = ? AND c.id = deployment_commit_id AND c.commit_sha = deployment_commit_sha)',
    params: (scopeId) => [scopeId],
  },
  { table: 'cicd_deployment_commits', where: 'cicd_scope_id = ?', params: (scopeId) => [scopeId] },
  { table: 'cicd_deployments', where: 'cicd_scope_id = ?', params: (scopeId) => [scopeId] },
  { table: 'issues', where: startsWith('id'), params: (_s, prefix) => prefixParams(prefix) },
  { table: 'incidents', where: startsWith('id'), params: (_s, prefix) => prefixParams(prefix) },
  { table: 'issue_assignees', where: startsWith('issue_id'), params: (_s, prefix) => prefixParams(prefix) },
  { table: 'incident_assignees', where: startsWith('incident_id'), params: (_s, prefix) => prefixParams(prefix) },
  { table: 'board_issues', where: 'board_id = ?', params: (scopeId) => [scopeId] },
  { table: 'pull_requests', where: 'base_repo_id = ?', params: (scopeId) => [scopeId] },
  { table: 'boards', where: 'id = ?', params: (scopeId) => [scopeId] },
  { table: 'cicd_scopes', where: 'id = ?', params: (scopeId) => [scopeId] },
  {
    table: 'project_mapping',
    where: `row_id = ? AND ${quote('table')} IN ('cicd_scopes', 'boards', 'repos')`,
    params: (scopeId) => [scopeId],
  },
  { table: '_tool_webhook_requests', where: 'connection_id = ?', params: (_s, _p, connectionId) => [connectionId] },
];

@Injectable()
export class ConnectionPurgeRepository {
  async purge(manager: EntityManager, connectionId: number): Promise<PurgeCounts> {
    const scopeId = webhookScopeId(connectionId);
    const idPrefix = `${scopeId}:`;
    const counts: PurgeCounts = {};
    for (const statement of PURGE_STATEMENTS) {
      const params = statement.params(scopeId, idPrefix, connectionId);
      counts[statement.table] = await deleteRows(manager, statement.table, statement.where, params);
    }
    return counts;
  }
}

async function deleteRows(manager: EntityManager, table: string, where: string, params: unknown[]): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const result = await runner.query(`DELETE FROM ${quote(table)} WHERE ${where}`, params, true);
  return result.affected ?? 0;
}

/** Backticks quote identifiers on MySQL and on SQLite alike. */
function quote(identifier: string): string {
  return `\`${identifier}\``;
}
