import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const ADMIN = '/plugins/webhook';
const R1 = 'https://github.com/acme/r1';
const deployment = { id: 'd1', startedDate: '2024-01-01T00:00:00Z', finishedDate: '2024-01-01T01:00:00Z', deploymentCommits: [{ repoUrl: R1, commitSha: 'sha-a' }] };
const issue = { issue_key: 'K1', title: 'title', status: 'TODO', created_date: '2024-03-01T00:00:00Z' };

describe.each(testDrivers())('issue 11.5: leftovers of a connection deleted without purge on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;
  let c2: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deleted_leftovers');
    c1 = await createConnection(t, 'old-ci');
    c2 = await createConnection(t, 'new-ci');
    await postWithKey(t, c1.key, `${API}/${c1.id}/deployments`, deployment).expect(200);
    await postWithKey(t, c1.key, `${API}/connections/${c1.id}/issues`, issue).expect(200);
    await request(t.http).delete(`${ADMIN}/connections/${c1.id}`).expect(200);
  });
  afterEach(async () => {
    await t.close();
  });

  const countRows = async (table: string, where: string, params: unknown[]) => Number((await selectRows(t, `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const rowsOf = async (scopeId: string) => ({
    cicd_deployments: await countRows('cicd_deployments', 'cicd_scope_id = ?', [scopeId]),
    cicd_deployment_commits: await countRows('cicd_deployment_commits', 'cicd_scope_id = ?', [scopeId]),
    issues: await countRows('issues', 'substr(id, 1, ?) = ?', [scopeId.length + 1, `${scopeId}:`]),
    board_issues: await countRows('board_issues', 'board_id = ?', [scopeId]),
    boards: await countRows('boards', 'id = ?', [scopeId]),
    cicd_scopes: await countRows('cicd_scopes', 'id = ?', [scopeId]),
  });

  it('DELETE …?purge=true by the deleted id purges its leftovers; a second purge answers 404', async () => {
    const scope = `webhook:${c1.id}`;
    expect(await rowsOf(scope)).toEqual({ cicd_deployments: 1, cicd_deployment_commits: 1, issues: 1, board_issues: 1, boards: 1, cicd_scopes: 1 });
    const res = await request(t.http).delete(`${ADMIN}/connections/${c1.id}?purge=true`).expect(200);
    expect(res.body.data).toMatchObject({ connectionId: c1.id, purged: { cicd_deployments: 1, cicd_deployment_commits: 1, issues: 1 } });
    expect(await rowsOf(scope)).toEqual({ cicd_deployments: 0, cicd_deployment_commits: 0, issues: 0, board_issues: 0, boards: 0, cicd_scopes: 0 });
    await request(t.http).delete(`${ADMIN}/connections/${c1.id}?purge=true`).expect(404);
    expect(await countRows('_tool_webhook_connections', 'id = ?', [c2.id])).toBe(1);
  });

  it('a 1.x deployment id owned by the deleted connection is taken over by the writer, with a warning', async () => {
    const res = await postWithKey(t, c2.key, `${API}/${c2.id}/deployments`, { ...deployment, deploymentCommits: [{ repoUrl: R1, commitSha: 'sha-b' }] }).expect(200);
    expect(res.body.data).toMatchObject({ deploymentId: 'd1', outcome: 'updated' });
    expect(res.body.data.warnings).toEqual([`id: "d1" belonged to deleted connection webhook:${c1.id}, taken over by this connection`]);
    expect(await selectRows(t, 'SELECT id, cicd_scope_id FROM cicd_deployments')).toEqual([{ id: 'd1', cicd_scope_id: `webhook:${c2.id}` }]);
    expect((await selectRows(t, 'SELECT id FROM cicd_deployment_commits WHERE cicd_scope_id = ?', [`webhook:${c2.id}`])).map((row) => row.id)).toEqual([
      `webhook:${c2.id}:d1:33f83bdc209f811a:sha-b`,
    ]);
    // Once taken over, the id is the writer's: no warning the next time.
    const again = await postWithKey(t, c2.key, `${API}/${c2.id}/deployments`, deployment).expect(200);
    expect(again.body.data.warnings).toEqual([]);
  });

  it('a deployment id of a connection that still exists stays a 409', async () => {
    const c3 = await createConnection(t, 'third');
    await postWithKey(t, c2.key, `${API}/${c2.id}/deployments`, { ...deployment, id: 'd2' }).expect(200);
    await postWithKey(t, c3.key, `${API}/${c3.id}/deployments`, { ...deployment, id: 'd2' }).expect(409);
  });
});
