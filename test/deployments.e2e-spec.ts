import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, defaultCommitColumns, defaultDeploymentColumns, deploymentRows, expectNow } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

/** The seed document's sample bodies, byte for byte (spec api.md §8.6). */
const E1 = `{
"pipeline_id": "optional-pipeline-id",
"environment":"PRODUCTION",
"repo_url":"https://github.com/apache/incubator-devlake/",
"repo_id": "optional-repo-id",
"name": "optional-deployment-name. If you do not post a name, DevLake will generate one for you.",
"ref_name": "optional-release-v0.17",
"commit_sha":"015e3d3b480e417aede5a1293bd61de9b0fd051d",
"commit_msg":"optional-commit-message",
"create_time":"2020-01-01T11:00:00+00:00",
"start_time":"2020-01-01T12:00:00+00:00",
"end_time":"2020-01-02T13:00:00+00:00",
"result": "FAILURE"
}`;

const E2 = `{
"pipeline_id": "optional-pipeline-id",
"environment":"PRODUCTION",
"repo_id": "optional-repo-id",
"name": "optional-deployment-name. If you do not post a name, DevLake will generate one for you.",
"create_time":"2020-01-01T11:00:00+00:00",
"start_time":"2020-01-01T12:00:00+00:00",
"end_time":"2020-01-02T13:00:00+00:00",
"result": "FAILURE",
"deploymentCommits":[
{
"repo_url":"repo-1",
"name":"optional, if null, it will be deployment for {commit_sha}",
"ref_name": "optional-release-v0.17",
"commit_sha":"c1",
"commit_msg":"optional-msg-1"
},
{
"repo_url":"repo-2",
"name":"optional, if null, it will be deployment for {commit_sha}",
"ref_name": "optional-release-v0.17",
"commit_sha":"c2",
"commit_msg":"optional-msg-2"
}
]
}`;

const E1_NAME = 'optional-deployment-name. If you do not post a name, DevLake will generate one for you.';
const E1_COMMIT_ID = 'webhook:1:c47dd68db2cd4548:015e3d3b480e417aede5a1293bd61de9b0fd051d';
const SEED_DATES = {
  created_date: '2020-01-01 11:00:00.000',
  started_date: '2020-01-01 12:00:00.000',
  finished_date: '2020-01-02 13:00:00.000',
  duration_sec: 90000,
};

