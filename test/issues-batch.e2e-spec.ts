import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, countRows, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const issue = (key: string, extra: object = {}) => ({ issue_key: key, title: `title of ${key}`, status: 'TODO', created_date: '2024-03-01T00:00:00Z', ...extra });
const DOMAIN_TABLES = ['issues', 'board_issues', 'issue_assignees', 'incidents', 'incident_assignees', 'boards', 'cicd_scopes', 'pull_requests'];
const ADMIN = '/plugins/webhook';

describe.each(testDrivers())('POST …/issues/batch, ?dryRun=true, projects/:projectName/issues and concurrency on %s', (driver) => {
  let t: TestApp;
  let c: TestConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'issue_batch');
    c = await createConnection(t, 'batch-tracker');
  });
  afterAll(async () => {
    await t.close();
  });

  const domainCounts = () => Promise.all(DOMAIN_TABLES.map((table) => countRows(t, table)));
  const prefixCount = (table: string, column: string, prefix: string) =>
    selectRows(t, `SELECT COUNT(*) AS n FROM ${table} WHERE SUBSTR(${column}, 1, ?) = ?`, [prefix.length, prefix]).then(([row]) => Number(row.n));

  it('AP6: 50 concurrent first issues on a connection without a boards row give one board row and 50 issues', async () => {
    const devlakeMade = await createConnection(t, 'devlake-made');
    const boardId = `webhook:${devlakeMade.id}`;
    await t.dataSource.query('DELETE FROM boards WHERE id = ?', [boardId]);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postWithKey(t, devlakeMade.key, `${API}/${devlakeMade.id}/issues`, issue(`CC-${i}`, { assignee_id: `u${i}` }))),
    );
    expect(responses.map((res) => res.status)).toEqual(Array(50).fill(200));
    expect(new Set(responses.map((res) => res.body.data.outcome))).toEqual(new Set(['created']));
    expect(await selectRows(t, 'SELECT id, name FROM boards WHERE id = ?', [boardId])).toEqual([{ id: boardId, name: 'devlake-made' }]);
    expect(await prefixCount('issues', 'id', `${boardId}:`)).toBe(50);
    expect(await prefixCount('board_issues', 'board_id', boardId)).toBe(50);
    expect(await prefixCount('issue_assignees', 'issue_id', `${boardId}:`)).toBe(50);
  });

  it('writes the valid items of a batch, each on its own, and reports the others', async () => {
    const items = [issue('B-1'), { issue_key: 'B-2', status: 'TODO' }, issue('B-1', { title: 'second' })];
    const res = await postWithKey(t, c.key, `${API}/connections/${c.id}/issues/batch`, items).expect(200);
    expect(res.body).toEqual({
      code: 0,
      success: true,
      message: 'success',
      causes: null,
      data: {
        created: 1,
        updated: 1,
        rejected: 1,
        items: [
          expect.objectContaining({ index: 0, outcome: 'created', code: 0, message: 'success', causes: null }),
          { index: 1, outcome: 'rejected', code: 400, message: 'input json error (400)', causes: ['title: is required', 'created_date: is required'], data: null },
          {
            index: 2,
            outcome: 'updated',
            code: 0,
            message: 'success',
            causes: null,
            data: { connectionId: c.id, issueId: `webhook:${c.id}:B-1`, boardId: `webhook:${c.id}`, incidentId: null, outcome: 'updated', warnings: ['original_status: missing, stored the value of status'] },
          },
        ],
      },
    });
    expect(await selectRows(t, 'SELECT title FROM issues WHERE id = ?', [`webhook:${c.id}:B-1`])).toEqual([{ title: 'second' }]);
    expect(await selectRows(t, 'SELECT id FROM issues WHERE id = ?', [`webhook:${c.id}:B-2`])).toEqual([]);
  });

  it('reads NDJSON batches, rejecting a bad line alone; refuses empty and oversized batches', async () => {
    const ndjson = `${JSON.stringify(issue('N-1'))}\n{oops\n\n${JSON.stringify(issue('N-2'))}\n`;
    const res = await request(t.http)
      .post(`${API}/${c.id}/issues/batch`)
      .set('Authorization', `Bearer ${c.key}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(ndjson)
      .expect(200);
    expect(res.body.data).toMatchObject({ created: 2, rejected: 1 });
    expect(res.body.data.items[1]).toEqual({ index: 1, outcome: 'rejected', code: 400, message: 'request body is not valid JSON (400)', causes: ['body: line 2 is not valid JSON'], data: null });
    const empty = await postWithKey(t, c.key, `${API}/${c.id}/issues/batch`, '[]').expect(400);
    expect(empty.body.causes).toEqual(['body: must contain at least one item']);
    const tooMany = await postWithKey(t, c.key, `${API}/${c.id}/issues/batch`, Array(1001).fill(issue('T-1'))).expect(413);
    expect(tooMany.body.message).toBe('too many items in batch (413)');
  });

  it('previews a single issue in a dry run: complete rows, nothing written', async () => {
    const before = await domainCounts();
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues?dryRun=true`, issue('D-1', { type: 'Incident', assignee_id: 'u1', assignee_name: 'U1' })).expect(200);
    const id = `webhook:${c.id}:D-1`;
    expect(res.body.data).toMatchObject({ issueId: id, incidentId: id, outcome: 'created', dryRun: true });
    const rows = res.body.data.rows;
    expect(Object.keys(rows)).toEqual(['issues', 'board_issues', 'issue_assignees', 'incidents', 'incident_assignees']);
    expect(rows.issues).toEqual([
      expect.objectContaining({ id, type: 'INCIDENT', created_date: '2024-03-01T00:00:00.000Z', resolution_date: null, is_subtask: 0, story_point: 0, _raw_data_id: 0 }),
    ]);
    expect(Object.keys(rows.issues[0])).toHaveLength(38);
    expect(rows.incidents).toEqual([expect.objectContaining({ id, table: 'boards', scope_id: `webhook:${c.id}` })]);
    expect(rows.incident_assignees).toEqual([expect.objectContaining({ incident_id: id, assignee_id: `webhook:${c.id}:u1` })]);
    expect(await domainCounts()).toEqual(before);
  });

  it('lets later dry-run batch items see earlier ones, and writes nothing', async () => {
    const before = await domainCounts();
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues/batch?dryRun=1`, [issue('DB-1'), issue('DB-1', { status: 'DONE' }), {}]).expect(200);
    expect(res.body.data).toMatchObject({ created: 1, updated: 1, rejected: 1 });
    expect(res.body.data.items.map((item: { data: { outcome?: string } | null }) => item.data?.outcome ?? null)).toEqual(['created', 'updated', null]);
    expect(res.body.data.items[1].data.rows.issues[0]).toMatchObject({ status: 'DONE' });
    expect(await domainCounts()).toEqual(before);
  });

  it('shows the missing boards row in a dry-run preview', async () => {
    const bare = await createConnection(t, 'no-board');
    await t.dataSource.query('DELETE FROM boards WHERE id = ?', [`webhook:${bare.id}`]);
    const res = await postWithKey(t, bare.key, `${API}/${bare.id}/issues?dryRun=true`, issue('NB-1')).expect(200);
    expect(res.body.data.rows.boards).toEqual([expect.objectContaining({ id: `webhook:${bare.id}`, name: 'no-board', type: '' })]);
    expect(await selectRows(t, 'SELECT id FROM boards WHERE id = ?', [`webhook:${bare.id}`])).toEqual([]);
  });

  describe('project routes', () => {
    it('creates the project connection and writes the issue on the first call; closes through by-name', async () => {
      const first = await request(t.http).post(`${ADMIN}/projects/shop/issues`).send(issue('P-1')).expect(200);
      const connectionId = first.body.data.connectionId;
      expect(first.body.data).toMatchObject({ projectName: 'shop', issueId: `webhook:${connectionId}:P-1`, outcome: 'created' });
      expect(await selectRows(t, 'SELECT name FROM _tool_webhook_connections WHERE id = ?', [connectionId])).toEqual([{ name: 'shop_deployments' }]);
      expect(await selectRows(t, 'SELECT name FROM boards WHERE id = ?', [`webhook:${connectionId}`])).toEqual([{ name: 'shop_deployments' }]);
      expect(await selectRows(t, 'SELECT `table` AS t FROM project_mapping WHERE project_name = ? ORDER BY `table`', ['shop'])).toEqual([
        { t: 'boards' },
        { t: 'cicd_scopes' },
        { t: 'repos' },
      ]);
      const again = await request(t.http).post(`${ADMIN}/projects/shop/pull_requests`).send({ pullRequestKey: 1, title: 'x', createdDate: '2024-01-01' }).expect(200);
      expect(again.body.data).toMatchObject({ connectionId, projectName: 'shop', pullRequestId: `webhook:${connectionId}:1`, outcome: 'created' });
      const closed = await request(t.http).post(`${ADMIN}/connections/by-name/shop_deployments/issue/P-1/close`).expect(200);
      expect(closed.body.data).toMatchObject({ connectionId, issueId: `webhook:${connectionId}:P-1` });
    });

    it('previews a first project call with connectionId null and "?" ids, creating nothing', async () => {
      const connections = await countRows(t, '_tool_webhook_connections');
      const before = await Promise.all([...DOMAIN_TABLES, 'projects', 'project_mapping'].map((table) => countRows(t, table)));
      const res = await request(t.http).post(`${ADMIN}/projects/preview/issues?dryRun=true`).send(issue('PV-1')).expect(200);
      expect(res.body.data).toMatchObject({ connectionId: null, issueId: 'webhook:?:PV-1', boardId: 'webhook:?', projectName: 'preview', dryRun: true });
      const rows = res.body.data.rows;
      expect(Object.keys(rows)).toEqual(['_tool_webhook_connections', 'cicd_scopes', 'boards', 'projects', 'project_mapping', 'issues', 'board_issues']);
      expect(rows._tool_webhook_connections).toEqual([expect.objectContaining({ id: null, name: 'preview_deployments' })]);
      expect(rows.project_mapping.map((row: { row_id: string }) => row.row_id)).toEqual(['webhook:?', 'webhook:?', 'webhook:?']);
      expect(rows.board_issues).toEqual([expect.objectContaining({ board_id: 'webhook:?', issue_id: 'webhook:?:PV-1' })]);
      expect(await countRows(t, '_tool_webhook_connections')).toBe(connections);
      expect(await Promise.all([...DOMAIN_TABLES, 'projects', 'project_mapping'].map((table) => countRows(t, table)))).toEqual(before);
    });

    it('answers 400 for a project name over 88 characters', async () => {
      const res = await request(t.http).post(`${ADMIN}/projects/${'p'.repeat(89)}/issues`).send(issue('P-2')).expect(400);
      expect(res.body.message).toBe('invalid projectName (400)');
    });
  });
});
