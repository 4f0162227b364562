import { Injectable } from '@nestjs/common';
import { CommitsDiffEntity, DeploymentCommitShaEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { RowRecorder } from '../common/database/row-recorder';
import { upsertStatementOf } from '../common/database/upsert-rows';
import { rowKey } from './prev-success-chain';

/** A deployment commit row whose list, or whose previous successful row, the write may have changed. */
export interface ListedRow {
  id: string;
  commitSha: string;
  /** `prev_success_deployment_commit_id` as now stored (`''` when none). */
  prev: string;
  /** Written rows: the list as posted, `undefined` when none was (the stored one is removed). Absent for relinked neighbours. */
  list?: { shas: string[] | undefined };
}

interface StoredList {
  shas: string[];
  /** Old sha of the `commits_diffs` pair we wrote, null when we wrote none. */
  diffOld: string | null;
}

const LISTS = '_tool_webhook_deployment_commit_shas';
/** DevLake's `commits_diffs` columns are varchar(40): a pair or sha that does not fit is not written there. */
const DIFF_SHA_LENGTH = 40;
const IDS_PER_QUERY = 500;

/**
 * The shipped-commit lists of deployment commit rows (`commit_shas`, issue 18) and the
 * `commits_diffs` rows DevLake reads them from: pair (row sha, sha of its previous successful row),
 * one row per listed sha plus the row's own. A pair someone else wrote (a git plugin) is left as it
 * is and not written by us. Inside the caller's transaction; rows written are noted for dry runs.
 */
@Injectable()
export class CommitListsRepository {
  private readonly listUpsert = upsertStatementOf(DeploymentCommitShaEntity);
  private readonly diffUpsert = upsertStatementOf(CommitsDiffEntity);

  /** Writes the posted lists and rewrites the `commits_diffs` pairs that changed; rows without a list, stored or posted, cost one read. */
  async sync(manager: EntityManager, rows: readonly ListedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const stored = await this.readLists(manager, rows);
    const concerned = rows.filter((row) => (row.list ? row.list.shas !== undefined || stored.has(rowKey(row)) : stored.has(rowKey(row))));
    if (concerned.length === 0) return;
    const shaOf = await this.commitShas(manager, concerned.flatMap((row) => [row.id, row.prev]).filter((id) => id !== ''));
    for (const row of concerned) {
      const before = stored.get(rowKey(row));
      const shas = row.list ? row.list.shas : before?.shas;
      const repoUrl = shaOf.get(rowKey(row));
      const old = row.prev === '' ? '' : (shaOf.get(`${row.prev}\u0000@${repoUrl}`) ?? '');
      // A relinked neighbour whose pair did not move is left alone.
      if (!row.list && before?.diffOld === old) continue;
      if (before && before.diffOld !== null) await this.deleteDiffs(manager, row.commitSha, before.diffOld);
      const diffOld = shas ? await this.writeDiffs(manager, row.commitSha, old, shas) : null;
      if (row.list) await this.replaceList(manager, row, shas, diffOld);
      else await this.setDiffOld(manager, row, diffOld);
    }
  }

  private async readLists(manager: EntityManager, rows: readonly ListedRow[]): Promise<Map<string, StoredList>> {
    const wanted = new Set(rows.map(rowKey));
    const found = new Map<string, StoredList>();
    const ids = [...new Set(rows.map((row) => row.id))];
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const chunk = ids.slice(start, start + IDS_PER_QUERY);
      const stored: { id: string; sha: string; commit_sha: string; diff_old_commit_sha: string | null }[] = await manager.query(
        `SELECT deployment_commit_id AS id, deployment_commit_sha AS sha, commit_sha, diff_old_commit_sha FROM ${LISTS} ` +
          `WHERE deployment_commit_id IN (${marks(chunk)}) ORDER BY deployment_commit_id, deployment_commit_sha, sorting_index`,
        chunk,
      );
      for (const entry of stored) {
        const key = rowKey({ id: entry.id, commitSha: entry.sha });
        if (!wanted.has(key)) continue;
        const list = found.get(key);
        if (list) list.shas.push(entry.commit_sha);
        else found.set(key, { shas: [entry.commit_sha], diffOld: entry.diff_old_commit_sha });
      }
    }
    return found;
  }

  /**
   * Per row key: its `repo_url`; per `<id>\0@<repo_url>`: the sha of that row (1.x ids name one row
   * per repository, the previous successful row is in the same repository).
   */
  private async commitShas(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
      const chunk = unique.slice(start, start + IDS_PER_QUERY);
      const rows: { id: string; commit_sha: string; repo_url: string | null }[] = await manager.query(
        `SELECT id, commit_sha, repo_url FROM cicd_deployment_commits WHERE id IN (${marks(chunk)})`,
        chunk,
      );
      for (const row of rows) {
        found.set(rowKey({ id: row.id, commitSha: row.commit_sha }), row.repo_url ?? '');
        found.set(`${row.id}\u0000@${row.repo_url ?? ''}`, row.commit_sha);
      }
    }
    return found;
  }

  private async deleteDiffs(manager: EntityManager, newSha: string, oldSha: string): Promise<void> {
    await manager.query('DELETE FROM commits_diffs WHERE new_commit_sha = ? AND old_commit_sha = ?', [newSha, oldSha]);
  }

  /** Our rows for the pair, unless it is not ours to write: returns the old sha written, or null. */
  private async writeDiffs(manager: EntityManager, newSha: string, oldSha: string, shas: readonly string[]): Promise<string | null> {
    if (newSha.length > DIFF_SHA_LENGTH || oldSha.length > DIFF_SHA_LENGTH) return null;
    const taken: unknown[] = await manager.query('SELECT 1 AS found FROM commits_diffs WHERE new_commit_sha = ? AND old_commit_sha = ? LIMIT 1', [newSha, oldSha]);
    if (taken.length > 0) return null;
    const shipped = [...new Set([newSha, ...shas])].filter((sha) => sha.length <= DIFF_SHA_LENGTH);
    const rows: CommitsDiffEntity[] = shipped.map((commitSha, index) => ({ newCommitSha: newSha, oldCommitSha: oldSha, commitSha, sortingIndex: index + 1 }));
    await this.diffUpsert.execute(manager, rows);
    return oldSha;
  }

  private async replaceList(manager: EntityManager, row: ListedRow, shas: readonly string[] | undefined, diffOld: string | null): Promise<void> {
    await manager.query(`DELETE FROM ${LISTS} WHERE deployment_commit_id = ? AND deployment_commit_sha = ?`, [row.id, row.commitSha]);
    if (!shas) return;
    const entries: DeploymentCommitShaEntity[] = shas.map((commitSha, index) => ({
      deploymentCommitId: row.id,
      deploymentCommitSha: row.commitSha,
      sortingIndex: index + 1,
      commitSha,
      diffOldCommitSha: diffOld,
    }));
    await this.listUpsert.execute(manager, entries);
  }

  private async setDiffOld(manager: EntityManager, row: ListedRow, diffOld: string | null): Promise<void> {
    await manager.query(`UPDATE ${LISTS} SET diff_old_commit_sha = ? WHERE deployment_commit_id = ? AND deployment_commit_sha = ?`, [diffOld, row.id, row.commitSha]);
    const keys = (await this.readLists(manager, [row])).get(rowKey(row))?.shas.map((_, index) => ({ deploymentCommitId: row.id, deploymentCommitSha: row.commitSha, sortingIndex: index + 1 }));
    RowRecorder.noteWritten(manager, DeploymentCommitShaEntity, keys ?? []);
  }
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
