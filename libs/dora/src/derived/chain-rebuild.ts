import { formatDbDatetime } from '@app/domain';
import { toInstant } from '../common/calendar';
import { sql } from '../sql/sql';
import { DbSession, SqlRunner } from '../sql/sql-runner';

interface StoredCommitRow {
  id: string;
  commitSha: string;
  chain: string | null;
  finished: number;
  prev: string | null;
}

/**
 * `npm run dora:refresh`'s rebuild of `prev_success_deployment_commit_id` (spec metrics.md §4.1)
 * over every chain: members (SUCCESS, finished, with scope, url and environment) ordered by
 * finish time, then id, then commit SHA, each pointing at the one before; everything else `''`.
 * Rows loaded by hand get the value ingestion would have given them. Returns the rows changed.
 */
export async function rebuildPrevSuccessLinks(db: SqlRunner, session: DbSession, now: Date): Promise<number> {
  const rows = await db.query<Record<string, unknown>>(
    sql`SELECT id, commit_sha, cicd_scope_id, repo_url, environment, result, finished_date, prev_success_deployment_commit_id
          FROM cicd_deployment_commits`,
    session,
  );
  const stored: StoredCommitRow[] = rows.map((row) => {
    const member = row.result === 'SUCCESS' && row.finished_date !== null && !!row.environment && !!row.repo_url && !!row.cicd_scope_id;
    return {
      id: String(row.id),
      commitSha: String(row.commit_sha),
      chain: member ? JSON.stringify([row.cicd_scope_id, row.repo_url, row.environment]) : null,
      finished: member ? toInstant(row.finished_date)!.getTime() : 0,
      prev: row.prev_success_deployment_commit_id === null ? null : String(row.prev_success_deployment_commit_id),
    };
  });
  const wanted = new Map<StoredCommitRow, string>();
  const chains = new Map<string, StoredCommitRow[]>();
  for (const row of stored) {
    if (row.chain === null) wanted.set(row, '');
    else chains.set(row.chain, [...(chains.get(row.chain) ?? []), row]);
  }
  for (const members of chains.values()) {
    members.sort((a, b) => a.finished - b.finished || compareText(a.id, b.id) || compareText(a.commitSha, b.commitSha));
    members.forEach((row, index) => wanted.set(row, index === 0 ? '' : members[index - 1].id));
  }
  let changed = 0;
  for (const [row, prev] of wanted) {
    if (row.prev === prev) continue;
    await db.query(
      sql`UPDATE cicd_deployment_commits SET prev_success_deployment_commit_id = ${prev}, updated_at = ${formatDbDatetime(now)}
           WHERE id = ${row.id} AND commit_sha = ${row.commitSha}`,
      session,
    );
    changed++;
  }
  return changed;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
