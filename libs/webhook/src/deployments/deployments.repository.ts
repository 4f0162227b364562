import { Injectable } from '@nestjs/common';
import { CicdDeploymentCommitEntity, CicdDeploymentEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { RowRecorder } from '../common/database/row-recorder';
import { upsertStatementOf } from '../common/database/upsert-rows';
import { formatDbDatetime } from '../common/time';
import { Chain, ChainRow, PrevUpdate, TouchedChain } from './prev-success-chain';

/** What a deployment write reads before it writes, in one statement (a tie at the edge of a window costs a second). */
export interface SnapshotQuery {
  deploymentIds: readonly string[];
  commitIds: readonly string[];
  /** Urls whose `repo_id` the `repos` table decides. */
  repoUrls: readonly string[];
  windows: readonly TouchedChain[];
}

export interface Snapshot {
  /** `cicd_scope_id` of the stored deployments, by id with trailing spaces cut (the key collations ignore them). */
  owners: Map<string, string | null>;
  /** Stored commit rows whose id is among `commitIds` (the caller matches the exact keys). */
  commits: ChainRow[];
  /** Smallest `repos.id` per url, matched exactly. */
  repoIds: Map<string, string>;
  /** Per window: the chain's stored members from its last finish time before `from` to its first after `to`. */
  windows: ChainRow[][];
}

const PREV = 'prev_success_deployment_commit_id';
/** Columns of every part of the snapshot union, in order: kind, the ChainRow columns, window index. */
const CHAIN_SELECT = `id, commit_sha, cicd_scope_id, repo_url, environment, result, finished_date, ${PREV}`;

/** Exact chain membership: `=` ignores trailing spaces on both drivers, equal lengths rule them out. */
const MEMBER_OF_CHAIN =
  'cicd_scope_id = ? AND LENGTH(cicd_scope_id) = LENGTH(?) AND repo_url = ? AND LENGTH(repo_url) = LENGTH(?) ' +
  "AND environment = ? AND LENGTH(environment) = LENGTH(?) AND result = 'SUCCESS' AND LENGTH(result) = 7 AND finished_date IS NOT NULL";

/**
 * A chain's stored members around the written positions, in three parts that each keep to a
 * constant index range: those finished from `from` to `to`, and the last two before and the first
 * two after (two, to notice a tie at that finish time: the whole tie is then read by TIE_SQL).
 */
const BETWEEN_SQL = `SELECT 'w' AS kind, ${CHAIN_SELECT}, ? AS tag FROM cicd_deployment_commits WHERE ${MEMBER_OF_CHAIN} AND finished_date >= ? AND finished_date <= ?`;
const EDGE_SQL = (kind: 'b' | 'a') =>
  `SELECT * FROM (SELECT '${kind}' AS kind, ${CHAIN_SELECT}, ? AS tag FROM cicd_deployment_commits WHERE ${MEMBER_OF_CHAIN} ` +
  `AND finished_date ${kind === 'b' ? '<' : '>'} ? ORDER BY finished_date ${kind === 'b' ? 'DESC' : 'ASC'} LIMIT 2) edge_${kind}`;
const TIE_SQL = `SELECT 'w' AS kind, ${CHAIN_SELECT}, ? AS tag FROM cicd_deployment_commits WHERE ${MEMBER_OF_CHAIN} AND finished_date = ?`;

interface SnapshotRow {
  kind: 'd' | 'c' | 'r' | 'w' | 'b' | 'a';
  id: string;
  commit_sha: string | null;
  cicd_scope_id: string | null;
  repo_url: string | null;
  environment: string | null;
  result: string | null;
  finished_date: Date | string | null;
  prev_success_deployment_commit_id: string | null;
  tag: number | string | null;
}

/**
 * `cicd_deployments` and `cicd_deployment_commits`, plus the `repos` lookup; always inside the
 * caller's transaction, in plain SQL: a deployment request reads once, upserts each table once,
 * and updates only the chain neighbours whose link moves.
 */
@Injectable()
export class DeploymentsRepository {
  private readonly commitUpsert = upsertStatementOf(CicdDeploymentCommitEntity);
  private readonly deploymentUpsert = upsertStatementOf(CicdDeploymentEntity);

  async readSnapshot(manager: EntityManager, query: SnapshotQuery): Promise<Snapshot> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (query.deploymentIds.length > 0) {
      parts.push(`SELECT 'd' AS kind, id, ${nulls('commit_sha')}, cicd_scope_id, ${nulls('repo_url', 'environment', 'result', 'finished_date', PREV, 'tag')} FROM cicd_deployments WHERE id IN (${marks(query.deploymentIds)})`);
      params.push(...query.deploymentIds);
    }
    if (query.commitIds.length > 0) {
      parts.push(`SELECT 'c' AS kind, ${CHAIN_SELECT}, NULL AS tag FROM cicd_deployment_commits WHERE id IN (${marks(query.commitIds)})`);
      params.push(...query.commitIds);
    }
    if (query.repoUrls.length > 0) {
      parts.push(`SELECT 'r' AS kind, id, ${nulls('commit_sha', 'cicd_scope_id')}, url AS repo_url, ${nulls('environment', 'result', 'finished_date', PREV, 'tag')} FROM repos WHERE url IN (${marks(query.repoUrls)})`);
      params.push(...query.repoUrls);
    }
    query.windows.forEach(({ chain, from, to }, index) => {
      const member = memberParams(chain);
      parts.push(BETWEEN_SQL, EDGE_SQL('b'), EDGE_SQL('a'));
      params.push(index, ...member, formatDbDatetime(from), formatDbDatetime(to), index, ...member, formatDbDatetime(from), index, ...member, formatDbDatetime(to));
    });
    const snapshot: Snapshot = { owners: new Map(), commits: [], repoIds: new Map(), windows: query.windows.map(() => []) };
    if (parts.length === 0) return snapshot;
    const rows: SnapshotRow[] = await manager.query(parts.join(' UNION ALL '), params);
    const urls = new Set(query.repoUrls);
    const edges = query.windows.map(() => ({ b: [] as ChainRow[], a: [] as ChainRow[] }));
    for (const row of rows) {
      if (row.kind === 'd') snapshot.owners.set(padKey(row.id), row.cicd_scope_id);
      else if (row.kind === 'c') snapshot.commits.push(toChainRow(row));
      else if (row.kind === 'w') snapshot.windows[Number(row.tag)].push(toChainRow(row));
      else if (row.kind === 'b' || row.kind === 'a') edges[Number(row.tag)][row.kind].push(toChainRow(row));
      else if (urls.has(row.repo_url as string)) keepSmallest(snapshot.repoIds, row.repo_url as string, row.id);
    }
    await this.addEdges(manager, query.windows, edges, snapshot.windows);
    return snapshot;
  }

  /** The member just before and just after each window; when two share that finish time, all members of it. */
  private async addEdges(manager: EntityManager, windows: readonly TouchedChain[], edges: { b: ChainRow[]; a: ChainRow[] }[], stored: ChainRow[][]) {
    const ties: { index: number; finished: Date }[] = [];
    edges.forEach(({ b, a }, index) => {
      for (const edge of [b, a]) {
        const finished = edge[0]?.finishedDate;
        if (finished && edge.length === 2 && edge[1].finishedDate?.getTime() === finished.getTime()) ties.push({ index, finished });
        else stored[index].push(...edge);
      }
    });
    if (ties.length === 0) return;
    const params = ties.flatMap(({ index, finished }) => [index, ...memberParams(windows[index].chain), formatDbDatetime(finished)]);
    const rows: SnapshotRow[] = await manager.query(ties.map(() => TIE_SQL).join(' UNION ALL '), params);
    for (const row of rows) stored[Number(row.tag)].push(toChainRow(row));
  }

  /** Upserts on the primary keys, in order (a later row of one key wins): spec api.md §8.5. */
  async upsert(manager: EntityManager, commits: readonly CicdDeploymentCommitEntity[], deployments: readonly CicdDeploymentEntity[]): Promise<void> {
    await this.commitUpsert.execute(manager, commits);
    await this.deploymentUpsert.execute(manager, deployments);
  }

  /** Of the given `webhook:<id>` scope ids, those whose connection no longer exists (deleted without purge). */
  async scopesOfDeletedConnections(manager: EntityManager, scopeIds: readonly string[]): Promise<Set<string>> {
    const ids = new Map<number, string>();
    for (const scopeId of scopeIds) {
      const match = /^webhook:([1-9][0-9]*)$/.exec(scopeId);
      if (match) ids.set(Number(match[1]), scopeId);
    }
    if (ids.size === 0) return new Set();
    const existing: { id: number | string }[] = await manager.query(
      `SELECT id FROM _tool_webhook_connections WHERE id IN (${[...ids.keys()].map(() => '?').join(', ')})`,
      [...ids.keys()],
    );
    for (const row of existing) ids.delete(Number(row.id));
    return new Set(ids.values());
  }

  async updatePrevLinks(manager: EntityManager, updates: readonly PrevUpdate[], now: Date): Promise<void> {
    for (const update of updates) {
      await manager.query(
        'UPDATE cicd_deployment_commits SET prev_success_deployment_commit_id = ?, updated_at = ? WHERE id = ? AND commit_sha = ?',
        [update.prev, formatDbDatetime(now), update.id, update.commitSha],
      );
    }
    RowRecorder.noteWritten(manager, CicdDeploymentCommitEntity, updates.map(({ id, commitSha }) => ({ id, commitSha })));
  }
}

