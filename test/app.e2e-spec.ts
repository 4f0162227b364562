import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';

const CONNECTIONS = '/plugins/webhook/connections';

describe.each(testDrivers())('standalone app on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver, 'app');
  });
  afterAll(async () => {
    await t.close();
  });

  const countConnections = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM _tool_webhook_connections'))[0].n);

  it('GET /health answers 200 with the database up', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('parses a JSON body sent as form-urlencoded (curl -d) and answers 200, not 201', async () => {
    const res = await request(t.http)
      .post(CONNECTIONS)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('{"name":"curl-style"}')
      .expect(200);
    expect(res.body).toMatchObject({ name: 'curl-style', id: expect.any(Number) });
    const rows = await t.dataSource.query('SELECT name FROM _tool_webhook_connections WHERE id = ?', [res.body.id]);
    expect(rows).toEqual([{ name: 'curl-style' }]);
  });

  it('parses JSON with no Content-Type at all, and skips a UTF-8 BOM', async () => {
    await request(t.http)
      .post(CONNECTIONS)
      .set('Content-Type', 'text/plain')
      .send('\uFEFF{"name":"bom"}')
      .expect(200);
    expect(await t.dataSource.query("SELECT name FROM _tool_webhook_connections WHERE name = 'bom'")).toHaveLength(1);
  });

  it('treats an empty body as {} (so the name is reported missing)', async () => {
    const res = await request(t.http).post(CONNECTIONS).expect(400);
    expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes: ['name: is required'], data: null });
  });

  it.each([
    ['invalid JSON', '{"name": "x"', 'request body is not valid JSON (400)'],
    ['trailing data after the value', '{"name":"x"} {}', 'request body is not valid JSON (400)'],
    ['an array', '[{"name":"x"}]', 'request body must be a JSON object (400)'],
    ['a string', '"x"', 'request body must be a JSON object (400)'],
  ])('answers %s with 400 in the error envelope and writes nothing', async (_label, body, message) => {
    const before = await countConnections();
    const res = await request(t.http).post(CONNECTIONS).set('Content-Type', 'application/json').send(body).expect(400);
    expect(res.body).toMatchObject({ code: 400, success: false, message, data: null });
    expect(Array.isArray(res.body.causes)).toBe(true);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(await countConnections()).toBe(before);
  });

  it('answers a 2 MiB body with 413 in the error envelope', async () => {
    const before = await countConnections();
    const huge = JSON.stringify({ name: 'big', padding: 'x'.repeat(2 * 1024 * 1024) });
    const res = await request(t.http).post(CONNECTIONS).set('Content-Type', 'application/json').send(huge).expect(413);
    expect(res.body).toEqual({ code: 413, success: false, message: 'request body too large (413)', causes: [], data: null });
    expect(await countConnections()).toBe(before);
  });

  it('answers an unknown route with 404 in the error envelope', async () => {
    const res = await request(t.http).post('/plugins/webhook/connections/1/cicd_tasks').send('{}').expect(404);
    expect(res.body).toEqual({ code: 404, success: false, message: 'route not found (404)', causes: [], data: null });
  });

  it('serves the admin routes on both admin mounts', async () => {
    const direct = await request(t.http).get(CONNECTIONS).expect(200);
    const viaApi = await request(t.http).get(`/api${CONNECTIONS}`).expect(200);
    expect(viaApi.body).toEqual(direct.body);
  });
});

describe.each(testDrivers())('GET /health with the database gone on %s', (driver) => {
  it('answers 503', async () => {
    const t = await createTestApp(driver, 'health');
    try {
      await t.dataSource.destroy();
      const res = await request(t.http).get('/health').expect(503);
      expect(res.body).toEqual({ status: 'error', database: 'down' });
    } finally {
      await t.app.close().catch(() => undefined);
      await t.close().catch(() => undefined);
    }
  });
});

describe('security headers', () => {
  it('are set without changing the JSON contract', async () => {
    const t = await createTestApp('sqlite', 'headers');
    try {
      const res = await request(t.http).get('/health').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    } finally {
      await t.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE, per client', async () => {
    const t = await createTestApp('sqlite', 'ratelimit', { RATE_LIMIT_PER_MINUTE: '2' });
    try {
      await request(t.http).get(CONNECTIONS).expect(200);
      await request(t.http).get(CONNECTIONS).expect(200);
      const res = await request(t.http).get(CONNECTIONS).expect(429);
      expect(res.body).toEqual({ code: 429, success: false, message: 'too many requests (429)', causes: [], data: null });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
