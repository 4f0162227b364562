import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { countEveryTable } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const SHA_240 = 'f'.repeat(240);
const commits = (count: number) => Array.from({ length: count }, (_, i) => ({ repo_url: 'u', commit_sha: `s${i}` }));

/** [label, body, causes]: every case is a 400 `input json error (400)` (spec api.md §8.6 E7 first). */
const INVALID: [string, unknown, string[]][] = [
  ['E7 missing start_time', { repo_url: 'https://github.com/apache/incubator-devlake/', commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d' }, ['start_time: is required']],
  ['E7 missing commit_sha (single mode)', { repo_url: 'x', start_time: '2020-01-01T12:00:00Z' }, ['commit_sha: is required']],
  ['E7 empty deploymentCommits (seed multi)', { start_time: '2020-01-01', deploymentCommits: [] }, ['deploymentCommits: must contain at least one commit']],
  ['E7 commit without repo_url', { start_time: '2020-01-01', deploymentCommits: [{ commit_sha: '1111' }] }, ['deploymentCommits[0].repo_url: is required']],
  [
    'E7 bad enum values',
    { repo_url: 'x', commit_sha: 'y', start_time: '2020-01-01', environment: 'PROD', result: 'OK' },
    ['environment: must be one of PRODUCTION, STAGING, TESTING, DEVELOPMENT', 'result: must be one of SUCCESS, FAILURE, ABORT, MANUAL'],
  ],
  ['E7 impossible date', { repo_url: 'x', commit_sha: 'y', start_time: '2024-02-30' }, ['start_time: "2024-02-30" is not a valid date']],
  ['E7 1.x without deploymentCommits', { id: 'd', startedDate: '2024-01-01' }, ['deploymentCommits: is required']],
  ['1.x empty deploymentCommits', { id: 'd', startedDate: '2024-01-01', deploymentCommits: [] }, ['deploymentCommits: must contain at least one commit']],
  ['1.x missing startedDate, camelCase', { id: 'd', deploymentCommits: [{ repoUrl: 'u', commitSha: 's' }] }, ['startedDate: is required']],
  ['missing repo_url and commit_sha', { start_time: '2020-01-01' }, ['repo_url: is required', 'commit_sha: is required']],
  ['unparseable date', { repo_url: 'x', commit_sha: 'y', start_time: 'yesterday', end_time: '1969-12-31T23:59:59Z' }, ['start_time: "yesterday" is not a supported time', 'end_time: must be between 1970-01-01 and 2100-12-31']],
  ['bad commit-level enum (1.x)', { id: 'd', startedDate: '2024-01-01', deploymentCommits: [{ repoUrl: 'u', commitSha: 's', result: 'GREEN' }] }, ['deploymentCommits[0].result: must be one of SUCCESS, FAILURE, ABORT, MANUAL']],
  ['repo_url longer than its column', { repo_url: 'u'.repeat(501), commit_sha: 'y', start_time: '2020-01-01' }, ['repo_url: must be at most 500 characters']],
  ['commit_sha longer than its column', { repo_url: 'x', commit_sha: 'y'.repeat(256), start_time: '2020-01-01' }, ['commit_sha: must be at most 255 characters']],
  ['single-mode name longer than the commit name column', { repo_url: 'x', commit_sha: 'y', start_time: '2020-01-01', name: 'n'.repeat(256) }, ['name: must be at most 255 characters']],
  ['1.x commit status longer than its column', { id: 'd', startedDate: '2024-01-01', deploymentCommits: [{ repoUrl: 'u', commitSha: 's', status: 's'.repeat(101) }] }, ['deploymentCommits[0].status: must be at most 100 characters']],
  ['generated commit id too long (seed)', { repo_url: 'x', commit_sha: SHA_240, start_time: '2020-01-01' }, ['commit_sha: the resulting id would exceed 255 characters']],
  ['generated commit id too long (1.x id)', { id: 'i'.repeat(250), startedDate: '2024-01-01', deploymentCommits: [{ repoUrl: 'u', commitSha: 's' }] }, ['id: the resulting id would exceed 255 characters']],
  ['two spellings, different values', { repo_url: 'x', commit_sha: 'y', start_time: '2020-01-01', startedDate: '2020-01-02' }, ['startedDate: conflicts with start_time']],
  ['wrong JSON type', { repo_url: {}, commit_sha: 'y', start_time: '2020-01-01' }, ['repo_url: must be a string']],
  ['deploymentCommits not a list', { start_time: '2020-01-01', deploymentCommits: 'abc' }, ['deploymentCommits: must be an array']],
  ['more than 1000 commits', { start_time: '2020-01-01', deploymentCommits: commits(1001) }, ['deploymentCommits: must contain at most 1000 commits']],
];

describe.each(testDrivers())('POST …/deployments: validation causes, and errors write nothing, on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;
  let baseline: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(driver, 'deployments_validation');
    c1 = await createConnection(t, 'ci');
    baseline = await countEveryTable(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    expect(await countEveryTable(t)).toEqual(baseline);
    expect(baseline).toMatchObject({ cicd_deployments: 0, cicd_deployment_commits: 0 });
  });

  it.each(INVALID)('acceptance 5: %s → 400 with field-level causes, zero rows', async (_label, body, causes) => {
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, body as object).expect(400);
    expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes, data: null });
  });

  it.each([
    ['{"repo_url": "x"', 'request body is not valid JSON (400)'],
    ['{"repo_url":"x"} {}', 'request body is not valid JSON (400)'],
    ['[{"repo_url":"x"}]', 'request body must be a JSON object (400)'],
  ])('body %s → 400 %s', async (body, message) => {
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, body).expect(400);
    expect(res.body).toMatchObject({ code: 400, success: false, message, data: null });
  });

  it('an empty body is {} and reports what is missing', async () => {
    const res = await postWithKey(t, c1.key, `${API}/1/deployments`, '').expect(400);
    expect(res.body.causes).toEqual(['start_time: is required', 'repo_url: is required', 'commit_sha: is required']);
  });

  it.each([
    ['/plugins/webhook/connections/99/deployments', 'connectionId: no connection 99'],
    ['/plugins/webhook/99/deployments', 'connectionId: no connection 99'],
    ['/plugins/webhook/connections/by-name/nope/deployments', 'connectionName: no connection named nope'],
  ])('unknown connection %s → 404 before the fields are checked', async (path, cause) => {
    const res = await request(t.http).post(path).send('{"start_time":"bad"}').expect(404);
    expect(res.body).toEqual({ code: 404, success: false, message: 'record not found (404)', causes: [cause], data: null });
  });

  it('checks the path before the body: a bad connectionId with bad JSON is 400 invalid connectionId', async () => {
    const res = await request(t.http).post('/plugins/webhook/connections/0/deployments').send('{oops').expect(400);
    expect(res.body.message).toBe('invalid connectionId (400)');
  });

  it('reads the JSON before looking the connection up: bad JSON on an unknown connection is 400', async () => {
    const res = await request(t.http).post('/plugins/webhook/connections/99/deployments').send('{oops').expect(400);
    expect(res.body.message).toBe('request body is not valid JSON (400)');
  });

  if (driver === 'mysql') {
    it('a pre-existing narrower column (older DevLake: cicd_deployments.name varchar(255)) is a 400 naming the field', async () => {
      await t.dataSource.query('ALTER TABLE cicd_deployments MODIFY name varchar(255)');
      try {
        const shas = Array.from({ length: 30 }, (_, i) => ({ repo_url: 'u', commit_sha: `sha-${String(i).padStart(6, '0')}` }));
        const res = await postWithKey(t, c1.key, `${API}/1/deployments`, { start_time: '2024-01-01', deploymentCommits: shas }).expect(400);
        expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes: ['name: too long for the existing database column'], data: null });
      } finally {
        await t.dataSource.query('ALTER TABLE cicd_deployments MODIFY name longtext');
      }
    });
  }

  it('a dry run validates too: 400 with the same causes', async () => {
    const res = await postWithKey(t, c1.key, `${API}/1/deployments?dryRun=true`, { repo_url: 'x', start_time: '2020-01-01' }).expect(400);
    expect(res.body.causes).toEqual(['commit_sha: is required']);
  });
});
