import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, deployR1 as deploy, deploymentRows, R1, rowId } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';


describe.each(testDrivers())('POST …/deployments: prev_success_deployment_commit_id chains on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployments_chains');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: object, key = c1.key, connectionId = 1) => postWithKey(t, key, `${API}/${connectionId}/deployments`, body).expect(200);
  const links = async () => Object.fromEntries((await commitRows(t)).map((row) => [row.commit_sha, row.prev_success_deployment_commit_id]));

  it('P1: each success points at the previous one, whatever order the requests arrive in', async () => {
    await post(deploy('m2', '2024-03-07T10:00:00Z'));
    await post(deploy('m0', '2024-03-01T12:00:00Z'));
    await post(deploy('m3', '2024-04-01T02:00:00Z'));
    await post(deploy('m1', '2024-03-04T23:00:00Z'));
    expect(await links()).toEqual({ m0: '', m1: rowId('m0'), m2: rowId('m1'), m3: rowId('m2') });
  });

  it('skips failures, and relinks the neighbours when a row changes result', async () => {
    await post(deploy('a', '2024-03-01T10:00:00Z'));
    await post(deploy('b', '2024-03-02T10:00:00Z', { result: 'FAILURE' }));
    await post(deploy('c', '2024-03-03T10:00:00Z'));
    expect(await links()).toEqual({ a: '', b: '', c: rowId('a') });

    await post(deploy('b', '2024-03-02T10:00:00Z'));
    expect(await links()).toEqual({ a: '', b: rowId('a'), c: rowId('b') });

    await post(deploy('b', '2024-03-02T10:00:00Z', { result: 'ABORT' }));
    expect(await links()).toEqual({ a: '', b: '', c: rowId('a') });
  });

  it('moves a row between chains when its environment changes, and relinks both chains', async () => {
    await post(deploy('a', '2024-03-01T10:00:00Z'));
    await post(deploy('b', '2024-03-02T10:00:00Z'));
    await post(deploy('c', '2024-03-03T10:00:00Z'));
    await post(deploy('s', '2024-03-01T00:00:00Z', { environment: 'STAGING' }));
    await post(deploy('b', '2024-03-02T10:00:00Z', { environment: 'staging' }));
    expect(await links()).toEqual({ a: '', c: rowId('a'), s: '', b: rowId('s') });
  });

  it('keeps chains apart per repository and per connection; ties are ordered by id', async () => {
    const c2 = await createConnection(t, 'other');
    await post(deploy('x1', '2024-03-01T10:00:00Z'));
    await post({ ...deploy('y1', '2024-03-02T10:00:00Z'), repo_url: 'https://github.com/acme/r2' });
    await post({ ...deploy('z1', '2024-03-03T10:00:00Z'), pipeline_id: 'other-1' }, c2.key, c2.id);
    await post(deploy('x3', '2024-03-05T10:00:00Z'));
    await post(deploy('x2', '2024-03-05T10:00:00Z'));
    expect(await links()).toEqual({ x1: '', y1: '', z1: '', x2: rowId('x1'), x3: rowId('x2') });
  });

  it('links the rows of one multi-commit request to each other in id order', async () => {
    await post({
      start_time: '2024-03-01T09:00:00Z',
      end_time: '2024-03-01T10:00:00Z',
      deploymentCommits: [
        { repo_url: R1, commit_sha: 'k2' },
        { repo_url: R1, commit_sha: 'k1' },
      ],
    });
    expect(await links()).toEqual({ k1: '', k2: rowId('k1') });
  });

  it('seed form: the same commit with a new pipeline_id moves to the new deployment; the old one stays', async () => {
    await post(deploy('m', '2024-03-01T10:00:00Z', { pipeline_id: 'old' }));
    await post(deploy('m', '2024-03-01T10:00:00Z', { pipeline_id: 'new' }));
    expect((await commitRows(t)).map((row) => row.cicd_deployment_id)).toEqual(['new']);
    expect((await deploymentRows(t)).map((row) => row.id)).toEqual(['new', 'old']);
  });

  it('the same commit twice in one request is one row, the later element winning', async () => {
    const res = await post({
      start_time: '2024-03-01',
      deploymentCommits: [
        { repo_url: R1, commit_sha: 'd', ref_name: 'first' },
        { repo_url: R1, commit_sha: 'e' },
        { repo_url: R1, commit_sha: 'd', ref_name: 'second' },
      ],
    });
    expect(res.body.data.deploymentCommitIds).toEqual([rowId('d'), rowId('e')]);
    const rows = await commitRows(t);
    expect(rows.map((row) => [row.commit_sha, row.ref_name])).toEqual([
      ['d', 'second'],
      ['e', ''],
    ]);
    expect((await deploymentRows(t))[0].name).toBe('deployment for d,e,d');
  });
});
