import { request as httpRequest } from 'http';
import { PrivateMariaDb } from './utils/private-mariadb';
import { ServerProcess } from './utils/server-process';
import { testDrivers } from './utils/test-databases';

const SECRET = 'resilience-secret';
const runOnMysql = testDrivers().includes('mysql') && PrivateMariaDb.isAvailable() ? describe : describe.skip;

function deploymentBody(id: string): string {
  return JSON.stringify({
    id,
    startedDate: '2024-06-01T10:00:00Z',
    finishedDate: '2024-06-01T10:05:00Z',
    deploymentCommits: [{ repoUrl: 'https://github.com/acme/api', commitSha: `sha-${id}` }],
  });
}

async function createConnection(server: ServerProcess, name: string): Promise<{ id: number; key: string }> {
  const res = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: JSON.stringify({ name }) });
  const body = await res.json();
  return { id: body.id, key: body.apiKey.apiKey };
}

interface Attempt {
  id: string;
  status: number;
  ms: number;
}

runOnMysql('database faults (private mariadbd)', () => {
  const db = new PrivateMariaDb(33000 + Math.floor(Math.random() * 900));
  let server: ServerProcess;

  beforeAll(async () => {
    await db.install();
    server = new ServerProcess(18500 + Math.floor(Math.random() * 400), { DB_URL: db.url, ENCRYPTION_SECRET: SECRET });
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await db.destroy();
  });

  it('answers 503 within 5 s while the database is down, recovers by itself, loses nothing acknowledged', async () => {
    const connection = await createConnection(server, 'faulty');
    const attempts: Attempt[] = [];
    let phase: 'load' | 'stop' = 'load';
    let next = 0;
    const client = async () => {
      while (phase === 'load') {
        const id = `fault-${next++}`;
        const started = Date.now();
        let status = 0;
        try {
          const res = await fetch(`${server.baseUrl}/rest/plugins/webhook/connections/${connection.id}/deployments`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${connection.key}` },
            body: deploymentBody(id),
            signal: AbortSignal.timeout(15_000),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = -1;
        }
        attempts.push({ id, status, ms: Date.now() - started });
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const clients = Array.from({ length: 8 }, client);

    await new Promise((resolve) => setTimeout(resolve, 1500));
    await db.kill();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(503);
    await db.start();
    let recoveredAfterMs = -1;
    const restartedAt = Date.now();
    while (Date.now() - restartedAt < 30_000) {
      if ((await fetch(`${server.baseUrl}/health`)).status === 200) {
        recoveredAfterMs = Date.now() - restartedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    phase = 'stop';
    await Promise.all(clients);

    expect(recoveredAfterMs).toBeGreaterThanOrEqual(0);
    const statuses = new Set(attempts.map((a) => a.status));
    expect([...statuses].sort()).toEqual([200, 503]);
    const unavailable = attempts.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(Math.max(...unavailable.map((a) => a.ms))).toBeLessThanOrEqual(5000);
    const lastAttempts = attempts.slice(-8);
    expect(lastAttempts.every((a) => a.status === 200)).toBe(true);

    const acknowledged = attempts.filter((a) => a.status === 200).map((a) => a.id);
    const check = await db.connect('lake');
    const [stored] = await check.query('SELECT id FROM cicd_deployments');
    await check.end();
    const storedIds = new Set((stored as { id: string }[]).map((r) => r.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
  }, 120_000);

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    const connection = await createConnection(server, 'graceful');
    const body = deploymentBody('graceful-1');
    const response = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${server.baseUrl}/rest/plugins/webhook/connections/${connection.id}/deployments`,
        { method: 'POST', headers: { Authorization: `Bearer ${connection.key}`, 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1000);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = server.stop('SIGTERM');
    expect(await response).toBe(200);
    expect(await exited).toBe(0);
    const check = await db.connect('lake');
    const [rows] = await check.query("SELECT id FROM cicd_deployments WHERE id = 'graceful-1'");
    await check.end();
    expect(rows).toHaveLength(1);
  }, 60_000);
});
