import { createTestApp, TestApp } from './utils/create-test-app';
import { API, countRows, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

/** The seed document's incident call, byte for byte (spec api.md §9.3 IE1). */
const IE1 = `{
"issue_key":"DLK-1234",
"title":"a feature from DLK",
"description":"",
"url":"",
"type":"INCIDENT",
"status":"TODO",
"created_date":"2020-01-01T12:00:00+00:00",
"updated_date":"2020-01-01T12:00:00+00:00",
"priority":"",
"severity":"",
"creator_id":"user1131",
"creator_name":"Nick name 1",
"assignee_id":"user1132",
"assignee_name":"Nick name 2"
}`;

const ISSUE_TABLES = ['issues', 'board_issues', 'issue_assignees', 'incidents', 'incident_assignees'];
const RAW = { _raw_data_params: '', _raw_data_table: '', _raw_data_id: 0, _raw_data_remark: '' };

describe.each(testDrivers())('POST …/connections/:connectionId/issues and …/issue/close on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver, 'issues');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A row without its timestamps, which are checked apart. */
  const rowOf = async (table: string, where: string, params: unknown[]) => {
    const rows = await selectRows(t, `SELECT * FROM ${table} WHERE ${where}`, params);
    expect(rows).toHaveLength(1);
    const { created_at, updated_at, ...rest } = rows[0];
    expect(created_at).toEqual(expect.any(String));
    expect(updated_at).toEqual(expect.any(String));
    return rest;
  };
  const issueTableCounts = () => Promise.all(ISSUE_TABLES.map((table) => countRows(t, table)));

  it('AP1: stores the seed incident sample (curl -d bytes, no original_status) and its close gives DONE with a resolution date', async () => {
    const c = await createConnection(t, 'seed-incidents');
    const id = `webhook:${c.id}:DLK-1234`;
    const res = await postWithKey(t, c.key, `${API}/${c.id}/issues`, IE1).expect(200);
    expect(res.body).toEqual({
      code: 0,
      success: true,
      message: 'success',
      causes: null,
      data: {
        connectionId: c.id,
        issueId: id,
        boardId: `webhook:${c.id}`,
        incidentId: id,
        outcome: 'created',
        warnings: ['original_status: missing, stored the value of status'],
      },
    });
    expect(await rowOf('issues', 'id = ?', [id])).toEqual({
      id,
      ...RAW,
      url: '',
      icon_url: '',
      issue_key: 'DLK-1234',
      title: 'a feature from DLK',
      description: '',
      epic_key: '',
      type: 'INCIDENT',
      original_type: '',
      status: 'TODO',
      original_status: 'TODO',
      resolution_date: null,
      created_date: '2020-01-01 12:00:00.000',
      updated_date: '2020-01-01 12:00:00.000',
      lead_time_minutes: 0,
      parent_issue_id: '',
      priority: '',
      story_point: 0,
      original_estimate_minutes: 0,
      time_spent_minutes: 0,
      time_remaining_minutes: 0,
      creator_id: `webhook:${c.id}:user1131`,
      creator_name: 'Nick name 1',
      assignee_id: `webhook:${c.id}:user1132`,
      assignee_name: 'Nick name 2',
      severity: '',
      component: '',
      original_project: '',
      urgency: '',
      is_subtask: 0,
      due_date: null,
      fix_versions: '',
    });
    expect(await rowOf('boards', 'id = ?', [`webhook:${c.id}`])).toEqual({
      id: `webhook:${c.id}`,
      ...RAW,
      name: 'seed-incidents',
      description: '',
      url: '',
      created_date: null,
      type: '',
    });
    expect(await rowOf('board_issues', 'issue_id = ?', [id])).toEqual({ board_id: `webhook:${c.id}`, issue_id: id, ...RAW });
    expect(await rowOf('issue_assignees', 'issue_id = ?', [id])).toEqual({
      issue_id: id,
      assignee_id: `webhook:${c.id}:user1132`,
      assignee_name: 'Nick name 2',
      ...RAW,
    });
    const incident = {
      id,
      ...RAW,
      url: '',
      incident_key: 'DLK-1234',
      title: 'a feature from DLK',
      description: '',
      status: 'TODO',
      original_status: 'TODO',
      resolution_date: null,
      created_date: '2020-01-01 12:00:00.000',
      updated_date: '2020-01-01 12:00:00.000',
      lead_time_minutes: 0,
      original_estimate_minutes: 0,
      time_spent_minutes: 0,
      time_remaining_minutes: 0,
      creator_id: `webhook:${c.id}:user1131`,
      creator_name: 'Nick name 1',
      parent_incident_id: '',
      priority: '',
      severity: '',
      urgency: '',
      component: '',
      original_project: '',
      table: 'boards',
      scope_id: `webhook:${c.id}`,
      assignee_id: `webhook:${c.id}:user1132`,
      assignee_name: 'Nick name 2',
    };
    expect(await rowOf('incidents', 'id = ?', [id])).toEqual(incident);
    expect(await rowOf('incident_assignees', 'incident_id = ?', [id])).toEqual({
      incident_id: id,
      assignee_id: `webhook:${c.id}:user1132`,
      assignee_name: 'Nick name 2',
      ...RAW,
    });

    // The seed document's close call: no body at all.
    const before = Date.now();
    const closed = await postWithKey(t, c.key, `${API}/${c.id}/issue/DLK-1234/close`).expect(200);
    const resolvedMs = Date.parse(closed.body.data.resolutionDate);
    expect(resolvedMs).toBeGreaterThanOrEqual(before);
    expect(resolvedMs).toBeLessThanOrEqual(Date.now());
    const leadTime = Math.trunc((resolvedMs - Date.parse('2020-01-01T12:00:00Z')) / 60_000);
    expect(closed.body.data).toEqual({
      connectionId: c.id,
      issueId: id,
      incidentId: id,
      resolutionDate: new Date(resolvedMs).toISOString(),
      leadTimeMinutes: leadTime,
      warnings: [],
    });
    const resolution = new Date(resolvedMs).toISOString().slice(0, 23).replace('T', ' ');
    const closedColumns = { status: 'DONE', original_status: '', resolution_date: resolution, lead_time_minutes: leadTime };
    expect(await rowOf('issues', 'id = ?', [id])).toMatchObject({ ...closedColumns, title: 'a feature from DLK', type: 'INCIDENT' });
    expect(await rowOf('incidents', 'id = ?', [id])).toEqual({ ...incident, ...closedColumns });

    // Closing twice is harmless: the first resolution date stays.
    const again = await postWithKey(t, c.key, `${API}/${c.id}/issue/DLK-1234/close`).expect(200);
    expect(again.body.data.resolutionDate).toBe(closed.body.data.resolutionDate);
    expect(await rowOf('issues', 'id = ?', [id])).toMatchObject({ resolution_date: resolution });
  });

  it('AP2: close by body stores the given resolutionDate and originalStatus, and the lead time from them', async () => {
    const c = await createConnection(t, 'close-by-body');
    const id = `webhook:${c.id}:DLK-1234`;
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, IE1).expect(200);
    const res = await postWithKey(t, c.key, `${API}/connections/${c.id}/issue/close`, {
      issueKey: 'DLK-1234',
      resolutionDate: '2020-01-01T15:30:00Z',
      originalStatus: 'Resolved',
    }).expect(200);
    expect(res.body.data).toEqual({
      connectionId: c.id,
      issueId: id,
      incidentId: id,
      resolutionDate: '2020-01-01T15:30:00.000Z',
      leadTimeMinutes: 210,
      warnings: [],
    });
    const closed = { status: 'DONE', original_status: 'Resolved', resolution_date: '2020-01-01 15:30:00.000', lead_time_minutes: 210 };
    expect(await rowOf('issues', 'id = ?', [id])).toMatchObject(closed);
    expect(await rowOf('incidents', 'id = ?', [id])).toMatchObject(closed);
  });

  it('AP3: a re-post overwrites every column, keeps created_at, replaces the assignee and leaves one board row', async () => {
    const c = await createConnection(t, 'repost');
    const id = `webhook:${c.id}:DLK-1234`;
    await postWithKey(t, c.key, `${API}/${c.id}/issues`, IE1).expect(200);
    const [first] = await selectRows(t, 'SELECT created_at, updated_at FROM issues WHERE id = ?', [id]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = {
      issueKey: 'DLK-1234',
      title: 'renamed',
      type: 'bug',
      status: 'in_progress',
      originalStatus: 'Doing',
      createdDate: '2020-01-01T12:00:00Z',
      resolutionDate: '2020-01-01T13:00:30Z',
      assigneeId: 'user2000',
      assigneeName: 'Someone else',
      storyPoint: '2.5',
      severity: 'high',
    };
    const res = await postWithKey(t, c.key, `${API}/connections/by-name/repost/issues`, changed).expect(200);
    expect(res.body.data).toEqual({
      connectionId: c.id,
      issueId: id,
      boardId: `webhook:${c.id}`,
      incidentId: null,
      outcome: 'updated',
      warnings: [],
    });
    const [second] = await selectRows(t, 'SELECT * FROM issues WHERE id = ?', [id]);
    expect(second).toMatchObject({
      created_at: first.created_at,
      title: 'renamed',
      type: 'BUG',
      status: 'IN_PROGRESS',
      original_status: 'Doing',
      resolution_date: '2020-01-01 13:00:30.000',
      updated_date: null,
      lead_time_minutes: 60,
      story_point: 2.5,
      severity: 'high',
      creator_id: '',
      creator_name: '',
      assignee_id: `webhook:${c.id}:user2000`,
      assignee_name: 'Someone else',
    });
    expect(second.updated_at).not.toBe(first.updated_at);
    expect(await selectRows(t, 'SELECT COUNT(*) AS n FROM boards WHERE id = ?', [`webhook:${c.id}`])).toEqual([{ n: 1 }]);
    expect(await selectRows(t, 'SELECT board_id FROM board_issues WHERE issue_id = ?', [id])).toEqual([{ board_id: `webhook:${c.id}` }]);
    expect(await selectRows(t, 'SELECT assignee_id, assignee_name FROM issue_assignees WHERE issue_id = ?', [id])).toEqual([
      { assignee_id: `webhook:${c.id}:user2000`, assignee_name: 'Someone else' },
    ]);
    // No longer an INCIDENT: its incident rows go.
    expect(await selectRows(t, 'SELECT id FROM incidents WHERE id = ?', [id])).toEqual([]);
    expect(await selectRows(t, 'SELECT incident_id FROM incident_assignees WHERE incident_id = ?', [id])).toEqual([]);
  });

  describe('AP4: validation', () => {
    let c: TestConnection;
    beforeAll(async () => {
      c = await createConnection(t, 'validation');
    });

    const valid = { issue_key: 'V-1', title: 't', status: 'TODO', created_date: '2024-01-01T00:00:00Z' };
    const without = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

    it.each<[string, object, string[]]>([
      ['missing issue_key', without('issue_key'), ['issue_key: is required']],
      ['missing title', without('title'), ['title: is required']],
      ['missing status', without('status'), ['status: is required']],
      ['missing created_date', without('created_date'), ['created_date: is required']],
      ['empty title', { ...valid, title: '' }, ['title: is required']],
      ['a bad status', { ...valid, status: 'OPEN' }, ['status: must be one of TODO, IN_PROGRESS, DONE']],
      ['an impossible date', { ...valid, created_date: '2024-02-30' }, ['created_date: "2024-02-30" is not a valid date']],
      ['an unsupported date', { ...valid, resolution_date: 'yesterday' }, ['resolution_date: "yesterday" is not a supported time']],
      ['a negative lead time', { ...valid, lead_time_minutes: -5 }, ['lead_time_minutes: must not be negative']],
      ['an empty body', {}, ['issue_key: is required', 'title: is required', 'status: is required', 'created_date: is required']],
      ['camelCase keys', { issueKey: 'V-1', status: 'nope' }, ['status: must be one of TODO, IN_PROGRESS, DONE', 'title: is required', 'createdDate: is required']],
      ['two spellings that differ', { ...valid, issueKey: 'V-2' }, ['issueKey: conflicts with issue_key']],
      ['an id over 255 characters', { ...valid, assignee_id: 'a'.repeat(250) }, ['assignee_id: the resulting id would exceed 255 characters']],
      ['an over-long original_status', { ...valid, original_status: 'x'.repeat(101) }, ['original_status: must be at most 100 characters']],
    ])('%s → 400 with its causes and no row', async (_label, body, causes) => {
      const before = await issueTableCounts();
      const res = await postWithKey(t, c.key, `${API}/connections/${c.id}/issues`, body).expect(400);
      expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes, data: null });
      expect(await issueTableCounts()).toEqual(before);
    });

    it('accepts a missing original_status with a warning in the request style', async () => {
      const res = await postWithKey(t, c.key, `${API}/connections/${c.id}/issues`, { issueKey: 'V-3', title: 't', status: 'done', createdDate: '2024-01-01' }).expect(200);
      expect(res.body.data.warnings).toEqual(['originalStatus: missing, stored the value of status']);
      expect(await selectRows(t, 'SELECT status, original_status FROM issues WHERE id = ?', [`webhook:${c.id}:V-3`])).toEqual([
        { status: 'DONE', original_status: 'done' },
      ]);
    });
  });
});
