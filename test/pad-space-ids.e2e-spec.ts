import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, deploymentRows } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';
const WARNING = 'id: trailing spaces ignored, written as "d1" (MySQL compares ids without them)';

const deployment = (id: string, sha: string) => ({
  id,
  startedDate: '2024-01-01T00:00:00Z',
  finishedDate: '2024-01-01T01:00:00Z',
  deploymentCommits: [{ repoUrl: R1, commitSha: sha }],
});

describe.each(testDrivers())('issue 11.3: ids equal under PAD SPACE ("d1" and "d1 ") on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'pad_space_ids');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  it('a batch holding both ids → 200, one deployment row, the padded item warned', async () => {
    const res = await postWithKey(t, c1.key, `${API}/${c1.id}/deployments/batch`, [deployment('d1', 'sha-a'), deployment('d1 ', 'sha-b')]).expect(200);
    expect(res.body.data).toMatchObject({ created: 1, updated: 1, rejected: 0 });
    expect(res.body.data.items[0].data).toMatchObject({ deploymentId: 'd1', warnings: [] });
    expect(res.body.data.items[1].data).toMatchObject({ deploymentId: 'd1', outcome: 'updated', warnings: [WARNING] });
    expect((await deploymentRows(t)).map((row) => row.id)).toEqual(['d1']);
    expect((await commitRows(t)).map((row) => [row.id, row.cicd_deployment_id]).sort()).toEqual([
      [`webhook:${c1.id}:d1:33f83bdc209f811a:sha-a`, 'd1'],
      [`webhook:${c1.id}:d1:33f83bdc209f811a:sha-b`, 'd1'],
    ]);
  });

  it('16 concurrent single posts alternating the ids → all 200, one deployment and one commit row', async () => {
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => postWithKey(t, c1.key, `${API}/${c1.id}/deployments`, deployment(i % 2 === 0 ? 'd1' : 'd1 ', 'sha-a'))),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(16).fill(200));
    responses.forEach((res, i) => expect(res.body.data.warnings).toEqual(i % 2 === 0 ? [] : [WARNING]));
    expect(responses.filter((res) => res.body.data.outcome === 'created')).toHaveLength(1);
    expect((await deploymentRows(t)).map((row) => row.id)).toEqual(['d1']);
    expect(await commitRows(t)).toHaveLength(1);
  });
});

describe.each(testDrivers())('issue 11.3: issue keys equal under PAD SPACE ("K1" and "K1 ") on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;
  const issue = (key: string) => ({ issue_key: key, title: `title of ${key}`, status: 'TODO', created_date: '2024-03-01T00:00:00Z' });
  const issueRows = () => t.dataSource.query('SELECT id FROM issues');

  beforeEach(async () => {
    t = await createTestApp(driver, 'pad_space_keys');
    c1 = await createConnection(t, 'tracker');
  });
  afterEach(async () => {
    await t.close();
  });

  it('a batch holding both keys → 200, one issue row', async () => {
    const res = await postWithKey(t, c1.key, `${API}/connections/${c1.id}/issues/batch`, [issue('K1'), issue('K1 ')]).expect(200);
    expect(res.body.data).toMatchObject({ rejected: 0 });
    expect(await issueRows()).toEqual([{ id: `webhook:${c1.id}:K1` }]);
  });

  it('16 concurrent single posts alternating the keys → all 200, one issue row', async () => {
    const responses = await Promise.all(Array.from({ length: 16 }, (_, i) => postWithKey(t, c1.key, `${API}/connections/${c1.id}/issues`, issue(i % 2 === 0 ? 'K1' : 'K1 '))));
    expect(responses.map((res) => res.status)).toEqual(Array(16).fill(200));
    expect(await issueRows()).toEqual([{ id: `webhook:${c1.id}:K1` }]);
  });
});
