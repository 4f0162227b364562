import { createHash } from 'crypto';
import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, countEveryTable, defaultCommitColumns, defaultDeploymentColumns, deploymentRows } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const SHA = '015e3d3b480e417aede5a1293bd61de9b0fd051d';
const E5 = {
  id: 'deploy-2024-06-01-1',
  displayTitle: 'Deploy #1',
  createdDate: '2024-06-01T09:55:00Z',
  startedDate: '2024-06-01T10:00:00Z',
  finishedDate: '2024-06-01T10:05:00Z',
  deploymentCommits: [
    {
      repoUrl: 'https://github.com/apache/incubator-devlake/',
      commitSha: SHA,
      refName: 'main',
      commitMsg: 'feat: x',
      displayTitle: 'api',
      startedDate: '2024-06-01T10:00:00Z',
      finishedDate: '2024-06-01T10:03:00Z',
    },
  ],
};
const E6 = `{"id":"dep-42","result":"FAILURE","startedDate":"2024-05-01T10:00:00Z","finishedDate":"2024-05-01T10:05:30Z","deploymentCommits":[{"repoUrl":"https://github.com/acme/api","commitSha":"aaa111"},{"repoUrl":"https://github.com/acme/web","commitSha":"bbb222","result":"SUCCESS"}]}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDrivers())('POST …/connections/:connectionId/deployments, DevLake 1.x form and re-posts, on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployments_1x');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  it('E5: the 1.x form writes the spec rows (commit dates and titles per commit, duration per request)', async () => {
    const res = await postWithKey(t, c1.key, `${API}/connections/1/deployments`, E5).expect(200);
    const commitId = `webhook:1:deploy-2024-06-01-1:c47dd68db2cd4548:${SHA}`;
    expect(res.body.data).toEqual({ connectionId: 1, deploymentId: 'deploy-2024-06-01-1', deploymentCommitIds: [commitId], outcome: 'created', warnings: [] });
    const [commit] = await commitRows(t);
    expect(commit).toEqual({
      ...defaultCommitColumns(),
      id: commitId,
      created_at: commit.created_at,
      updated_at: commit.created_at,
      cicd_scope_id: 'webhook:1',
      cicd_deployment_id: 'deploy-2024-06-01-1',
      name: `deployment for ${SHA}`,
      display_title: 'api',
      result: 'SUCCESS',
      original_result: 'SUCCESS',
      environment: 'PRODUCTION',
      original_environment: '',
      created_date: '2024-06-01 09:55:00.000',
      started_date: '2024-06-01 10:00:00.000',
      finished_date: '2024-06-01 10:03:00.000',
      duration_sec: 300,
      commit_sha: SHA,
      ref_name: 'main',
      commit_msg: 'feat: x',
      repo_id: '',
      repo_url: 'https://github.com/apache/incubator-devlake/',
    });
    expect(await deploymentRows(t)).toEqual([
      {
        ...defaultDeploymentColumns(),
        id: 'deploy-2024-06-01-1',
        created_at: commit.created_at,
        updated_at: commit.created_at,
        cicd_scope_id: 'webhook:1',
        name: `deploy ${SHA} to PRODUCTION`,
        display_title: 'Deploy #1',
        result: 'SUCCESS',
        original_result: 'SUCCESS',
        environment: 'PRODUCTION',
        original_environment: '',
        created_date: '2024-06-01 09:55:00.000',
        started_date: '2024-06-01 10:00:00.000',
        finished_date: '2024-06-01 10:05:00.000',
        duration_sec: 300,
      },
    ]);
  });

  it('E6: a commit without result inherits FAILURE; the same id on connection 2 is 409 and writes nothing', async () => {
    await postWithKey(t, c1.key, `${API}/1/deployments`, E6).expect(200);
    const rows = await commitRows(t);
    expect(rows.map((row) => [row.id, row.result, row.original_result, row.started_date, row.finished_date, row.duration_sec])).toEqual([
      ['webhook:1:dep-42:1354bd50b950794a:bbb222', 'SUCCESS', 'SUCCESS', '2024-05-01 10:00:00.000', '2024-05-01 10:05:30.000', 330],
      ['webhook:1:dep-42:bc73a8e1292e0db5:aaa111', 'FAILURE', 'FAILURE', '2024-05-01 10:00:00.000', '2024-05-01 10:05:30.000', 330],
    ]);
    expect(await deploymentRows(t)).toEqual([
      expect.objectContaining({ id: 'dep-42', name: 'deploy aaa111,bbb222 to PRODUCTION', result: 'FAILURE', original_result: 'FAILURE', duration_sec: 330 }),
    ]);

    const c2 = await createConnection(t, 'other');
    const before = await countEveryTable(t);
    const res = await postWithKey(t, c2.key, `${API}/${c2.id}/deployments`, E6).expect(409);
    expect(res.body).toEqual({
      code: 409,
      success: false,
      message: 'deployment id is used by another connection (409)',
      causes: ['id: "dep-42" belongs to another connection'],
      data: null,
    });
    expect(await countEveryTable(t)).toEqual(before);
    expect((await deploymentRows(t))[0].cicd_scope_id).toBe('webhook:1');
  });

  it('409 names pipeline_id in the seed form', async () => {
    const body = { pipeline_id: 'shared', repo_url: 'r', commit_sha: 's', start_time: '2024-01-01' };
    await postWithKey(t, c1.key, `${API}/1/deployments`, body).expect(200);
    const c2 = await createConnection(t, 'other');
    const res = await postWithKey(t, c2.key, `${API}/${c2.id}/deployments`, body).expect(409);
    expect(res.body.causes).toEqual(['pipeline_id: "shared" belongs to another connection']);
  });

  it('acceptance 3: 1.x payload with three commits in two repositories → 3 commit rows and 1 deployment row', async () => {
    const body = {
      id: 'release-7',
      name: 'Release 7',
      environment: 'staging',
      originalEnvironment: 'stage-eu',
      result: 'SUCCESS',
      startedDate: '2024-03-01T08:00:00Z',
      finishedDate: '2024-03-01T08:20:00.750Z',
      deploymentCommits: [
        { repoUrl: 'https://git/acme/api', commitSha: 'a1', status: 'RUNNING', result: 'failure', name: 'api first' },
        { repoUrl: 'https://git/acme/api', commitSha: 'a2', createdDate: '2024-03-01T07:00:00Z', finishedDate: '2024-03-01T08:10:00Z' },
        { REPOURL: 'https://git/acme/web', CommitSHA: 'w1', repoId: 'gitlab:1', startedDate: '2024-03-01T08:05:00Z' },
      ],
    };
    const res = await postWithKey(t, c1.key, `${API}/connections/by-name/ci/deployments`, body).expect(200);
    const api = 'webhook:1:release-7:' + md5('https://git/acme/api');
    const web = 'webhook:1:release-7:' + md5('https://git/acme/web');
    expect(res.body.data.deploymentCommitIds).toEqual([`${api}:a1`, `${api}:a2`, `${web}:w1`]);
    const rows = await commitRows(t);
    expect(rows).toHaveLength(3);
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    const shared = { cicd_deployment_id: 'release-7', environment: 'STAGING', original_environment: 'stage-eu', duration_sec: 1200 };
    expect(byId[`${api}:a1`]).toMatchObject({
      ...shared,
      name: 'api first',
      result: 'FAILURE',
      original_result: 'failure',
      status: 'RUNNING',
      original_status: 'RUNNING',
      created_date: '2024-03-01 08:00:00.000',
      started_date: '2024-03-01 08:00:00.000',
      finished_date: '2024-03-01 08:20:00.750',
    });
    expect(byId[`${api}:a2`]).toMatchObject({
      ...shared,
      name: 'deployment for a2',
      result: 'SUCCESS',
      status: 'DONE',
      created_date: '2024-03-01 07:00:00.000',
      finished_date: '2024-03-01 08:10:00.000',
    });
    expect(byId[`${web}:w1`]).toMatchObject({ ...shared, repo_id: 'gitlab:1', repo_url: 'https://git/acme/web', started_date: '2024-03-01 08:05:00.000' });
    expect(await deploymentRows(t)).toEqual([
      expect.objectContaining({
        id: 'release-7',
        name: 'Release 7',
        result: 'SUCCESS',
        original_result: 'failure',
        status: 'RUNNING',
        original_status: 'RUNNING',
        environment: 'STAGING',
        original_environment: 'stage-eu',
        duration_sec: 1200,
      }),
    ]);
  });

  it('acceptance 4: a repeat keeps the row count and created_at, overwrites every other column', async () => {
    await postWithKey(t, c1.key, `${API}/1/deployments`, E5).expect(200);
    const [firstCommit] = await commitRows(t);
    const [firstDeployment] = await deploymentRows(t);
    await sleep(20);

    const again = await postWithKey(t, c1.key, `${API}/1/deployments`, E5).expect(200);
    expect(again.body.data.outcome).toBe('updated');
    const [sameCommit] = await commitRows(t);
    expect(sameCommit).toEqual({ ...firstCommit, updated_at: sameCommit.updated_at });
    expect(sameCommit.updated_at).not.toBe(firstCommit.updated_at);
    expect(await deploymentRows(t)).toHaveLength(1);

    // Changed content: new values land, omitted fields go back to their defaults.
    const { displayTitle: _title, ...withoutTitle } = E5;
    const changed = { ...withoutTitle, result: 'ABORT', deploymentCommits: [{ ...E5.deploymentCommits[0], displayTitle: undefined, refName: 'hotfix' }] };
    await postWithKey(t, c1.key, `${API}/1/deployments`, changed).expect(200);
    const [commit] = await commitRows(t);
    const [deployment] = await deploymentRows(t);
    expect(await countEveryTable(t)).toMatchObject({ cicd_deployment_commits: 1, cicd_deployments: 1 });
    expect(commit).toMatchObject({ created_at: firstCommit.created_at, result: 'ABORT', original_result: 'ABORT', ref_name: 'hotfix', display_title: '' });
    expect(deployment).toMatchObject({ created_at: firstDeployment.created_at, result: 'ABORT', display_title: '' });
    expect(deployment.updated_at).not.toBe(firstDeployment.updated_at);
  });

  it('reports unknown and ignored keys as warnings and still writes', async () => {
    const body = { ...E5, pipeline_id: 'p', colour: 'blue', deploymentCommits: [{ ...E5.deploymentCommits[0], extra: 1 }] };
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, body).expect(200);
    // Request order: deploymentCommits keeps its place from E5, before the two added keys.
    expect(res.body.data.warnings).toEqual([
      'unknown key: deploymentCommits[0].extra',
      'ignored key: pipeline_id ("id" is the deployment id)',
      'unknown key: colour',
    ]);
    expect(await commitRows(t)).toHaveLength(1);
  });

  it('warns when the end time precedes the start and stores the negative duration', async () => {
    const body = { repo_url: 'r', commit_sha: 's', start_time: '2024-01-01T10:00:00Z', end_time: '2024-01-01T09:59:58.500Z' };
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, body).expect(200);
    expect(res.body.data.warnings).toEqual(['duration_sec: end time is before start time']);
    expect((await deploymentRows(t))[0].duration_sec).toBe(-1);
  });
});

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex').slice(0, 16);
}
