import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ServerProcess } from './utils/server-process';

const ADMIN_PASSWORD = 'Pa55-never-logged';
const basic = (password: string) => `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;

describe('secrets never reach the log', () => {
  const server = new ServerProcess(18400 + Math.floor(Math.random() * 90), {
    DB_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'dlw-logs-')), 'devlake.sqlite')}`,
    ENCRYPTION_SECRET: 'log-test-secret',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD,
    LOG_LEVEL: 'debug',
  });

  beforeAll(() => server.start(), 60_000);
  afterAll(() => server.stop('SIGKILL'));

  it('logs no API key and no admin password at debug level, on success or failure', async () => {
    const post = (path: string, authorization: string, body = '{}') =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { authorization }, body });
    const created = await (await post('/plugins/webhook/connections', basic(ADMIN_PASSWORD), '{"name":"ci"}')).json();
    const firstKey: string = created.apiKey.apiKey;
    const rotated = await fetch(`${server.baseUrl}/plugins/webhook/connections/${created.id}/api-key`, {
      method: 'PUT',
      headers: { authorization: basic(ADMIN_PASSWORD) },
    });
    const secondKey: string = (await rotated.json()).apiKey;
    const deployment = '{"repo_url":"r","commit_sha":"c","start_time":"2024-01-01"}';
    expect((await post(`/rest/plugins/webhook/${created.id}/deployments`, `Bearer ${secondKey}`, deployment)).status).toBe(200);
    expect((await post(`/rest/plugins/webhook/${created.id}/deployments`, `Bearer ${firstKey}`, deployment)).status).toBe(403);
    expect((await post(`/rest/plugins/webhook/${created.id}/deployments`, basic('wrong-password'))).status).toBe(401);
    expect((await post(`/rest/plugins/webhook/${created.id}/deployments`, basic(ADMIN_PASSWORD), '{bad json')).status).toBe(400);
    await server.stop('SIGTERM');

    expect(server.output.length).toBeGreaterThan(0);
    for (const secret of [firstKey, secondKey, ADMIN_PASSWORD, 'wrong-password', basic(ADMIN_PASSWORD).slice(6)]) {
      expect(server.output).not.toContain(secret);
    }
  }, 60_000);
});
