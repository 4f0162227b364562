import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { DerivedDataCatchUp } from '../libs/webhook/src/ingestion/derived-data-catch-up';
import { ADMIN, API_REST, count, createConnection, CreatedConnection } from './utils/webhook-client';

const admin = { username: 'ops', password: 'Metr1cs-Pw' };
const GOOD = '{"repo_url":"https://github.com/acme/api","commit_sha":"abc123","start_time":"2024-06-01T10:00:00Z"}';

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((pair) => line.includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe.each(testDrivers())('GET /metrics (Prometheus) on %s', (driver) => {
  let t: TestApp;
  let c: CreatedConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'prometheus', { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password });
    c = await createConnection(t, 'measured', admin);
    // Only a write into a project has derived DORA rows to update (and time).
    await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/measured`).auth(admin.username, admin.password).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const scrape = async () => (await request(t.http).get('/metrics').auth(admin.username, admin.password).expect(200)).text;
  const post = (path: string, body: string, key = c.key) => request(t.http).post(path).set('Authorization', `Bearer ${key}`).send(body);

  it('asks for the admin credentials', async () => {
    const res = await request(t.http).get('/metrics');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, message: 'authentication required' });
  });

  it('moves the request, ingestion, rejection and refresh series with requests', async () => {
    const route = '/api/rest/plugins/webhook/connections/:connectionId/deployments';
    const before = await scrape();
    await post(`${API_REST}/connections/${c.id}/deployments`, GOOD).expect(200);
    await post(`${API_REST}/connections/${c.id}/deployments`, '{"commit_sha":"x"}').expect(400);
    await post(`${API_REST}/connections/${c.id}/deployments`, GOOD, 'wrong-key').expect(403);
    await post(`${API_REST}/connections/${c.id}/deployments/batch`, `[${GOOD}, {}]`).expect(200);
    expect(await count(t, 'cicd_deployments')).toBe(1);
    await t.app.get(DerivedDataCatchUp).flush();
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('webhook_http_requests_total', { method: 'POST', route, status: '200' })).toBe(1);
    expect(delta('webhook_http_requests_total', { method: 'POST', route, status: '400' })).toBe(1);
    expect(delta('webhook_http_requests_total', { method: 'POST', route, status: '403' })).toBe(1);
    expect(delta('webhook_http_request_duration_seconds_count', { method: 'POST', route })).toBe(3);
    expect(delta('webhook_ingested_total', { resource: 'deployments', outcome: 'created' })).toBe(1);
    expect(delta('webhook_ingested_total', { resource: 'deployments', outcome: 'rejected' })).toBe(1);
    expect(delta('webhook_rejected_total', { reason: 'validation' })).toBe(1);
    expect(delta('webhook_rejected_total', { reason: 'auth' })).toBe(1);
    // Applied right after each write, or both at once when the second lands during the first application.
    expect(delta('webhook_derived_data_refresh_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(delta('webhook_derived_data_refresh_duration_seconds_count')).toBeLessThanOrEqual(2);
    expect(after).toMatch(/^webhook_db_pool_connections_in_use \d+$/m);
    expect(after).toMatch(/^webhook_db_pool_waiting \d+$/m);
    expect(after).toContain('process_cpu_user_seconds_total');
  });
});

describe('GET /metrics with METRICS_PUBLIC=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', 'prometheus-public', { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password, METRICS_PUBLIC: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers without credentials, in the Prometheus text format', async () => {
    const res = await request(t.http).get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('# TYPE webhook_http_requests_total counter');
  });
});