/** The id as both drivers' key collations see it: trailing spaces do not count. */
export function padKey(id: string): string {
  return id.replace(/ +$/, '');
}

function memberParams(chain: Chain): string[] {
  return [chain.cicdScopeId, chain.cicdScopeId, chain.repoUrl, chain.repoUrl, chain.environment, chain.environment];
}

function toChainRow(row: SnapshotRow): ChainRow {
  return {
    id: row.id,
    commitSha: row.commit_sha as string,
    cicdScopeId: row.cicd_scope_id,
    repoUrl: row.repo_url,
    environment: row.environment,
    result: row.result,
    finishedDate: toDate(row.finished_date),
    prevSuccessDeploymentCommitId: row.prev_success_deployment_commit_id,
  };
}

/** mysql2 reads a datetime as a Date; better-sqlite3 as the stored UTC text. */
function toDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** The smaller id in the key collations' order: code points, trailing spaces ignored. */
function keepSmallest(found: Map<string, string>, url: string, id: string): void {
  const known = found.get(url);
  if (known === undefined || compareCodePoints(padKey(id), padKey(known)) < 0) found.set(url, id);
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return (left[i].codePointAt(0) as number) - (right[i].codePointAt(0) as number);
  }
  return left.length - right.length;
}

function nulls(...aliases: string[]): string {
  return aliases.map((alias) => `NULL AS ${alias}`).join(', ');
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
