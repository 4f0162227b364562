import { Injectable } from '@nestjs/common';
import { CicdDeploymentCommitEntity, CicdDeploymentEntity, RepoEntity } from '@app/domain';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { supportsRowLocks, upsertRows } from '../common/database/upsert-rows';
import { formatDbDatetime } from '../common/time';
import { Chain, ChainRow, PrevUpdate } from './prev-success-chain';

/** Primary key of a `cicd_deployment_commits` row. */
export interface CommitKey {
  id: string;
  commitSha: string;
}

/** Rows per multi-row statement: 31 columns × 200 stays far below SQLite's bound-parameter limit. */
const CHUNK = 200;

const CHAIN_COLUMNS: (keyof ChainRow)[] = [
  'id',
  'commitSha',
  'cicdScopeId',
  'repoUrl',
  'environment',
  'result',
  'finishedDate',
  'prevSuccessDeploymentCommitId',
];

/** `cicd_deployments` and `cicd_deployment_commits`, plus the `repos` lookup; always inside the caller's transaction. */
@Injectable()
export class DeploymentsRepository {
  /** The deployment's current owner, read with a lock on MySQL so a concurrent first insert of the same id waits. */
  async findDeploymentScope(manager: EntityManager, id: string): Promise<{ cicdScopeId: string | null } | undefined> {
    const query = manager.getRepository(CicdDeploymentEntity).createQueryBuilder('d').select('d.cicd_scope_id', 'cicdScopeId').where('d.id = :id', { id });
    return forUpdate(manager, query).getRawOne<{ cicdScopeId: string | null }>();
  }

  async findChainRows(manager: EntityManager, keys: readonly CommitKey[]): Promise<ChainRow[]> {
    const rows: ChainRow[] = [];
    for (const chunk of chunks([...new Set(keys.map((key) => key.id))], CHUNK)) {
      const found = await manager
        .getRepository(CicdDeploymentCommitEntity)
        .createQueryBuilder('c')
        .select(CHAIN_COLUMNS.map((column) => `c.${column}`))
        .where('c.id IN (:...ids)', { ids: chunk })
        .getMany();
      rows.push(...found);
    }
    const wanted = new Set(keys.map(keyText));
    return rows.filter((row) => wanted.has(keyText(row)));
  }

  /** Smallest `repos.id` per url, matched exactly (both collations ignore trailing spaces, so compared here too). */
  async findRepoIds(manager: EntityManager, urls: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const chunk of chunks([...new Set(urls)], CHUNK)) {
      const rows = await manager
        .getRepository(RepoEntity)
        .createQueryBuilder('r')
        .select(['r.id AS id', 'r.url AS url'])
        .where('r.url IN (:...urls)', { urls: chunk })
        .orderBy('r.id', 'ASC')
        .getRawMany<{ id: string; url: string }>();
      for (const row of rows) {
        if (chunk.includes(row.url) && !found.has(row.url)) found.set(row.url, row.id);
      }
    }
    return found;
  }

  /** Upsert on the primary key: every other column but `created_at` overwritten (spec api.md §8.5). */
  async upsertCommits(manager: EntityManager, rows: readonly CicdDeploymentCommitEntity[], now: Date): Promise<void> {
    for (const chunk of chunks(rows, CHUNK)) await upsertRows(manager, CicdDeploymentCommitEntity, chunk, now);
  }

  async upsertDeployment(manager: EntityManager, row: CicdDeploymentEntity, now: Date): Promise<void> {
    await upsertRows(manager, CicdDeploymentEntity, [row], now);
  }

  /**
   * A chain's members finished at or after `from`, plus every member of the last finish time
   * before it (the predecessors the first of them may point at).
   */
  async findChainMembersFrom(manager: EntityManager, chain: Chain, from: Date): Promise<ChainRow[]> {
    const repository = manager.getRepository(CicdDeploymentCommitEntity);
    const last = await whereChainMember(repository.createQueryBuilder('c').select('MAX(c.finished_date)', 'last'), chain)
      .andWhere('c.finished_date < :from', { from: formatDbDatetime(from) })
      .getRawOne<{ last: Date | string | null }>();
    const lowerBound = last?.last ? dbDatetimeParam(last.last) : formatDbDatetime(from);
    const members = await whereChainMember(repository.createQueryBuilder('c').select(CHAIN_COLUMNS.map((column) => `c.${column}`)), chain)
      .andWhere('c.finished_date >= :lowerBound', { lowerBound })
      .getMany();
    // Both collations ignore trailing spaces; the chain key does not.
    return members.filter((row) => row.repoUrl === chain.repoUrl && row.environment === chain.environment && row.cicdScopeId === chain.cicdScopeId);
  }

  async updatePrevLinks(manager: EntityManager, updates: readonly PrevUpdate[], now: Date): Promise<void> {
    for (const update of updates) {
      await manager
        .getRepository(CicdDeploymentCommitEntity)
        .update({ id: update.id, commitSha: update.commitSha }, { prevSuccessDeploymentCommitId: update.prev, updatedAt: now });
    }
  }
}

function whereChainMember<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, chain: Chain): SelectQueryBuilder<T> {
  return query
    .where('c.cicd_scope_id = :scopeId', { scopeId: chain.cicdScopeId })
    .andWhere('c.repo_url = :repoUrl', { repoUrl: chain.repoUrl })
    .andWhere('c.environment = :environment', { environment: chain.environment })
    .andWhere("c.result = 'SUCCESS'")
    .andWhere('c.finished_date IS NOT NULL');
}

function forUpdate<T extends ObjectLiteral>(manager: EntityManager, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return supportsRowLocks(manager) ? query.setLock('pessimistic_write') : query;
}

/** A raw datetime as a parameter: mysql2 reads it as a Date, better-sqlite3 as the stored text. */
function dbDatetimeParam(value: Date | string): string {
  return value instanceof Date ? formatDbDatetime(value) : value;
}

function keyText(key: CommitKey): string {
  return JSON.stringify([key.id, key.commitSha]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
