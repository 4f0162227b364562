import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { API, countRows, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const issue = (key: string, extra: object = {}) => ({ issue_key: key, title: `title of ${key}`, status: 'TODO', created_date: '2024-03-01T00:00:00Z', ...extra });

describe.each(testDrivers())('POST …/issues and …/issue/:issueKey/close in every form, incidents, on %s', (driver) => {
  let t: TestApp;
  let c: TestConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'issue_routes');
    c = await createConnection(t, 'tracker');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['A, API-key mount', () => `/rest/plugins/webhook/connections/${c.id}/issues`],
    ['B, legacy short form', () => `${API}/${c.id}/issues`],
    ['B with a leading zero and a trailing slash', () => `${API}/0${c.id}/issues/`],
    ['C, by name', () => `${API}/connections/by-name/tracker/issues`],
  ])('writes through form %s with the key of the connection', async (_label, path) => {
    const key = `R-${Math.random().toString(36).slice(2, 8)}`;
    const res = await postWithKey(t, c.key, path(), issue(key)).expect(200);
    expect(res.body.data).toMatchObject({ connectionId: c.id, issueId: `webhook:${c.id}:${key}`, outcome: 'created' });
  });

  it('answers 403 to a key of another connection, 404 for an unknown connection, 400 for a bad id', async () => {
    const other = await createConnection(t, 'other-tracker');
    const before = await countRows(t, 'issues');
    await postWithKey(t, other.key, `${API}/${c.id}/issues`, issue('X-1')).expect(403);
    const missing = await request(t.http).post('/plugins/webhook/connections/999999/issues').send(issue('X-1')).expect(404);
    expect(missing.body).toMatchObject({ message: 'record not found (404)', causes: ['connectionId: no connection 999999'] });
    const bad = await request(t.http).post('/plugins/webhook/connections/0/issues').send('{not json').expect(400);
    expect(bad.body.message).toBe('invalid connectionId (400)');
    expect(await countRows(t, 'issues')).toBe(before);
  });

  it('reads IE2 (camelCase, standard type in lower case, string story point)', async () => {
    const body = {
      issueKey: 'DLK-1',
      title: 't',
      type: 'bug',
      status: 'done',
      originalStatus: 'Resolved',
      createdDate: '2024-03-01T00:00:00Z',
      resolutionDate: '2024-03-01T01:30:30Z',
      parentIssueKey: 'DLK-0',
      storyPoint: '3',
    };
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, body).expect(200);
    expect(res.body.data).toMatchObject({ incidentId: null, warnings: [] });
    const id = `webhook:${c.id}:DLK-1`;
    expect(await selectRows(t, 'SELECT type, status, original_status, lead_time_minutes, story_point, parent_issue_id FROM issues WHERE id = ?', [id])).toEqual([
      { type: 'BUG', status: 'DONE', original_status: 'Resolved', lead_time_minutes: 90, story_point: 3, parent_issue_id: `webhook:${c.id}:DLK-0` },
    ]);
    expect(await selectRows(t, 'SELECT id FROM incidents WHERE id = ?', [id])).toEqual([]);
    expect(await selectRows(t, 'SELECT issue_id FROM issue_assignees WHERE issue_id = ?', [id])).toEqual([]);
  });

  it('clamps a resolution before the creation to 0 with a warning; keeps a given lead time', async () => {
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('LT-1', { original_status: 'Done', resolution_date: '2024-02-01T00:00:00Z' })).expect(200);
    expect(res.body.data.warnings).toEqual(['lead_time_minutes: resolution_date is before created_date, stored 0']);
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('LT-2', { resolution_date: '2024-03-02', lead_time_minutes: 7 })).expect(200);
    expect(await selectRows(t, 'SELECT id, lead_time_minutes FROM issues WHERE id IN (?, ?) ORDER BY id', [`webhook:${c.id}:LT-1`, `webhook:${c.id}:LT-2`])).toEqual([
      { id: `webhook:${c.id}:LT-1`, lead_time_minutes: 0 },
      { id: `webhook:${c.id}:LT-2`, lead_time_minutes: 7 },
    ]);
  });

  it('keeps exactly one incident_assignees row, unassigned as ""', async () => {
    const id = `webhook:${c.id}:INC-1`;
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('INC-1', { type: 'incident', assignee_id: 'u1', assignee_name: 'U1' })).expect(200);
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('INC-1', { type: 'INCIDENT', assignee_id: 'u2', assignee_name: 'U2' })).expect(200);
    expect(await selectRows(t, 'SELECT assignee_id, assignee_name FROM incident_assignees WHERE incident_id = ?', [id])).toEqual([
      { assignee_id: `webhook:${c.id}:u2`, assignee_name: 'U2' },
    ]);
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('INC-1', { type: 'INCIDENT', assignee_id: '' })).expect(200);
    expect(await selectRows(t, 'SELECT assignee_id, assignee_name FROM incident_assignees WHERE incident_id = ?', [id])).toEqual([{ assignee_id: '', assignee_name: '' }]);
    expect(await selectRows(t, 'SELECT issue_id FROM issue_assignees WHERE issue_id = ?', [id])).toEqual([]);
    expect(await selectRows(t, 'SELECT assignee_id FROM issues WHERE id = ?', [id])).toEqual([{ assignee_id: '' }]);
  });

  (driver === 'mysql' ? it : it.skip)('names the field when a pre-existing DevLake column is narrower, writing nothing', async () => {
    await t.dataSource.query('ALTER TABLE issues MODIFY priority varchar(5) NULL');
    try {
      const before = await countRows(t, 'issues');
      const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('NARROW-1', { Priority: 'urgent!' })).expect(400);
      expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes: ['Priority: too long for the existing database column'], data: null });
      expect(await countRows(t, 'issues')).toBe(before);
    } finally {
      await t.dataSource.query('ALTER TABLE issues MODIFY priority varchar(255) NULL');
    }
  });

  describe('close', () => {
    it('closes a key containing "/" through %2F, and reports a body key on the path form', async () => {
      await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('A/1')).expect(200);
      const res = await postWithKey(t, c.key, `${API}/connections/by-name/tracker/issue/A%2F1/close`, {
        issueKey: 'ignored',
        resolution_date: '2024-03-01T00:10:00Z',
      }).expect(200);
      expect(res.body.data).toEqual({
        connectionId: c.id,
        issueId: `webhook:${c.id}:A/1`,
        incidentId: null,
        resolutionDate: '2024-03-01T00:10:00.000Z',
        leadTimeMinutes: 10,
        warnings: ['ignored key: issueKey (the path names the issue)'],
      });
      expect(await selectRows(t, 'SELECT status, original_status, lead_time_minutes FROM issues WHERE id = ?', [`webhook:${c.id}:A/1`])).toEqual([
        { status: 'DONE', original_status: '', lead_time_minutes: 10 },
      ]);
    });

    it('answers 404 for an unknown key and 400 for a body without a key, writing nothing', async () => {
      const before = await countRows(t, 'issues');
      const missing = await postWithKey(t, c.key, `${API}/connections/${c.id}/issue/close`, { issueKey: 'NOPE-1' }).expect(404);
      expect(missing.body).toEqual({ code: 404, success: false, message: 'issue not found (404)', causes: [`issueKey: no issue webhook:${c.id}:NOPE-1`], data: null });
      const onPath = await postWithKey(t, c.key, `${API}/${c.id}/issue/NOPE-2/close`).expect(404);
      expect(onPath.body.causes).toEqual([`issueKey: no issue webhook:${c.id}:NOPE-2`]);
      const empty = await postWithKey(t, c.key, `${API}/${c.id}/issue/close`, {}).expect(400);
      expect(empty.body).toMatchObject({ message: 'input json error (400)', causes: ['issue_key: is required'] });
      const badDate = await postWithKey(t, c.key, `${API}/${c.id}/issue/close`, { issue_key: 'A/1', resolution_date: '2024-13-01' }).expect(400);
      expect(badDate.body.causes).toEqual(['resolution_date: "2024-13-01" is not a valid date']);
      expect(await countRows(t, 'issues')).toBe(before);
    });

    it('rebuilds a missing incident row from the issue on close, with a clamped lead time warning', async () => {
      const id = `webhook:${c.id}:INC-2`;
      await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('INC-2', { type: 'INCIDENT', assignee_id: 'u9', assignee_name: 'U9' })).expect(200);
      await t.dataSource.query('DELETE FROM incidents WHERE id = ?', [id]);
      await t.dataSource.query('DELETE FROM incident_assignees WHERE incident_id = ?', [id]);
      const res = await postWithKey(t, c.key, `${API}/${c.id}/issue/close`, { issueKey: 'INC-2', resolutionDate: '2024-02-01', originalStatus: 'Fixed' }).expect(200);
      expect(res.body.data).toMatchObject({ incidentId: id, leadTimeMinutes: 0, warnings: ['leadTimeMinutes: resolutionDate is before createdDate, stored 0'] });
      expect(await selectRows(t, 'SELECT status, original_status, resolution_date, lead_time_minutes, scope_id, assignee_id FROM incidents WHERE id = ?', [id])).toEqual([
        {
          status: 'DONE',
          original_status: 'Fixed',
          resolution_date: '2024-02-01 00:00:00.000',
          lead_time_minutes: 0,
          scope_id: `webhook:${c.id}`,
          assignee_id: `webhook:${c.id}:u9`,
        },
      ]);
      expect(await selectRows(t, 'SELECT assignee_id FROM incident_assignees WHERE incident_id = ?', [id])).toEqual([{ assignee_id: `webhook:${c.id}:u9` }]);
    });

    it('previews a close in a dry run without changing the rows', async () => {
      const id = `webhook:${c.id}:DR-1`;
      await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('DR-1', { type: 'INCIDENT' })).expect(200);
      const before = await selectRows(t, 'SELECT * FROM issues WHERE id = ?', [id]);
      const res = await postWithKey(t, c.key, `${API}/${c.id}/issue/DR-1/close?dryRun=true`, { resolutionDate: '2024-03-01T01:00:00Z' }).expect(200);
      expect(res.body.data).toMatchObject({ issueId: id, incidentId: id, leadTimeMinutes: 60, dryRun: true });
      expect(res.body.data.rows.issues).toEqual([expect.objectContaining({ id, status: 'DONE', resolution_date: '2024-03-01T01:00:00.000Z', lead_time_minutes: 60 })]);
      expect(res.body.data.rows.incidents).toEqual([expect.objectContaining({ id, status: 'DONE', lead_time_minutes: 60 })]);
      expect(await selectRows(t, 'SELECT * FROM issues WHERE id = ?', [id])).toEqual(before);
      expect(await selectRows(t, 'SELECT status FROM incidents WHERE id = ?', [id])).toEqual([{ status: 'TODO' }]);
    });

    it('re-opens a closed issue on re-post', async () => {
      const id = `webhook:${c.id}:RE-1`;
      await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('RE-1')).expect(200);
      await postWithKey(t, c.key, `${API}/${c.id}/issue/RE-1/close`).expect(200);
      await postWithKey(t, c.key, `${API}/${c.id}/issues`, issue('RE-1', { status: 'IN_PROGRESS' })).expect(200);
      expect(await selectRows(t, 'SELECT status, resolution_date FROM issues WHERE id = ?', [id])).toEqual([{ status: 'IN_PROGRESS', resolution_date: null }]);
    });
  });
});
