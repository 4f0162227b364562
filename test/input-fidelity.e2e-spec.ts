import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

/** Issue 12 items 1–6: stored exactly what was sent, or refused with a cause. */
describe.each(testDrivers())('input fidelity on %s', (driver) => {
  let t: TestApp;
  let c: TestConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'fidelity');
    c = await createConnection(t, 'fidelity');
  });
  afterAll(async () => {
    await t.close();
  });

  const issue = (key: string) => `{"issue_key": ${key}, "title": "t", "type": "INCIDENT", "status": "TODO", "created_date": "2024-01-01T00:00:00Z"}`;
  const issueKeys = async () =>
    (await selectRows(t, 'SELECT issue_key FROM issues WHERE id LIKE ? ORDER BY issue_key', [`webhook:${c.id}:%`])).map((row) => row.issue_key);

  it('1: stores identifiers beyond 2^53 sent as numbers exactly, never on a neighbour row', async () => {
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('9007199254740992')).expect(200);
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('9007199254740993')).expect(200);
    expect(res.body.data.issueId).toBe(`webhook:${c.id}:9007199254740993`);
    expect(await issueKeys()).toEqual(['9007199254740992', '9007199254740993']);
  });

  it('2: refuses a non-finite number with a cause, writing nothing', async () => {
    const before = await issueKeys();
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('1e400')).expect(400);
    expect(res.body).toMatchObject({ success: false, causes: ['issue_key: must be a finite number (beyond the range of a double)'] });
    expect(await issueKeys()).toEqual(before);
  });

  it('3: refuses a lone surrogate with a cause naming the field, writing nothing', async () => {
    const before = await issueKeys();
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('"a\\ud800"')).expect(400);
    expect(res.body.causes).toEqual(['issue_key: must not contain a lone UTF-16 surrogate (\\ud800-\\udfff)']);
    expect(await issueKeys()).toEqual(before);
  });

  it('6: a batch item that is not an object gets its own cause; the others are stored', async () => {
    const body = `[${issue('"B-1"')}, 5, "x", ${issue('"B-2"')}, ${issue('1e999')}]`;
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues/batch`, body).expect(200);
    expect(res.body.data.items.map((item: { outcome: string; causes: string[] | null }) => [item.outcome, item.causes])).toEqual([
      ['created', null],
      ['rejected', ['items[1]: must be an object']],
      ['rejected', ['items[2]: must be an object']],
      ['created', null],
      ['rejected', ['issue_key: must be a finite number (beyond the range of a double)']],
    ]);
    expect(await issueKeys()).toEqual(expect.arrayContaining(['B-1', 'B-2']));
  });

  it('6: NDJSON items that are not objects get their own cause', async () => {
    const res = await request(t.http)
      .post(`${API}/${c.id}/issues/batch`)
      .set('Authorization', `Bearer ${c.key}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(`${issue('"N-1"')}\n[1]\n`)
      .expect(200);
    expect(res.body.data.items[1]).toMatchObject({ outcome: 'rejected', causes: ['items[1]: must be an object'] });
  });
});

describe.each(testDrivers())('paths on %s', (driver) => {
  let t: TestApp;
  let c: TestConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'fidelity-paths');
    c = await createConnection(t, 'ci-one');
  });
  afterAll(async () => {
    await t.close();
  });

  const deployment = JSON.stringify({ id: 'd-1', repo_url: 'repo-1', commit_sha: 'c1', start_time: '2024-01-01T00:00:00Z', end_time: '2024-01-01T00:10:00Z', result: 'SUCCESS' });

  it('4: a malformed %-escape in the path is a 400 naming the path, not a body error', async () => {
    const res = await postWithKey(t, c.key, `${API}/connections/by-name/ci%zzone/deployments`, deployment).expect(400);
    expect(res.body).toMatchObject({ success: false, message: 'request path is not valid (400)' });
    expect(res.body.causes).toEqual(['path: malformed %-escape in /api/rest/plugins/webhook/connections/by-name/ci%zzone/deployments']);
    expect(await selectRows(t, 'SELECT id FROM cicd_deployment_commits')).toEqual([]);
  });

  it('5: connection names match exactly: a trailing space is another name', async () => {
    // No connection has that name, so the key of `ci-one` is not valid for it.
    await postWithKey(t, c.key, `${API}/connections/by-name/ci-one%20/deployments`, deployment).expect(403);
    expect(await selectRows(t, 'SELECT id FROM cicd_deployment_commits')).toEqual([]);
    await request(t.http).get(`/plugins/webhook/connections/by-name/ci-one%20`).expect(404);
    await request(t.http).get(`/plugins/webhook/connections/by-name/CI-ONE`).expect(404);
    await request(t.http).get(`/plugins/webhook/connections/by-name/ci-one`).expect(200);
  });
});
