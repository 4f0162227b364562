import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { ADMIN, API, count, createConnection, rows } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

const admin = { username: 'admin', password: 'pa55word' };
const deployment = JSON.stringify({ repo_url: 'repo-1', commit_sha: 'c1', start_time: '2024-01-01T00:00:00Z' });

/** Issue 12 items 7–10: throttled credential guessing, bounded audit rows, redaction, cross-site refusal. */
describe.each(testDrivers())('abuse limits on %s', (driver) => {
  describe('failed authentications (AUTH_FAILURES_PER_MINUTE=3)', () => {
    let t: TestApp;

    beforeEach(async () => {
      t = await createTestApp(driver, 'abuse', { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password, AUTH_FAILURES_PER_MINUTE: '3' });
    });
    afterEach(async () => {
      await t.close();
    });

    it('7: admin Basic guessing gets 429 + Retry-After after 3 failures, even with the right password; nothing created', async () => {
      for (let guess = 0; guess < 3; guess++) {
        await request(t.http).post(`${ADMIN}/connections`).auth('admin', `guess-${guess}`).send({ name: `g${guess}` }).expect(401);
      }
      const throttled = await request(t.http).post(`${ADMIN}/connections`).auth('admin', 'guess-4').send({ name: 'g4' }).expect(429);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect(throttled.body).toMatchObject({ success: false, message: 'too many failed authentications (429)' });
      await request(t.http).post(`${ADMIN}/connections`).auth(admin.username, admin.password).send({ name: 'ok' }).expect(429);
      expect(await count(t, '_tool_webhook_connections')).toBe(0);
    });

    it('8: wrong API keys get 429 after 3 failures; successes do not count', async () => {
      const c = await createConnection(t, 'ci', admin);
      for (let ok = 0; ok < 5; ok++) {
        await request(t.http).post(`${API}/${c.id}/deployments`).set('Authorization', `Bearer ${c.key}`).send(deployment).expect(200);
      }
      for (let guess = 0; guess < 3; guess++) {
        await request(t.http).post(`${API}/${c.id}/deployments`).set('Authorization', `Bearer wrong-${guess}`).send(deployment).expect(403);
      }
      await request(t.http).post(`${API}/${c.id}/deployments`).send(deployment).expect(429);
      await request(t.http).post(`${API}/${c.id}/deployments`).set('Authorization', `Bearer ${c.key}`).send(deployment).expect(429);
      const audit = await rows(t, '_tool_webhook_requests', 'id');
      expect(audit.map((row) => row.status)).toEqual([200, 200, 200, 200, 200, 403, 403, 403, 429, 429]);
    });
  });

  describe('audit rows of unauthenticated requests and redaction', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp(driver, 'abuse-audit');
    });
    afterAll(async () => {
      await t.close();
    });

    it('8: stores at most 1 KiB of an unauthenticated body and headers, the whole of an authenticated one', async () => {
      const c = await createConnection(t, 'audit');
      const big = JSON.stringify({ repo_url: 'repo-1', commit_sha: 'c1', start_time: '2024-01-01T00:00:00Z', padding: 'x'.repeat(10_000) });
      const bigHeader = 'h'.repeat(8000);
      await request(t.http).post(`${API}/${c.id}/deployments`).set('Authorization', 'Bearer wrong').set('X-Big', bigHeader).send(big).expect(403);
      await request(t.http).post(`${API}/${c.id}/deployments`).set('X-Big', bigHeader).send(big).expect(401);
      await request(t.http).post(`${API}/${c.id}/deployments`).set('Authorization', `Bearer ${c.key}`).set('X-Big', bigHeader).send(big).expect(200);
      const audit = await rows(t, '_tool_webhook_requests', 'id');
      const stored = audit.map((row) => [row.status, row.body === null ? null : String(row.body).length, Boolean(row.body_truncated)]);
      expect(stored.slice(0, 2).every(([, length]) => length === null || (length as number) <= 1024)).toBe(true);
      expect(stored[2]).toEqual([200, big.length, false]);
      const headerChars = audit.map((row) => String(row.headers).length);
      expect(headerChars[0]).toBeLessThanOrEqual(1024);
      expect(headerChars[1]).toBeLessThanOrEqual(1024);
      expect(headerChars[2]).toBeGreaterThan(8000);
    });

    it('9: credentials in the query, in unusual headers and in the path are redacted in the audit log', async () => {
      const c = await createConnection(t, 'redact');
      await request(t.http)
        .post(`${API}/${c.id}/deployments?api_key=${c.key}&access=${c.key}&plain=1`)
        .set('Authorization', `Bearer ${c.key}`)
        .set('X-Auth', c.key)
        .set('X-Forwarded-Authorization', `Bearer ${c.key}`)
        .set('X-Custom', `copy ${c.key}`)
        .send(deployment)
        .expect(200);
      await request(t.http).post(`${API}/connections/by-name/${c.key}/deployments`).set('Authorization', `Bearer ${c.key}`).send(deployment).expect(403);
      const audit = await rows(t, '_tool_webhook_requests', 'id DESC', 'id > 3');
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain(c.key);
      const first = audit[1];
      expect(first.path).toBe(`${API}/${c.id}/deployments?api_key=[redacted]&access=[redacted]&plain=1`);
      const headers = typeof first.headers === 'string' ? JSON.parse(first.headers) : first.headers;
      expect(headers['x-custom']).toBe('copy [redacted]');
      expect(headers).not.toHaveProperty('x-auth');
      expect(headers).not.toHaveProperty('x-forwarded-authorization');
      expect(audit[0].path).toBe(`${API}/connections/by-name/[redacted]/deployments`);
    });
  });

  describe('cross-site requests to the admin side', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp(driver, 'abuse-csrf');
    });
    afterAll(async () => {
      await t.close();
    });

    const names = async () => (await rows(t, '_tool_webhook_connections', 'id')).map((row) => row.name);

    it('10: refuses a state-changing admin request from another origin or marked cross-site; curl and same-origin keep working', async () => {
      const refused = await request(t.http)
        .post(`${ADMIN}/connections`)
        .set('Host', 'devlake.local:8080')
        .set('Origin', 'https://evil.example')
        .set('Content-Type', 'text/plain')
        .send('{"name":"csrf"}')
        .expect(403);
      expect(refused.body).toMatchObject({ success: false, message: 'cross-site request refused: the Origin is not this server' });
      await request(t.http).post(`${ADMIN}/connections`).set('Origin', 'null').send({ name: 'csrf-null' }).expect(403);
      await request(t.http).post(`${ADMIN}/connections`).set('Sec-Fetch-Site', 'cross-site').send({ name: 'csrf-fetch' }).expect(403);
      expect(await names()).toEqual([]);

      await request(t.http).post(`${ADMIN}/connections`).send({ name: 'curl' }).expect(200);
      await request(t.http)
        .post(`${ADMIN}/connections`)
        .set('Host', 'devlake.local:8080')
        .set('Origin', 'http://devlake.local:8080')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ name: 'console' })
        .expect(200);
      await request(t.http).get(`${ADMIN}/connections`).set('Origin', 'https://evil.example').expect(200);
      expect(await names()).toEqual(['curl', 'console']);
    });
  });
});
