import { readdirSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import { ensureConsoleBuilt } from './utils/console-build';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { createConnection } from './utils/webhook-client';

const AUTH = { username: 'admin', password: 'console-secret' };
const CONSOLE = '/plugins/webhook/console';

describe.each(testDrivers())('the console’s files on %s', (driver) => {
  let t: TestApp;
  let script: string;
  let stylesheet: string;

  beforeAll(async () => {
    const dir = ensureConsoleBuilt();
    const assets = readdirSync(join(dir, 'assets'));
    script = assets.find((file) => file.endsWith('.js'))!;
    stylesheet = assets.find((file) => file.endsWith('.css'))!;
    t = await createTestApp(driver, 'console_serving', { ADMIN_USERNAME: AUTH.username, ADMIN_PASSWORD: AUTH.password });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => request(t.http).get(path).auth(AUTH.username, AUTH.password);

  it('redirects / and the bare console path to the console', async () => {
    expect((await request(t.http).get('/').expect(302)).headers.location).toBe('plugins/webhook/console/');
    expect((await get(CONSOLE).expect(302)).headers.location).toBe('console/');
    expect((await get(`/api${CONSOLE}`).expect(302)).headers.location).toBe('console/');
  });

  it('serves index.html on both admin mounts with its own strict CSP, never cached', async () => {
    for (const mount of ['', '/api']) {
      const res = await get(`${mount}${CONSOLE}/`).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<head><base href="./">');
      expect(res.text).toContain(`src="./assets/${script}"`);
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('serves client routes with index.html and a base that points back to the console root', async () => {
    const res = await get(`${CONSOLE}/connections/1/requests`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<head><base href="../../">');
    expect((await get(`${CONSOLE}/projects`).expect(200)).text).toContain('<base href="./">');
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const js = await get(`${CONSOLE}/assets/${script}`).expect(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await get(`/api${CONSOLE}/assets/${stylesheet}`).expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css; charset=utf-8$/i);
  });

  it('answers 404 for a missing asset and for paths that climb out', async () => {
    expect((await get(`${CONSOLE}/assets/missing.js`).expect(404)).body.message).toBe('route not found (404)');
    await get(`${CONSOLE}/../../package.json`).expect((res) => expect(res.text).not.toContain('"devDependencies"'));
    expect((await get(`${CONSOLE}/%2e%2e/%2e%2e/%2e%2e/package.json`).expect(404)).body.message).toBe('route not found (404)');
  });

  it('sits behind the admin credentials, like the admin routes', async () => {
    const anonymous = await request(t.http).get(`${CONSOLE}/`).expect(401);
    expect(anonymous.headers['www-authenticate']).toBe('Basic realm="devlake-webhook"');
    await request(t.http).get(`${CONSOLE}/`).auth(AUTH.username, 'wrong').expect(401);
    const { key } = await createConnection(t, 'console-key', AUTH);
    await request(t.http).get(`${CONSOLE}/`).set('Authorization', `Bearer ${key}`).expect(403);
  });

  it('is not served on the API-key mounts', async () => {
    await get(`/rest${CONSOLE}/`).expect(404);
    await get(`/api/rest${CONSOLE}/assets/${script}`).expect(404);
  });
});
