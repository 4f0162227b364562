import { createHash } from 'crypto';
import * as mysql from 'mysql2/promise';
import { deploymentPayload, repoUrlOf } from './bench-support';

/**
 * The rows one 1.x deployment request writes (one `cicd_deployments`, one `cicd_deployment_commits`
 * row, every column, the same values the service stores — `prev_success_deployment_commit_id`
 * included), issued straight through mysql2: the ceiling HTTP ingest is compared with. Nothing the
 * service must read first (connection, key, owner, `repos`, chain predecessor) is read here.
 */
const COMMON = ['id', 'created_at', 'updated_at', '_raw_data_params', '_raw_data_table', '_raw_data_id', '_raw_data_remark', 'cicd_scope_id',
  'result', 'original_result', 'status', 'original_status', 'environment', 'original_environment', 'created_date', 'queued_date',
  'queued_duration_sec', 'started_date', 'finished_date', 'duration_sec', 'subtask_name', 'display_title', 'url'];
const DEPLOYMENT_COLUMNS = [...COMMON, 'name'];
const COMMIT_COLUMNS = [...COMMON, 'cicd_deployment_id', 'name', 'commit_sha', 'ref_name', 'repo_id', 'repo_url',
  'prev_success_deployment_commit_id', 'commit_msg'];
const AUDIT_COLUMNS = ['created_at', 'connection_id', 'method', 'path', 'status', 'outcome', 'causes', 'body', 'body_truncated', 'headers', 'duration_ms'];

export interface RawRows {
  deployment: unknown[];
  commit: unknown[];
  audit: unknown[];
}

function upsertSql(table: string, columns: string[], rows: number): string {
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  const updates = columns.filter((c) => c !== 'id' && c !== 'created_at' && c !== 'commit_sha').map((c) => `${c}=VALUES(${c})`);
  return `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(rows).fill(placeholders).join(',')} ON DUPLICATE KEY UPDATE ${updates.join(',')}`;
}

const AUDIT_SQL = `INSERT INTO _tool_webhook_requests (${AUDIT_COLUMNS.join(',')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(',')})`;

/** The last commit row id per repository: the predecessor the next row of that chain links to. */
const lastOfChain = new Map<string, string>();

export function rawRows(n: number, prefix: string, connectionId: number): RawRows {
  const now = dbDatetime(new Date());
  const payload = deploymentPayload(n, prefix);
  const started = dbDatetime(new Date(payload.startedDate as string));
  const finished = dbDatetime(new Date(payload.finishedDate as string));
  const deploymentId = payload.id as string;
  const repoUrl = repoUrlOf(n);
  const sha = `sha${n}`;
  const scope = `webhook:${connectionId}`;
  const common = (id: string) => [id, now, now, '', '', 0, '', scope, 'SUCCESS', 'SUCCESS', 'DONE', 'DONE', 'PRODUCTION', '',
    started, null, null, started, finished, 300, '', '', ''];
  const commitId = `${scope}:${deploymentId}:${createHash('md5').update(repoUrl).digest('hex').slice(0, 16)}:${sha}`;
  const prev = lastOfChain.get(repoUrl) ?? '';
  lastOfChain.set(repoUrl, commitId);
  const path = `/rest/plugins/webhook/connections/${connectionId}/deployments`;
  return {
    deployment: [...common(deploymentId), `deploy ${sha} to PRODUCTION`],
    commit: [...common(commitId), deploymentId, `deployment for ${sha}`, sha, '', '', repoUrl, prev, ''],
    audit: [now, connectionId, 'POST', path, 200, 'created', '[]', JSON.stringify(payload), 0,
      JSON.stringify({ host: '127.0.0.1', 'content-type': 'application/json', 'content-length': '200' }), 2],
  };
}

/** The domain rows of one request in one transaction; with `audit`, then its audit row in its own statement (spec api.md §14). */
export async function rawUpsertOne(pool: mysql.Pool, rows: RawRows, audit = false): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    await connection.query(upsertSql('cicd_deployments', DEPLOYMENT_COLUMNS, 1), rows.deployment);
    await connection.query(upsertSql('cicd_deployment_commits', COMMIT_COLUMNS, 1), rows.commit);
    await connection.commit();
    if (audit) await connection.query(AUDIT_SQL, rows.audit);
  } finally {
    connection.release();
  }
}

export async function rawUpsertMany(pool: mysql.Pool, batch: RawRows[]): Promise<void> {
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

function dbDatetime(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}