describe.each(testDrivers())('POST …/connections/:connectionId/deployments: seed examples and rows written on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployments');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  it('acceptance 1: E1 (seed, single repository) sent as curl -d writes the spec rows and ids', async () => {
    expect(c1.id).toBe(1);
    const before = new Date();
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, E1).expect(200);
    const after = new Date();
    expect(res.body).toEqual({
      code: 0,
      success: true,
      message: 'success',
      causes: null,
      data: { connectionId: 1, deploymentId: 'optional-pipeline-id', deploymentCommitIds: [E1_COMMIT_ID], outcome: 'created', warnings: [] },
    });
    const [commit] = await commitRows(t);
    expectNow(commit.created_at, before, after);
    expect(commit.updated_at).toBe(commit.created_at);
    expect(commit).toEqual({
      ...defaultCommitColumns(),
      ...SEED_DATES,
      id: E1_COMMIT_ID,
      created_at: commit.created_at,
      updated_at: commit.created_at,
      commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      cicd_deployment_id: 'optional-pipeline-id',
      cicd_scope_id: 'webhook:1',
      name: E1_NAME,
      result: 'FAILURE',
      original_result: 'FAILURE',
      environment: 'PRODUCTION',
      original_environment: 'PRODUCTION',
      ref_name: 'optional-release-v0.17',
      repo_id: 'optional-repo-id',
      repo_url: 'https://github.com/apache/incubator-devlake/',
      commit_msg: 'optional-commit-message',
    });
    expect(await deploymentRows(t)).toEqual([
      {
        ...defaultDeploymentColumns(),
        ...SEED_DATES,
        id: 'optional-pipeline-id',
        created_at: commit.created_at,
        updated_at: commit.created_at,
        cicd_scope_id: 'webhook:1',
        name: E1_NAME,
        result: 'FAILURE',
        original_result: 'FAILURE',
        environment: 'PRODUCTION',
        original_environment: 'PRODUCTION',
      },
    ]);
  });

  it('acceptance 1: E2 (seed, several repositories) writes one row per commit with the commit names', async () => {
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, E2).expect(200);
    expect(res.body.data).toEqual({
      connectionId: 1,
      deploymentId: 'optional-pipeline-id',
      deploymentCommitIds: ['webhook:1:52d6af2de95f488c:c1', 'webhook:1:906e30ac5002caeb:c2'],
      outcome: 'created',
      warnings: [],
    });
    const [first, second] = await commitRows(t);
    const shared = {
      ...defaultCommitColumns(),
      ...SEED_DATES,
      created_at: first.created_at,
      updated_at: first.created_at,
      cicd_deployment_id: 'optional-pipeline-id',
      cicd_scope_id: 'webhook:1',
      name: 'optional, if null, it will be deployment for {commit_sha}',
      ref_name: 'optional-release-v0.17',
      repo_id: 'optional-repo-id',
      result: 'FAILURE',
      original_result: 'FAILURE',
      environment: 'PRODUCTION',
      original_environment: 'PRODUCTION',
    };
    expect(first).toEqual({ ...shared, id: 'webhook:1:52d6af2de95f488c:c1', commit_sha: 'c1', repo_url: 'repo-1', commit_msg: 'optional-msg-1' });
    expect(second).toEqual({ ...shared, id: 'webhook:1:906e30ac5002caeb:c2', commit_sha: 'c2', repo_url: 'repo-2', commit_msg: 'optional-msg-2' });
    expect(await deploymentRows(t)).toEqual([
      {
        ...defaultDeploymentColumns(),
        ...SEED_DATES,
        id: 'optional-pipeline-id',
        created_at: first.created_at,
        updated_at: first.created_at,
        cicd_scope_id: 'webhook:1',
        name: E1_NAME,
        result: 'FAILURE',
        original_result: 'FAILURE',
        environment: 'PRODUCTION',
        original_environment: 'PRODUCTION',
      },
    ]);
  });

  it('acceptance 2: E4, the CircleCI job with a +0000 offset, is stored in UTC with end time now', async () => {
    const body = `{"commit_sha":"8a3f5c0e2b7d4f61a9c8e3b2d1f0a9e8c7b6a5f4","repo_url":"git@github.com:acme/api.git","start_time":"2024-06-01T10:00:00+0000"}`;
    const before = new Date();
    await postWithKey(t, c1.key, `${API}/1/deployments`, body).expect(200);
    const after = new Date();
    const id = 'webhook:1:a7e46ef0b1db6689:8a3f5c0e2b7d4f61a9c8e3b2d1f0a9e8c7b6a5f4';
    const [commit] = await commitRows(t);
    const [deployment] = await deploymentRows(t);
    expectNow(commit.finished_date, before, after);
    const expectedDuration = Math.trunc((Date.parse(`${String(commit.finished_date).replace(' ', 'T')}Z`) - Date.parse('2024-06-01T10:00:00Z')) / 1000);
    const common = {
      id,
      name: 'deployment for 8a3f5c0e2b7d4f61a9c8e3b2d1f0a9e8c7b6a5f4',
      result: 'SUCCESS',
      original_result: 'SUCCESS',
      environment: 'PRODUCTION',
      original_environment: 'PRODUCTION',
      created_date: '2024-06-01 10:00:00.000',
      started_date: '2024-06-01 10:00:00.000',
      finished_date: commit.finished_date,
      duration_sec: expectedDuration,
    };
    expect(commit).toMatchObject({ ...common, cicd_deployment_id: id, repo_id: '', commit_sha: '8a3f5c0e2b7d4f61a9c8e3b2d1f0a9e8c7b6a5f4' });
    expect(deployment).toMatchObject(common);
  });

  it.each([
    ['2020-01-01T12:00:00+00:00', '2020-01-01 12:00:00.000'],
    ['2024-06-01T10:00:00+0000', '2024-06-01 10:00:00.000'],
    ['2020-01-01T12:00:00.123+08:00', '2020-01-01 04:00:00.123'],
    ['2020-01-01T12:00:00.123456+08:00', '2020-01-01 04:00:00.123'],
    ['2020-01-01T12:00:00Z', '2020-01-01 12:00:00.000'],
    ['2020-01-01T12:00:00.5Z', '2020-01-01 12:00:00.500'],
    ['2020-01-01 12:00:00', '2020-01-01 12:00:00.000'],
    ['2020-01-01 12:00', '2020-01-01 12:00:00.000'],
    ['2020-01-01', '2020-01-01 00:00:00.000'],
    ['2020-01-01T12:00:00', '2020-01-01 12:00:00.000'],
    ['2020-01-01 12:00:00+08:00', '2020-01-01 04:00:00.000'],
    [1577880000, '2020-01-01 12:00:00.000'],
    [1577880000123, '2020-01-01 12:00:00.123'],
  ])('acceptance 2: start time %j is stored as %s (UTC)', async (start, stored) => {
    const body = JSON.stringify({ repo_url: 'r', commit_sha: 's', start_time: start, end_time: '2030-01-01T00:00:00Z' });
    await postWithKey(t, c1.key, `${API}/connections/1/deployments`, body).expect(200);
    const [commit] = await commitRows(t);
    expect(commit).toMatchObject({ started_date: stored, created_date: stored, finished_date: '2030-01-01 00:00:00.000' });
  });

  it('acceptance 8: a repos row whose url equals repo_url gives repo_id (smallest id, exact match)', async () => {
    const insertRepo = (id: string, url: string) => t.dataSource.query('INSERT INTO repos (id, url) VALUES (?, ?)', [id, url]);
    await insertRepo('github:GithubRepo:1:42', 'https://github.com/acme/api');
    await insertRepo('gitlab:GitlabProject:1:7', 'https://github.com/acme/api');
    await insertRepo('github:GithubRepo:1:43', 'https://github.com/acme/api/');
    const body = JSON.stringify({
      start_time: '2024-01-01',
      deploymentCommits: [
        { repo_url: 'https://github.com/acme/api', commit_sha: 'a1' },
        { repo_url: 'https://github.com/acme/web', commit_sha: 'b1' },
        { repo_url: 'https://github.com/acme/api', commit_sha: 'a2', repo_id: 'given' },
      ],
    });
    await postWithKey(t, c1.key, `${API}/1/deployments`, body).expect(200);
    const rows = await commitRows(t);
    expect(rows.map((row) => [row.commit_sha, row.repo_id])).toEqual(
      expect.arrayContaining([
        ['a1', 'github:GithubRepo:1:42'],
        ['b1', ''],
        ['a2', 'given'],
      ]),
    );
  });
});
