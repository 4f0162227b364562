import request from 'supertest';
import { DoraRefreshService } from '@app/dora';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { metricsData } from './utils/metrics-fixtures';
import { settleDerivedData } from './utils/settle-derived-data';
import { ADMIN } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';

const deploy = (sha: string, started: string, finished: string, commitShas?: string[], result = 'SUCCESS') => ({
  pipeline_id: `p-${sha}`,
  repo_url: R1,
  commit_sha: sha,
  result,
  start_time: started,
  end_time: finished,
  ...(commitShas ? { commit_shas: commitShas } : {}),
});

const pr = (key: number, mergeSha: string, merged: string) => ({
  baseRepoId: R1,
  status: 'MERGED',
  displayTitle: `PR ${key}`,
  pullRequestKey: key,
  createdDate: '2024-03-01T00:00:00Z',
  mergedDate: merged,
  mergeCommitSha: mergeSha,
});

/**
 * Issue 18 item 3: DevLake's change_lead_time situation — PRs merged between two deployments, none
 * of them the deployed commit — linked through the deployment's shipped list (`commits_diffs`).
 */
describe.each(testDrivers())('lead time from shipped commit lists on %s', (driver) => {
  let t: TestApp;
  let c: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'lead_time_shipped');
    c = await createConnection(t, 'ci');
    await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/p1`).expect(200);
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (path: string, body: object) => postWithKey(t, c.key, `${API}/${c.id}/${path}`, body).expect(200);
  const links = async () => {
    await settleDerivedData(t);
    return (await selectRows(t, 'SELECT id, deployment_commit_id FROM project_pr_metrics WHERE project_name = ? ORDER BY id', ['p1'])).map((row) => [
      String(row.id).split(':').pop(),
      row.deployment_commit_id ? String(row.deployment_commit_id).split(':').pop() : null, // unlinked: '' (as DevLake writes it)
    ]);
  };
  const fullRebuildAgrees = async () => {
    const incremental = await links();
    await t.app.get(DoraRefreshService).refreshAll();
    expect(await links()).toEqual(incremental);
  };

  it('every PR a listed deployment shipped gets that deployment, and counts in lead time', async () => {
    await post('deployments', deploy('a0', '2024-03-01T08:00:00Z', '2024-03-01T09:00:00Z'));
    for (const [key, sha] of [[1, 'b1'], [2, 'c2'], [3, 'd3']] as const) await post('pull_requests', pr(key, sha, '2024-03-02T10:00:00Z'));
    await post('deployments', deploy('e4', '2024-03-03T08:00:00Z', '2024-03-03T09:00:00Z', ['b1', 'c2', 'd3', 'e4']));

    expect(await links()).toEqual([['1', 'e4'], ['2', 'e4'], ['3', 'e4']]);
    const deployed = await selectRows(t, 'SELECT pr_deployed_date, pr_deploy_time FROM project_pr_metrics WHERE project_name = ? ORDER BY id', ['p1']);
    expect(deployed.every((row) => row.pr_deployed_date !== null && Number(row.pr_deploy_time) === 23 * 60)).toBe(true);
    await fullRebuildAgrees();

    const data = await metricsData(t, 'dora/projects/p1', { from: '2024-03-01', to: '2024-03-31' });
    expect(data.metrics.leadTimeForChanges.details).toMatchObject({ pullRequests: 3 });
  });

  it('without a list only the deployed commit links (today’s rule), and a later list re-links', async () => {
    await post('deployments', deploy('a0', '2024-03-01T08:00:00Z', '2024-03-01T09:00:00Z'));
    await post('pull_requests', pr(1, 'b1', '2024-03-02T10:00:00Z'));
    await post('pull_requests', pr(2, 'e4', '2024-03-02T11:00:00Z'));
    await post('deployments', deploy('e4', '2024-03-03T08:00:00Z', '2024-03-03T09:00:00Z'));
    expect(await links()).toEqual([['1', null], ['2', 'e4']]);

    await post('deployments', deploy('e4', '2024-03-03T08:00:00Z', '2024-03-03T09:00:00Z', ['b1', 'e4']));
    expect(await links()).toEqual([['1', 'e4'], ['2', 'e4']]);
    await post('deployments', deploy('e4', '2024-03-03T08:00:00Z', '2024-03-03T09:00:00Z'));
    expect(await links()).toEqual([['1', null], ['2', 'e4']]);
    await fullRebuildAgrees();
  });

  it('a late deployment re-orders the chain: the earliest row whose shipped set holds the merge commit wins', async () => {
    await post('deployments', deploy('a0', '2024-03-01T08:00:00Z', '2024-03-01T09:00:00Z'));
    await post('pull_requests', pr(1, 'b1', '2024-03-02T10:00:00Z'));
    await post('deployments', deploy('e4', '2024-03-05T08:00:00Z', '2024-03-05T09:00:00Z', ['b1', 'c2', 'e4']));
    expect(await links()).toEqual([['1', 'e4']]);
    // A deployment between the two ships b1 first.
    await post('deployments', deploy('c2', '2024-03-03T08:00:00Z', '2024-03-03T09:00:00Z', ['b1', 'c2']));
    expect(await links()).toEqual([['1', 'c2']]);
    await fullRebuildAgrees();
  });
});
