import { createHash } from 'crypto';
import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';
const rowId = (sha: string, repoUrl = R1, connectionId = 1) =>
  `webhook:${connectionId}:${createHash('md5').update(repoUrl).digest('hex').slice(0, 16)}:${sha}`;

/** A seed-form deployment of one commit of R1 finishing at `finished`. */
const deploy = (sha: string, finished: string, extra: Record<string, unknown> = {}) => ({
  pipeline_id: `p-${sha}`,
  repo_url: R1,
  commit_sha: sha,
  start_time: '2024-03-01T00:00:00Z',
  end_time: finished,
  ...extra,
});

describe.each(testDrivers())('deployments: shipped commit lists (issue 18) on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployment_commit_lists');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: object, path = 'deployments') => postWithKey(t, c1.key, `${API}/1/${path}`, body);

  it.each([
    ['seed single, not an array', deploy('a', '2024-03-01T10:00:00Z', { commit_shas: 'abc' }), ['commit_shas: must be an array']],
    [
      'seed single, bad elements',
      deploy('a', '2024-03-01T10:00:00Z', { commit_shas: ['ok', {}, '', 'x'.repeat(256), null, 7] }),
      ['commit_shas[1]: must be a string', 'commit_shas[2]: is required', 'commit_shas[3]: must be at most 255 characters', 'commit_shas[4]: is required'],
    ],
    [
      'seed multi',
      { start_time: '2024-03-01', deploymentCommits: [{ repo_url: R1, commit_sha: 'a', commit_shas: ['a', 'b', 'c', ['d']] }] },
      ['deploymentCommits[0].commit_shas[3]: must be a string'],
    ],
    [
      '1.x, camelCase',
      { id: 'd', startedDate: '2024-03-01', deploymentCommits: [{ repoUrl: R1, commitSha: 'a', commitShas: [true, false, {}] }] },
      ['deploymentCommits[0].commitShas[2]: must be a string'],
    ],
    [
      'more than 10 000',
      deploy('a', '2024-03-01T10:00:00Z', { commit_shas: Array.from({ length: 10001 }, (_, i) => `s${i}`) }),
      ['commit_shas: must contain at most 10000 commit SHAs'],
    ],
  ])('%s → 400 with causes, nothing written', async (_label, body, causes) => {
    const res = await post(body).expect(400);
    expect(res.body.causes).toEqual(causes);
    expect(await selectRows(t, 'SELECT COUNT(*) AS n FROM cicd_deployment_commits')).toEqual([{ n: 0 }]);
  });

  it('a batch item reports its list causes at its own path', async () => {
    const res = await post([deploy('a', '2024-03-01T10:00:00Z'), deploy('b', '2024-03-02T10:00:00Z', { commit_shas: [{}] })], 'deployments/batch');
    expect(JSON.stringify(res.body)).toContain('commit_shas[0]: must be a string');
  });

  it('documents commit_shas in OpenAPI, on the body and on each commit', async () => {
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, { type?: string; maxItems?: number }> }>;
    const withList = Object.entries(schemas).filter(([, schema]) => schema.properties?.commit_shas);
    expect(withList.map(([name]) => name).sort()).toEqual(['DeploymentCommitDto', 'DeploymentCommitV1xDto', 'SeedDeploymentDto'].sort());
    for (const [, schema] of withList) expect(schema.properties?.commit_shas).toMatchObject({ type: 'array', maxItems: 10000 });
  });
});
