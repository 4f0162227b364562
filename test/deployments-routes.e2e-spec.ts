import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, countEveryTable, deploymentRows } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const E3 = `{
"deploymentCommits":[
{
"commit_sha":"the sha of deployment commit1",
"repo_url":"the repo URL of the deployment commit"
}
],
"start_time":"2020-01-01T12:00:00+00:00",
"end_time":"2020-01-02T12:00:00+00:00"
}`;
const E3_ID = 'webhook:1:572cabe5eec9adec:the sha of deployment commit1';
const E5 = {
  id: 'deploy-2024-06-01-1',
  startedDate: '2024-06-01T10:00:00Z',
  finishedDate: '2024-06-01T10:05:00Z',
  deploymentCommits: [{ repoUrl: 'https://github.com/apache/incubator-devlake/', commitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d' }],
};
const body = (sha: string) => ({ repo_url: 'r', commit_sha: sha, start_time: '2024-01-01' });

describe.each(testDrivers())('POST …/deployments in forms A–D (by id, by name, projects/:projectName) with keys on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;
  let c2: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployments_routes');
    c1 = await createConnection(t, 'ci');
    c2 = await createConnection(t, 'other');
  });
  afterEach(async () => {
    await t.close();
  });

  it.each([
    `${API}/connections/1/deployments`,
    `${API}/1/deployments`,
    `${API}/connections/by-name/ci/deployments`,
    `${API}/connections/by-name/ci/deployments/batch`,
    `${API}/projects/ci/deployments`,
  ])('acceptance 6: the key of another connection on %s → 403, nothing written', async (path) => {
    const before = await countEveryTable(t);
    const res = await postWithKey(t, c2.key, path, body('x')).expect(403);
    expect(res.body).toEqual({ code: 403, success: false, message: "path doesn't match api key's scope", causes: [], data: null });
    expect(await countEveryTable(t)).toEqual(before);
  });

  it('acceptance 6: the by-name and legacy routes work with the connection\'s own key, on both API-key mounts', async () => {
    await postWithKey(t, c1.key, `${API}/connections/by-name/ci/deployments`, body('a')).expect(200);
    await postWithKey(t, c1.key, `${API}/1/deployments`, body('b')).expect(200);
    await postWithKey(t, c1.key, `${API}/01/deployments/`, body('c')).expect(200);
    await postWithKey(t, c1.key, '/rest/plugins/webhook/connections/1/deployments', body('d')).expect(200);
    const rows = await commitRows(t);
    expect(rows.map((row) => [row.commit_sha, row.cicd_scope_id])).toEqual([
      ['a', 'webhook:1'],
      ['b', 'webhook:1'],
      ['c', 'webhook:1'],
      ['d', 'webhook:1'],
    ]);
  });

  it('E3 without admin credentials configured: Basic is 401 token is not present or malformed', async () => {
    const res = await request(t.http).post(`${API}/1/deployments`).auth('username', 'password').send(E3).expect(401);
    expect(res.body.message).toBe('token is not present or malformed');
  });

  it('§12: the first project call creates connection, scope, board, project and mappings and writes the payload', async () => {
    const res = await request(t.http).post('/plugins/webhook/projects/shop/deployments').send(JSON.stringify(E5)).expect(200);
    const commitId = 'webhook:3:deploy-2024-06-01-1:c47dd68db2cd4548:015e3d3b480e417aede5a1293bd61de9b0fd051d';
    expect(res.body.data).toEqual({
      connectionId: 3,
      deploymentId: 'deploy-2024-06-01-1',
      deploymentCommitIds: [commitId],
      outcome: 'created',
      warnings: [],
      projectName: 'shop',
    });
    expect(await selectRows(t, 'SELECT id, name FROM _tool_webhook_connections WHERE id = 3')).toEqual([{ id: 3, name: 'shop_deployments' }]);
    expect(await selectRows(t, "SELECT COUNT(*) AS n FROM _devlake_api_keys WHERE extra = 'connectionId:3'")).toEqual([{ n: 0 }]);
    expect(await selectRows(t, "SELECT id, name FROM cicd_scopes WHERE id = 'webhook:3'")).toEqual([{ id: 'webhook:3', name: 'shop_deployments' }]);
    expect(await selectRows(t, "SELECT id FROM boards WHERE id = 'webhook:3'")).toEqual([{ id: 'webhook:3' }]);
    expect(await selectRows(t, 'SELECT name FROM projects')).toEqual([{ name: 'shop' }]);
    expect(await selectRows(t, 'SELECT project_name, `table`, row_id FROM project_mapping ORDER BY `table`')).toEqual(
      ['boards', 'cicd_scopes', 'repos'].map((table) => ({ project_name: 'shop', table, row_id: 'webhook:3' })),
    );
    expect(await commitRows(t)).toEqual([expect.objectContaining({ id: commitId, cicd_scope_id: 'webhook:3', cicd_deployment_id: 'deploy-2024-06-01-1' })]);
    expect(await deploymentRows(t)).toEqual([expect.objectContaining({ id: 'deploy-2024-06-01-1', cicd_scope_id: 'webhook:3' })]);

    const again = await request(t.http).post('/api/plugins/webhook/projects/shop/deployments').send(JSON.stringify(E5)).expect(200);
    expect(again.body.data).toMatchObject({ connectionId: 3, outcome: 'updated', projectName: 'shop' });
    expect(await selectRows(t, 'SELECT COUNT(*) AS n FROM _tool_webhook_connections')).toEqual([{ n: 3 }]);
  });

  it('a project route that fails validation creates nothing; an over-long project name is 400', async () => {
    const before = await countEveryTable(t);
    const res = await request(t.http).post('/plugins/webhook/projects/shop/deployments').send('{"id":"d"}').expect(400);
    expect(res.body.causes).toEqual(['startedDate: is required', 'deploymentCommits: is required']);
    const long = await request(t.http).post(`/plugins/webhook/projects/${'p'.repeat(89)}/deployments`).send(JSON.stringify(E5)).expect(400);
    expect(long.body.message).toBe('invalid projectName (400)');
    expect(await countEveryTable(t)).toEqual(before);
  });

  it('a project route answers 409 for a deployment id of another connection, and keeps nothing of the first call', async () => {
    await postWithKey(t, c1.key, `${API}/1/deployments`, E5).expect(200);
    const before = await countEveryTable(t);
    await request(t.http).post('/plugins/webhook/projects/shop/deployments').send(JSON.stringify(E5)).expect(409);
    expect(await countEveryTable(t)).toEqual(before);
  });
});

