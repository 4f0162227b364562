import { createHash } from 'crypto';
import { TestApp } from './create-test-app';
import { selectRows } from './ingestion-client';

export function commitRows(t: TestApp, where = '1 = 1', params: unknown[] = []) {
  return selectRows(t, `SELECT * FROM cicd_deployment_commits WHERE ${where} ORDER BY id`, params);
}

export function deploymentRows(t: TestApp, where = '1 = 1', params: unknown[] = []) {
  return selectRows(t, `SELECT * FROM cicd_deployments WHERE ${where} ORDER BY id`, params);
}

/** Row count of every table of the schema but the audit log, which records rejected requests too. */
export async function countEveryTable(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const metadata of t.dataSource.entityMetadatas) {
    if (metadata.tableName === '_tool_webhook_requests') continue;
    const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${t.dataSource.driver.escape(metadata.tableName)}`);
    counts[metadata.tableName] = Number(row.n);
  }
  return counts;
}

/** Every column of a commit row DevLake's defaults fill (spec api.md §8.4), for `toEqual` with overrides. */
export function defaultCommitColumns(): Record<string, unknown> {
  return {
    _raw_data_params: '',
    _raw_data_table: '',
    _raw_data_id: 0,
    _raw_data_remark: '',
    status: 'DONE',
    original_status: 'DONE',
    queued_date: null,
    queued_duration_sec: null,
    subtask_name: '',
    url: '',
    display_title: '',
    prev_success_deployment_commit_id: '',
  };
}

/** Every column of a deployment row DevLake's defaults fill (spec api.md §8.4). */
export function defaultDeploymentColumns(): Record<string, unknown> {
  const { prev_success_deployment_commit_id: _prev, ...rest } = defaultCommitColumns();
  return rest;
}

/** `created_at`/`updated_at`, which are "now": checked to lie within the request. */
export function expectNow(value: unknown, before: Date, after: Date): void {
  const instant = new Date(`${String(value).replace(' ', 'T')}Z`).getTime();
  expect(instant).toBeGreaterThanOrEqual(before.getTime());
  expect(instant).toBeLessThanOrEqual(after.getTime());
}

/** The repository of the chain suites. */
export const R1 = 'https://github.com/acme/r1';

/** A deployment commit row id as the webhook writes it: `webhook:<c>:<md5(repo_url)[0,16]>:<sha>`. */
export const rowId = (sha: string, repoUrl = R1, connectionId = 1) =>
  `webhook:${connectionId}:${createHash('md5').update(repoUrl).digest('hex').slice(0, 16)}:${sha}`;

/** A seed-form deployment of one commit of R1 finishing at `finished`. */
export const deployR1 = (sha: string, finished: string, extra: Record<string, unknown> = {}) => ({
  pipeline_id: `p-${sha}`,
  repo_url: R1,
  commit_sha: sha,
  start_time: '2024-03-01T00:00:00Z',
  end_time: finished,
  ...extra,
});
