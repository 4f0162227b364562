import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { ADMIN } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';

/** A seed-form deployment of one commit finishing at `finished`. */
const deploy = (pipeline: string, sha: string, finished: string, extra: Record<string, unknown> = {}) => ({
  pipeline_id: pipeline,
  repo_url: R1,
  commit_sha: sha,
  start_time: '2024-03-01T00:00:00Z',
  end_time: finished,
  ...extra,
});

/** issue 18 item 4: `GET …/deployments/last-success`, so a CI step can list the commits it ships. */
describe.each(testDrivers())('deployments: last successful deployment of a repository and environment on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;
  let c2: TestConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'deployments_last_success');
    c1 = await createConnection(t, 'ci');
    c2 = await createConnection(t, 'other');
    const post = (body: object, key = c1.key, connection = 1) => postWithKey(t, key, `${API}/${connection}/deployments`, body).expect(200);
    await post(deploy('run-1', 'a1', '2024-03-01T10:00:00Z'));
    await post(deploy('run-3', 'a3', '2024-03-03T10:00:00Z'));
    // Arrives late and finished earlier: not the last.
    await post(deploy('run-2', 'a2', '2024-03-02T10:00:00Z'));
    await post(deploy('run-4', 'a4', '2024-03-04T10:00:00Z', { result: 'FAILURE' }));
    await post(deploy('run-5', 's5', '2024-03-05T10:00:00Z', { environment: 'STAGING' }));
    await post(deploy('run-6', 'b6', '2024-03-06T10:00:00Z', { repo_url: `${R1}/` }));
    await post(deploy('other-7', 'o7', '2024-03-07T10:00:00Z'), c2.key, 2);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, query: Record<string, string>, key = c1.key) =>
    request(t.http).get(`${API}/${path}`).set('Authorization', `Bearer ${key}`).query(query);

  it('answers the last successful production deployment commit, by id, by name and on the legacy route', async () => {
    for (const path of ['connections/1/deployments/last-success', 'connections/by-name/ci/deployments/last-success', '1/deployments/last-success']) {
      const res = await get(path, { repo_url: R1 }).expect(200);
      expect(res.body).toEqual({
        code: 0, success: true, message: 'success', causes: null,
        data: { commitSha: 'a3', deploymentId: 'run-3', finishedDate: '2024-03-03T10:00:00.000Z' },
      });
    }
  });

  it('follows the environment (case-insensitive) and the exact repository url', async () => {
    const staging = await get('connections/1/deployments/last-success', { repo_url: R1, environment: 'staging' }).expect(200);
    expect(staging.body.data).toEqual({ commitSha: 's5', deploymentId: 'run-5', finishedDate: '2024-03-05T10:00:00.000Z' });
    const slash = await get('connections/1/deployments/last-success', { repoUrl: `${R1}/`, environment: 'PRODUCTION' }).expect(200);
    expect(slash.body.data).toMatchObject({ commitSha: 'b6', deploymentId: 'run-6' });
  });

  it('404 when the repository and environment have no successful deployment on this connection', async () => {
    for (const query of [{ repo_url: R1, environment: 'TESTING' }, { repo_url: 'https://github.com/acme/none' }] as Record<string, string>[]) {
      const res = await get('connections/1/deployments/last-success', query).expect(404);
      expect(res.body).toMatchObject({ code: 404, success: false, message: 'record not found (404)', data: null });
      expect(res.body.causes[0]).toMatch(/no successful .* deployment of /);
    }
  });

  it('400 with causes for a missing repo_url or an unknown environment', async () => {
    const res = await get('connections/1/deployments/last-success', { environment: 'moon' }).expect(400);
    expect(res.body).toMatchObject({
      code: 400, message: 'input json error (400)',
      causes: ['repo_url: is required', 'environment: must be one of PRODUCTION, STAGING, TESTING, DEVELOPMENT'],
    });
    const twice = await request(t.http).get(`${API}/connections/1/deployments/last-success?repo_url=a&repo_url=b`)
      .set('Authorization', `Bearer ${c1.key}`).expect(400);
    expect(twice.body.causes).toEqual(['repo_url: must be a string']);
  });

  it("another connection's key is refused; the connection's own rows only", async () => {
    const res = await get('connections/1/deployments/last-success', { repo_url: R1 }, c2.key).expect(403);
    expect(res.body.message).toBe("path doesn't match api key's scope");
    const own = await get('connections/2/deployments/last-success', { repo_url: R1 }, c2.key).expect(200);
    expect(own.body.data).toMatchObject({ commitSha: 'o7', deploymentId: 'other-7' });
    await get('connections/by-name/nope/deployments/last-success', { repo_url: R1 }).expect(403);
  });

  it('admin credentials work on the admin mount; reads are not recorded in the audit log', async () => {
    const res = await request(t.http).get(`${ADMIN}/connections/1/deployments/last-success`).query({ repo_url: R1 }).expect(200);
    expect(res.body.data.commitSha).toBe('a3');
    const audit = await request(t.http).get(`${ADMIN}/connections/1/requests`).expect(200);
    expect(JSON.stringify(audit.body.data)).not.toContain('last-success');
  });
});