describe.each(testDrivers())('POST /api/rest/plugins/webhook/… deployments with Config UI credentials (E3) on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver, 'deployments_e3', { ADMIN_USERNAME: 'username', ADMIN_PASSWORD: 'password' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('acceptance 1: E3 sent with -u username:password writes the commit-id deployment', async () => {
    await request(t.http).post('/plugins/webhook/connections').auth('username', 'password').send('{"name":"ci"}').expect(200);
    const res = await request(t.http)
      .post(`${API}/1/deployments`)
      .auth('username', 'password')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(E3)
      .expect(200);
    expect(res.body.data).toMatchObject({ connectionId: 1, deploymentId: E3_ID, deploymentCommitIds: [E3_ID], outcome: 'created' });
    const shared = {
      id: E3_ID,
      name: 'deployment for the sha of deployment commit1',
      result: 'SUCCESS',
      original_result: 'SUCCESS',
      environment: 'PRODUCTION',
      original_environment: 'PRODUCTION',
      created_date: '2020-01-01 12:00:00.000',
      started_date: '2020-01-01 12:00:00.000',
      finished_date: '2020-01-02 12:00:00.000',
      duration_sec: 86400,
    };
    expect(await commitRows(t)).toEqual([
      expect.objectContaining({
        ...shared,
        cicd_deployment_id: E3_ID,
        repo_id: '',
        commit_sha: 'the sha of deployment commit1',
        repo_url: 'the repo URL of the deployment commit',
      }),
    ]);
    expect(await deploymentRows(t)).toEqual([expect.objectContaining(shared)]);
  });
});
