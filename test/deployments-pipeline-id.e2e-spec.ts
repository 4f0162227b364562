import { createHash } from 'crypto';
import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, deploymentRows } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';
const ROW_ID = `webhook:1:${createHash('md5').update(R1).digest('hex').slice(0, 16)}:abc`;

/** A seed-form deployment of commit `abc` of R1, without `pipeline_id` unless `extra` gives one. */
const deploy = (environment: string, extra: Record<string, unknown> = {}) => ({
  repo_url: R1,
  commit_sha: 'abc',
  environment,
  start_time: environment === 'STAGING' ? '2024-03-01T10:00:00Z' : '2024-03-02T10:00:00Z',
  end_time: environment === 'STAGING' ? '2024-03-01T10:05:00Z' : '2024-03-02T10:05:00Z',
  ...extra,
});

const REPLACED = (path: string, environment: string) =>
  `${path}: missing, so this deployment replaced the ${environment} deployment of the same commit ` +
  `(${JSON.stringify(ROW_ID)}); send a pipeline_id per deployment to keep each one`;

describe.each(testDrivers())('deployments: seed form without pipeline_id on %s (issue 12 item 14)', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployments_pipeline_id');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: object, path = 'deployments') => postWithKey(t, c1.key, `${API}/1/${path}`, body).expect(200);

  it('STAGING then PRODUCTION of one commit: one row as in DevLake, and a warning asking for pipeline_id', async () => {
    const staging = await post(deploy('STAGING'));
    expect(staging.body.data.warnings).toEqual([]);
    const production = await post(deploy('PRODUCTION'));
    expect(production.body.data).toMatchObject({ deploymentId: ROW_ID, outcome: 'updated', warnings: [REPLACED('pipeline_id', 'STAGING')] });
    expect((await deploymentRows(t)).map((row) => [row.id, row.environment])).toEqual([[ROW_ID, 'PRODUCTION']]);
    expect((await commitRows(t)).map((row) => [row.id, row.cicd_deployment_id, row.environment])).toEqual([[ROW_ID, ROW_ID, 'PRODUCTION']]);
  });

  it('names the key as the client spells it (camelCase)', async () => {
    const camel = (environment: string) => ({ repoUrl: R1, commitSha: 'abc', environment, startedDate: '2024-03-01T10:00:00Z' });
    await post(camel('STAGING'));
    const res = await post(camel('PRODUCTION'));
    expect(res.body.data.warnings).toEqual([REPLACED('pipelineId', 'STAGING')]);
  });

  it('no warning for a re-post to the same environment, nor with pipeline_id', async () => {
    await post(deploy('PRODUCTION'));
    expect((await post(deploy('PRODUCTION'))).body.data.warnings).toEqual([]);
    expect((await post(deploy('STAGING', { pipeline_id: 'run-1' }))).body.data.warnings).toEqual([]);
    expect((await deploymentRows(t)).map((row) => row.id)).toEqual(['run-1', ROW_ID]);
  });

  it('a batch warns the item that replaces an earlier item of the same batch', async () => {
    const res = await post([deploy('STAGING'), deploy('PRODUCTION')], 'deployments/batch');
    expect(res.body.data.items.map((item: { data: { warnings: string[] } }) => item.data.warnings)).toEqual([
      [],
      [REPLACED('pipeline_id', 'STAGING')],
    ]);
    expect((await commitRows(t)).map((row) => row.environment)).toEqual(['PRODUCTION']);
  });
});
