import { createHmac } from 'crypto';
import request from 'supertest';
import { createTestApp, TEST_ENCRYPTION_SECRET, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { ADMIN, createConnection, CreatedConnection } from './utils/webhook-client';

const admin = { username: 'admin', password: 'pa55word' };
const E3_BODY =
  '{"deploymentCommits":[{"commit_sha":"the sha of deployment commit1","repo_url":"the repo URL of the deployment commit"}],' +
  '"start_time":"2020-01-01T12:00:00+00:00","end_time":"2020-01-02T12:00:00+00:00"}';
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe.each(testDrivers())('auth matrix on %s (admin credentials configured)', (driver) => {
  let t: TestApp;
  let one: CreatedConnection;
  let two: CreatedConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'auth', { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password });
    one = await createConnection(t, 'one', admin);
    two = await createConnection(t, 'two', admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const deploy = (path: string, authorization?: string) => {
    const call = request(t.http).post(path).set('Content-Type', 'application/x-www-form-urlencoded');
    return (authorization === undefined ? call : call.set('Authorization', authorization)).send(E3_BODY);
  };
  const expectError = (res: request.Response, status: number, message: string) => {
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: { code: status, success: false, message, causes: [], data: null },
    });
  };

  it.each([
    ['no header', undefined, 401, 'token is missing'],
    ['an empty header', '', 401, 'token is missing'],
    ['an unknown scheme', 'Token abc', 401, 'token is not present or malformed'],
    ['Bearer without a token', 'Bearer', 401, 'token is not present or malformed'],
    ['a wrong key', 'Bearer not-a-key', 403, 'api key is invalid'],
    ['wrong Basic credentials', basic('admin', 'nope'), 401, 'invalid username or password'],
  ])('API-key mount with %s', async (_label, header, status, message) => {
    expectError(await deploy(`/api/rest/plugins/webhook/connections/${one.id}/deployments`, header), status, message);
  });

  it('an expired key → 403 api key has expired', async () => {
    const c = await createConnection(t, 'expiring', admin);
    await t.dataSource.query('UPDATE _devlake_api_keys SET expired_at = ? WHERE id = ?', ['2020-01-01 00:00:00.000', c.keyId]);
    expectError(await deploy(`/rest/plugins/webhook/connections/${c.id}/deployments`, `Bearer ${c.key}`), 403, 'api key has expired');
  });

  it("another connection's key → 403 path doesn't match api key's scope, on every form", async () => {
    for (const path of [`connections/${one.id}/deployments`, `${one.id}/deployments`, 'connections/by-name/one/deployments', 'connections/abc/deployments']) {
      expectError(await deploy(`/api/rest/plugins/webhook/${path}`, `Bearer ${two.key}`), 403, "path doesn't match api key's scope");
    }
  });

  it("a key on a management route → 403, on both mount sides", async () => {
    for (const path of ['/api/rest/plugins/webhook/connections', `/plugins/webhook/connections/${one.id}`]) {
      const res = await request(t.http).get(path).set('Authorization', `Bearer ${one.key}`);
      expectError(res, 403, "path doesn't match api key's scope");
    }
  });

  it('the key of the connection works on the by-id, legacy and by-name routes', async () => {
    for (const path of [`connections/${one.id}/deployments`, `${one.id}/deployments`, `connections/by-name/one/deployments`]) {
      const res = await deploy(`/api/rest/plugins/webhook/${path}`, `Bearer ${one.key}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const res = await deploy(`/rest/plugins/webhook/connections/${one.id}/deployments`, `bearer ${one.key}`);
    expect(res.status).toBe(200);
  });

  it("admin Basic credentials work on an ingestion route of the API-key mount (the seed's -u call)", async () => {
    const res = await deploy(`/api/rest/plugins/webhook/${one.id}/deployments`, basic(admin.username, admin.password));
    expect(res.status).toBe(200);
  });

  it('an unknown path on the API-key mount: bad credential 401/403, good one 404', async () => {
    expectError(await request(t.http).get('/rest/plugins/webhook/nowhere'), 401, 'token is missing');
    expectError(await request(t.http).get('/rest/plugins/webhook/nowhere').set('Authorization', 'Bearer bad'), 403, 'api key is invalid');
    expectError(await request(t.http).get('/rest/plugins/webhook/nowhere').set('Authorization', `Bearer ${one.key}`), 404, 'route not found (404)');
  });

  it('admin mounts: no header 401 with a Basic challenge, wrong 401, other scheme 401, right 200', async () => {
    const none = await request(t.http).get(`${ADMIN}/connections`);
    expectError(none, 401, 'authentication required');
    expect(none.headers['www-authenticate']).toBe('Basic realm="devlake-webhook"');
    expectError(await request(t.http).get(`/api${ADMIN}/connections`).auth('admin', 'x'), 401, 'invalid username or password');
    expectError(await request(t.http).get(`${ADMIN}/connections`).set('Authorization', 'Digest x'), 401, 'token is not present or malformed');
    await request(t.http).get(`${ADMIN}/connections`).auth(admin.username, admin.password).expect(200);
    expectError(await request(t.http).get(`${ADMIN}/nowhere`), 404, 'route not found (404)');
  });

  it('admin mounts accept the connection key on its ingestion routes', async () => {
    const res = await deploy(`/plugins/webhook/connections/${one.id}/deployments`, `Bearer ${one.key}`);
    expect(res.status).toBe(200);
  });

  it('records the admin username as creator of keys it creates or rotates', async () => {
    const [row] = await t.dataSource.query('SELECT creator, updater FROM _devlake_api_keys WHERE id = ?', [one.keyId]);
    expect(row).toEqual({ creator: 'admin', updater: 'admin' });
  });

  it('a key row inserted as DevLake would (same secret) authenticates', async () => {
    const plaintext = 'DevLakeMadeThisKey0123456789';
    const hash = createHmac('sha256', TEST_ENCRYPTION_SECRET).update(plaintext).digest('hex');
    await t.dataSource.query('UPDATE _devlake_api_keys SET api_key = ? WHERE id = ?', [hash, two.keyId]);
    const res = await deploy(`/api/rest/plugins/webhook/connections/${two.id}/deployments`, `Bearer ${plaintext}`);
    expect(res.status).toBe(200);
  });

  it("a general DevLake key follows its allowed_path regular expression", async () => {
    const plaintext = 'GeneralKey';
    const hash = createHmac('sha256', TEST_ENCRYPTION_SECRET).update(plaintext).digest('hex');
    await t.dataSource.query(
      'INSERT INTO _devlake_api_keys (name, api_key, allowed_path, type, extra) VALUES (?, ?, ?, ?, ?)',
      ['general', hash, `/plugins/webhook/connections/${one.id}/.*`, 'devlake', ''],
    );
    expect((await deploy(`/rest/plugins/webhook/connections/${one.id}/deployments`, `Bearer ${plaintext}`)).status).toBe(200);
    const other = await deploy(`/rest/plugins/webhook/connections/${two.id}/deployments`, `Bearer ${plaintext}`);
    expectError(other, 403, "path doesn't match api key's scope");
  });
});

describe.each(testDrivers())('auth without admin credentials on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, 'auth_open');
  });
  afterAll(async () => {
    await t.close();
  });

  it('admin mounts are open; Basic on the API-key mount is malformed', async () => {
    const c = await createConnection(t, 'open');
    const res = await request(t.http).post(`/api/rest/plugins/webhook/${c.id}/deployments`).auth('username', 'password').send('{}');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('token is not present or malformed');
  });
});
