import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, deploymentRows } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';
const deployment = (id: string, minute: number) => ({
  id,
  startedDate: '2024-01-01T00:00:00Z',
  finishedDate: new Date(Date.UTC(2024, 0, 1, 1) + minute * 60_000).toISOString(),
  deploymentCommits: [{ repoUrl: R1, commitSha: `sha-${id}` }],
});

/** A trigger that refuses the deployment row `bad`: a database error on one item that passes validation. */
const REFUSE_BAD = {
  mysql:
    "CREATE TRIGGER refuse_bad BEFORE INSERT ON cicd_deployments FOR EACH ROW BEGIN IF NEW.id = 'bad' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END",
  sqlite: "CREATE TRIGGER refuse_bad BEFORE INSERT ON cicd_deployments WHEN NEW.id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
};

describe.each(testDrivers())('issue 11.8: batch atomicity per item on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'batch_item_atomicity');
    c1 = await createConnection(t, 'ci');
    await t.dataSource.query(REFUSE_BAD[driver]);
  });
  afterEach(async () => {
    await t.close();
  });

  it('an item the database refuses is reported on its own; the other items are written', async () => {
    const items = [deployment('good-1', 1), deployment('bad', 2), deployment('good-2', 3)];
    const res = await postWithKey(t, c1.key, `${API}/${c1.id}/deployments/batch`, items).expect(200);
    expect(res.body.data).toMatchObject({ created: 2, updated: 0, rejected: 1 });
    expect(res.body.data.items.map((item: { outcome: string; code: number }) => [item.outcome, item.code])).toEqual([
      ['created', 0],
      ['rejected', 500],
      ['created', 0],
    ]);
    expect(res.body.data.items[1]).toMatchObject({ message: 'item not written: the database refused it (500)', data: null });
    expect((await deploymentRows(t)).map((row) => row.id).sort()).toEqual(['good-1', 'good-2']);
    expect((await commitRows(t)).map((row) => row.cicd_deployment_id).sort()).toEqual(['good-1', 'good-2']);
    // The chain skips the refused item: good-2 follows good-1.
    const good2 = (await commitRows(t)).find((row) => row.cicd_deployment_id === 'good-2');
    expect(good2?.prev_success_deployment_commit_id).toBe(`webhook:${c1.id}:good-1:33f83bdc209f811a:sha-good-1`);
  });

  it('a batch without a refused item is written as before', async () => {
    const res = await postWithKey(t, c1.key, `${API}/${c1.id}/deployments/batch`, [deployment('a', 1), deployment('b', 2)]).expect(200);
    expect(res.body.data).toMatchObject({ created: 2, rejected: 0 });
    expect(await deploymentRows(t)).toHaveLength(2);
  });

  it('concurrent single posts grouped with a refused one: only the refused one fails', async () => {
    const ids = ['s1', 's2', 'bad', 's3', 's4'];
    const responses = await Promise.all(ids.map((id, i) => postWithKey(t, c1.key, `${API}/${c1.id}/deployments`, deployment(id, i))));
    expect(responses.map((res) => res.status)).toEqual([200, 200, 500, 200, 200]);
    expect((await deploymentRows(t)).map((row) => row.id).sort()).toEqual(['s1', 's2', 's3', 's4']);
  });
});
