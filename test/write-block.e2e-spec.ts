import { Connection } from 'mysql2/promise';
import { freePort } from './utils/free-port';
import { PrivateMariaDb } from './utils/private-mariadb';
import { ServerProcess } from './utils/server-process';
import { testDrivers } from './utils/test-databases';

const SECRET = 'write-block-secret';
/** The contract: a database that cannot commit is answered 503 within 5 s, never a hang. */
const UNAVAILABLE_WITHIN_MS = 5000;
// FLUSH TABLES WITH READ LOCK blocks every database of a server: only on a private mariadbd.
const runOnMysql = testDrivers().includes('mysql') && PrivateMariaDb.isAvailable() ? describe : describe.skip;

/** A 1.x deployment POST that gives up after 30 s; -1 when it timed out. */
async function postDeployment(baseUrl: string, connectionId: number, key: string, id: string): Promise<{ status: number; message?: string }> {
  try {
    const res = await fetch(`${baseUrl}/rest/plugins/webhook/connections/${connectionId}/deployments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: JSON.stringify({
        id,
        startedDate: '2024-06-01T10:00:00Z',
        finishedDate: '2024-06-01T10:05:00Z',
        deploymentCommits: [{ repoUrl: 'https://github.com/acme/api', commitSha: `sha-${id}` }],
      }),
      signal: AbortSignal.timeout(30_000),
    });
    return { status: res.status, message: (await res.json().catch(() => undefined))?.message };
  } catch {
    return { status: -1 };
  }
}

interface Attempt {
  id: string;
  status: number;
  message?: string;
  ms: number;
}

runOnMysql('writes blocked by FLUSH TABLES WITH READ LOCK (private mariadbd)', () => {
  let db: PrivateMariaDb;
  let server: ServerProcess;
  let locker: Connection | undefined;

  beforeAll(async () => {
    db = new PrivateMariaDb(await freePort());
    await db.install();
    server = new ServerProcess(await freePort(), { DB_URL: db.url, ENCRYPTION_SECRET: SECRET });
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await locker?.end().catch(() => undefined);
    await server?.stop('SIGKILL');
    await db?.destroy();
  });

  it('answers 503 within 5 s while the lock is held, /health too, then writes again; every 200 stored', async () => {
    const created = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: '{"name":"blocked"}' });
    const { id: connectionId, apiKey } = await created.json();
    const attempts: Attempt[] = [];
    let next = 0;
    const post = async (): Promise<Attempt> => {
      const id = `blocked-${next++}`;
      const started = Date.now();
      const { status, message } = await postDeployment(server.baseUrl, connectionId, apiKey.apiKey, id);
      const attempt = { id, status, message, ms: Date.now() - started };
      attempts.push(attempt);
      return attempt;
    };

    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);

    locker = await db.connect();
    await locker.query('FLUSH TABLES WITH READ LOCK');
    const timedHealth = async () => {
      const started = Date.now();
      const res = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(30_000) });
      return { status: res.status, ms: Date.now() - started };
    };
    // Before any request failed: the write probe itself must notice.
    const probed = await timedHealth();
    // More requests at once than the server's pool has connections.
    const blocked = await Promise.all(Array.from({ length: 30 }, post));
    const { status: healthStatus, ms: healthMs } = await timedHealth();
    await locker.query('UNLOCK TABLES');
    await locker.end();
    locker = undefined;

    expect(blocked.map((a) => a.status)).toEqual(blocked.map(() => 503));
    expect(new Set(blocked.map((a) => a.message))).toEqual(new Set(['service unavailable (503)']));
    expect(Math.max(...blocked.map((a) => a.ms))).toBeLessThanOrEqual(UNAVAILABLE_WITHIN_MS);
    expect(probed.status).toBe(503);
    expect(probed.ms).toBeLessThanOrEqual(UNAVAILABLE_WITHIN_MS);
    expect(healthStatus).toBe(503);
    expect(healthMs).toBeLessThanOrEqual(UNAVAILABLE_WITHIN_MS);

    const after: Attempt[] = [];
    for (let i = 0; i < 10; i++) after.push(await post());
    expect(after.map((a) => a.status)).toEqual(after.map(() => 200));
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);

    const check = await db.connect('lake');
    const [rows] = await check.query('SELECT id FROM cicd_deployments');
    await check.end();
    const stored = new Set((rows as { id: string }[]).map((row) => row.id));
    const acknowledged = attempts.filter((a) => a.status === 200).map((a) => a.id);
    expect(acknowledged).toHaveLength(13);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 180_000);
});

runOnMysql('database frozen (SIGSTOP) under concurrent load (private mariadbd)', () => {
  let db: PrivateMariaDb;
  let server: ServerProcess;

  beforeAll(async () => {
    db = new PrivateMariaDb(await freePort());
    await db.install();
    server = new ServerProcess(await freePort(), { DB_URL: db.url, ENCRYPTION_SECRET: SECRET });
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await db?.destroy();
  });

  it('answers every request within 5 s while the database hangs, /health 503, and loses no acknowledged write', async () => {
    const created = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: '{"name":"killed"}' });
    const { id: connectionId, apiKey } = await created.json();
    const attempts: Attempt[] = [];
    let next = 0;
    let running = true;
    const client = async () => {
      while (running) {
        const id = `killed-${next++}`;
        const started = Date.now();
        const { status } = await postDeployment(server.baseUrl, connectionId, apiKey.apiKey, id);
        attempts.push({ id, status, ms: Date.now() - started });
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const clients = Array.from({ length: 32 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    db.freeze();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const health = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(30_000) });
    await new Promise((resolve) => setTimeout(resolve, 6000));
    db.thaw();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    running = false;
    await Promise.all(clients);

    const failed = attempts.filter((a) => a.status !== 200);
    expect(health.status).toBe(503);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((a) => a.status))).toEqual(new Set([503]));
    expect(Math.max(...attempts.map((a) => a.ms))).toBeLessThanOrEqual(UNAVAILABLE_WITHIN_MS);
    const check = await db.connect('lake');
    const [rows] = await check.query('SELECT id FROM cicd_deployments');
    await check.end();
    const stored = new Set((rows as { id: string }[]).map((row) => row.id));
    const acknowledged = attempts.filter((a) => a.status === 200).map((a) => a.id);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 180_000);
});
