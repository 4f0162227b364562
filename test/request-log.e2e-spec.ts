import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort } from './utils/free-port';
import { ServerProcess } from './utils/server-process';

const ADMIN_PASSWORD = 'Adm1n-never-logged';
const SECRET = 'request-log-secret-never-logged';
const basic = `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}`;
const DEPLOYMENT = '{"repo_url":"https://github.com/acme/api","commit_sha":"abc","start_time":"2024-01-01T00:00:00Z"}';

describe('request log (JSON lines, the real server with stdout piped)', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), {
      DB_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'dlw-reqlog-')), 'devlake.sqlite')}`,
      ENCRYPTION_SECRET: SECRET,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'info',
    });
    await server.start();
  }, 60_000);
  afterAll(() => server.stop('SIGKILL'));

  const requestLines = () =>
    server.output
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((entry) => entry.requestId !== undefined && entry.route !== undefined);

  it('writes one JSON line per request with route, connection, status, outcome, items, duration and request id; no credential', async () => {
    const created = await (
      await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', headers: { authorization: basic }, body: '{"name":"ci"}' })
    ).json();
    const key: string = created.apiKey.apiKey;
    const post = (path: string, headers: Record<string, string>, body = DEPLOYMENT) =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers, body });

    const ok = await post(`/rest/plugins/webhook/${created.id}/deployments?api_key=${key}`, { authorization: `Bearer ${key}`, 'x-request-id': 'ci-run-42.1' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('ci-run-42.1');
    const denied = await post(`/rest/plugins/webhook/${created.id}/deployments`, { authorization: 'Bearer not-a-key', 'x-request-id': 'bad id with spaces' });
    expect(denied.status).toBe(403);
    const generated = denied.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const batch = await post(`/rest/plugins/webhook/${created.id}/deployments/batch`, { authorization: `Bearer ${key}` }, `[${DEPLOYMENT}, {"commit_sha":"x"}]`);
    expect(batch.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const lines = requestLines();
    const okLine = lines.find((line) => line.requestId === 'ci-run-42.1');
    expect(okLine).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/rest/plugins/webhook/:connectionId/deployments',
      connection: { connectionId: String(created.id) },
      status: 200,
      outcome: 'created',
      items: { created: 1 },
    });
    expect(typeof okLine!.durationMs).toBe('number');
    expect(typeof okLine!.time).toBe('string');
    expect(okLine!.req.url).toContain('api_key=[redacted]');
    expect(lines.find((line) => line.requestId === generated)).toMatchObject({ status: 403, outcome: 'rejected' });
    // The batch re-sends the first deployment (same commit): one item updated or unchanged, one rejected.
    const batchLine = lines.find((line) => line.route === '/rest/plugins/webhook/:connectionId/deployments/batch');
    expect(batchLine).toMatchObject({ status: 200, items: { rejected: 1 } });
    expect(Object.values(batchLine!.items as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2);
    expect(lines.find((line) => line.route === '/plugins/webhook/connections')).toMatchObject({ method: 'POST', status: 200 });

    // The audit row keeps the id the client got back.
    const audit = await (await fetch(`${server.baseUrl}/plugins/webhook/connections/${created.id}/requests`, { headers: { authorization: basic } })).json();
    expect(audit.data.map((row: { requestId: string }) => row.requestId)).toEqual(expect.arrayContaining(['ci-run-42.1', generated]));

    for (const secret of [key, ADMIN_PASSWORD, SECRET, basic.slice(6)]) expect(server.output).not.toContain(secret);
  }, 60_000);
});
