import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { ADMIN, API_REST, count, createConnection, CreatedConnection, rows } from './utils/webhook-client';

const admin = { username: 'auditor', password: 'Sup3r-Secret-Pw' };
const GOOD = '{"repo_url":"https://github.com/acme/api","commit_sha":"abc123","start_time":"2024-06-01T10:00:00Z","end_time":"2024-06-01T10:05:00Z"}';
const BAD = '{"repo_url":"https://github.com/acme/api","commit_sha":"abc123"}';

describe.each(testDrivers())('request audit log on %s', (driver) => {
  let t: TestApp;
  let c: CreatedConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'audit', { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password });
    c = await createConnection(t, 'audited', admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) => {
    let call = request(t.http).post(path).set('Content-Type', 'application/x-www-form-urlencoded');
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
    return call.send(body);
  };
  const lastRow = async () => (await rows(t, '_tool_webhook_requests', 'id DESC'))[0];

  it('records an accepted request with its outcome, body and headers, minus credentials', async () => {
    const res = await post(`${API_REST}/connections/${c.id}/deployments?x=1`, GOOD, {
      Authorization: `Bearer ${c.key}`,
      'X-Api-Key': 'leaky-key-header',
      'X-CI-Job': 'build-17',
    });
    expect(res.status).toBe(200);
    const row = await lastRow();
    expect(row).toMatchObject({
      connection_id: c.id,
      method: 'POST',
      path: `/api/rest/plugins/webhook/connections/${c.id}/deployments?x=1`,
      status: 200,
      outcome: 'created',
      causes: '[]',
      body: GOOD,
    });
    expect(Number(row.body_truncated)).toBe(0);
    const headers = JSON.parse(String(row.headers));
    expect(headers).toMatchObject({ 'x-ci-job': 'build-17', 'content-type': 'application/x-www-form-urlencoded' });
    expect(headers).not.toHaveProperty('authorization');
    expect(headers).not.toHaveProperty('x-api-key');
    expect(Number(row.duration_ms)).toBeGreaterThanOrEqual(0);
  });

  it('records a rejected request with its causes and writes no domain row', async () => {
    const before = await count(t, 'cicd_deployments');
    const res = await post(`${API_REST}/${c.id}/deployments`, BAD, { Authorization: `Bearer ${c.key}` });
    expect(res.status).toBe(400);
    expect(await lastRow()).toMatchObject({ connection_id: c.id, status: 400, outcome: 'rejected', causes: '["start_time: is required"]', body: BAD });
    expect(await count(t, 'cicd_deployments')).toBe(before);
  });

  it('records requests refused before routing (401), with the connection the path names', async () => {
    await post(`${API_REST}/connections/by-name/audited/deployments`, GOOD).expect(401);
    const row = await lastRow();
    expect(row).toMatchObject({ connection_id: c.id, status: 401, outcome: 'rejected', body: null });
    expect(Number(row.body_truncated)).toBe(1);
  });

  it('records an unknown connection with connection_id NULL', async () => {
    await post(`${ADMIN}/connections/999999/deployments`, GOOD, { Authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}` }).expect(404);
    expect(await lastRow()).toMatchObject({ connection_id: null, status: 404, outcome: 'rejected' });
  });

  it('does not record management calls', async () => {
    const before = await count(t, '_tool_webhook_requests');
    await request(t.http).get(`${ADMIN}/connections`).auth(admin.username, admin.password).expect(200);
    expect(await count(t, '_tool_webhook_requests')).toBe(before);
  });

  it('lists the rows of a connection newest first, paged by beforeId', async () => {
    const page = await request(t.http).get(`${ADMIN}/connections/${c.id}/requests?limit=2`).auth(admin.username, admin.password).expect(200);
    expect(page.body.data).toHaveLength(2);
    const [newest, older] = page.body.data;
    expect(newest.id).toBeGreaterThan(older.id);
    expect(Object.keys(newest)).toEqual(['id', 'createdAt', 'connectionId', 'method', 'path', 'status', 'outcome', 'causes', 'body', 'bodyTruncated', 'headers', 'durationMs', 'requestId']);
    expect(newest.createdAt).toMatch(/Z$/);
    const next = await request(t.http).get(`${ADMIN}/connections/${c.id}/requests?beforeId=${older.id}`).auth(admin.username, admin.password).expect(200);
    expect(next.body.data.every((r: { id: number }) => r.id < older.id)).toBe(true);
    const bad = await request(t.http).get(`${ADMIN}/connections/${c.id}/requests?limit=0&beforeId=x`).auth(admin.username, admin.password).expect(400);
    expect(bad.body.causes).toEqual(['limit: must be an integer from 1 to 1000', 'beforeId: must be a positive integer']);
  });

  it('never stores a key or the admin password in any audit row', async () => {
    await post(`${API_REST}/${c.id}/deployments`, GOOD, { Authorization: `Bearer ${c.key}` });
    await post(`${API_REST}/${c.id}/deployments`, GOOD, { Authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}` });
    const all = JSON.stringify(await rows(t, '_tool_webhook_requests'));
    expect(all).not.toContain(c.key);
    expect(all).not.toContain(admin.password);
    expect(all).not.toContain(Buffer.from(`${admin.username}:${admin.password}`).toString('base64'));
  });
});

describe.each(testDrivers())('audit log switched off on %s', (driver) => {
  it('records nothing', async () => {
    const t = await createTestApp(driver, 'audit_off', { AUDIT_LOG: 'false' });
    try {
      const c = await createConnection(t, 'quiet');
      await request(t.http).post(`${API_REST}/${c.id}/deployments`).set('Authorization', `Bearer ${c.key}`).send(GOOD).expect(200);
      expect(await count(t, '_tool_webhook_requests')).toBe(0);
    } finally {
      await t.close();
    }
  });
});
