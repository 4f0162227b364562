import { createHash } from 'crypto';
import * as mysql from 'mysql2/promise';

/**
 * The rows one 1.x deployment request writes (one `cicd_deployments`, one `cicd_deployment_commits`
 * row, every column), issued straight through mysql2: the ceiling HTTP ingest is compared with.
 */
const COMMON = ['id', 'created_at', 'updated_at', '_raw_data_params', '_raw_data_table', '_raw_data_id', '_raw_data_remark', 'cicd_scope_id',
  'result', 'original_result', 'status', 'original_status', 'environment', 'original_environment', 'created_date', 'queued_date',
  'queued_duration_sec', 'started_date', 'finished_date', 'duration_sec', 'subtask_name', 'display_title', 'url'];
const DEPLOYMENT_COLUMNS = [...COMMON, 'name'];
const COMMIT_COLUMNS = [...COMMON, 'cicd_deployment_id', 'name', 'commit_sha', 'ref_name', 'repo_id', 'repo_url',
  'prev_success_deployment_commit_id', 'commit_msg'];

function upsertSql(table: string, columns: string[], rows: number): string {
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const updates = columns.filter((c) => c !== 'id' && c !== 'created_at' && c !== 'commit_sha').map((c) => `${c}=VALUES(${c})`);
  return `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(rows).fill(placeholders).join(',')} ON DUPLICATE KEY UPDATE ${updates.join(',')}`;
}

export function rawRows(n: number, prefix: string, connectionId: number): { deployment: unknown[]; commit: unknown[] } {
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const deploymentId = `${prefix}-${n}`;
  const repoUrl = `https://github.com/acme/repo-${n % 50}`;
  const sha = `sha${n}`;
  const scope = `webhook:${connectionId}`;
  const common = (id: string) => [id, now, now, '', '', 0, '', scope, 'SUCCESS', 'SUCCESS', 'DONE', 'DONE', 'PRODUCTION', '',
    '2024-06-01 10:00:00', null, null, '2024-06-01 10:00:00', '2024-06-01 10:05:00', 300, '', '', ''];
  const commitId = `${scope}:${deploymentId}:${createHash('md5').update(repoUrl).digest('hex').slice(0, 16)}:${sha}`;
  return {
    deployment: [...common(deploymentId), `deploy ${sha} to PRODUCTION`],
    commit: [...common(commitId), deploymentId, `deployment for ${sha}`, sha, '', '', repoUrl, '', ''],
  };
}

export async function rawUpsertOne(pool: mysql.Pool, rows: { deployment: unknown[]; commit: unknown[] }): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    await connection.query(upsertSql('cicd_deployments', DEPLOYMENT_COLUMNS, 1), rows.deployment);
    await connection.query(upsertSql('cicd_deployment_commits', COMMIT_COLUMNS, 1), rows.commit);
    await connection.commit();
  } finally {
    connection.release();
  }
}

export async function rawUpsertMany(pool: mysql.Pool, batch: { deployment: unknown[]; commit: unknown[] }[]): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    await connection.query(upsertSql('cicd_deployments', DEPLOYMENT_COLUMNS, batch.length), batch.flatMap((r) => r.deployment));
    await connection.query(upsertSql('cicd_deployment_commits', COMMIT_COLUMNS, batch.length), batch.flatMap((r) => r.commit));
    await connection.commit();
  } finally {
    connection.release();
  }
}
