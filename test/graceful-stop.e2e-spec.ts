import Database from 'better-sqlite3';
import { Agent, request as httpRequest } from 'http';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort } from './utils/free-port';
import { ServerProcess } from './utils/server-process';

const SECRET = 'graceful-stop-secret';
const DRAIN_MS = 3000;
/** Start-up of the node process aside, how much later than the drain time the server may exit. */
const EXIT_MARGIN_MS = 5000;
const CLIENTS = 16;

/** The built server on its own SQLite file, with the drain time under test (not started yet). */
async function serverOn(databasePath: string): Promise<ServerProcess> {
  return new ServerProcess(await freePort(), { DB_URL: `sqlite:${databasePath}`, ENCRYPTION_SECRET: SECRET, SHUTDOWN_DRAIN_MS: String(DRAIN_MS) });
}

interface Answer {
  id: string;
  status: number;
  connectionHeader?: string;
}

describe('graceful stop under keep-alive load (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlw-graceful-'));
  const databasePath = join(dir, 'lake.sqlite');
  let server: ServerProcess;

  beforeAll(async () => {
    server = await serverOn(databasePath);
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops accepting, answers Connection: close, exits within the drain time, and every 200 is stored', async () => {
    const created = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: '{"name":"graceful"}' });
    const { id: connectionId, apiKey } = await created.json();
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const answers: Answer[] = [];
    let next = 0;
    let running = true;

    const post = (id: string): Promise<Answer | undefined> =>
      new Promise((resolve) => {
        const body = JSON.stringify({
          id,
          startedDate: '2024-06-01T10:00:00Z',
          finishedDate: '2024-06-01T10:05:00Z',
          deploymentCommits: [{ repoUrl: 'https://github.com/acme/api', commitSha: `sha-${id}` }],
        });
        const req = httpRequest(
          `${server.baseUrl}/rest/plugins/webhook/connections/${connectionId}/deployments`,
          {
            method: 'POST',
            agent,
            headers: { Authorization: `Bearer ${apiKey.apiKey}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ id, status: res.statusCode ?? 0, connectionHeader: res.headers.connection }));
            res.on('error', () => resolve(undefined));
          },
        );
        req.on('error', () => resolve(undefined));
        req.end(body);
      });

    const client = async () => {
      while (running) {
        const answer = await post(`keep-${next++}`);
        if (answer) answers.push(answer);
        else await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    while (answers.filter((a) => a.status === 200).length < 50) await new Promise((resolve) => setTimeout(resolve, 50));

    // One request in flight across the signal: its body ends only after SIGTERM. It goes on a
    // connection the server has already accepted and served (a connection still in the listen
    // backlog when the server stops listening is refused, as it should be).
    const slowAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    await new Promise<void>((resolve, reject) =>
      httpRequest(`${server.baseUrl}/health`, { agent: slowAgent }, (res) => res.resume().on('end', resolve)).on('error', reject).end(),
    );
    const slowBody = JSON.stringify({
      id: 'in-flight',
      startedDate: '2024-06-01T10:00:00Z',
      finishedDate: '2024-06-01T10:05:00Z',
      deploymentCommits: [{ repoUrl: 'https://github.com/acme/api', commitSha: 'sha-in-flight' }],
    });
    let finishSlowBody: () => void = () => undefined;
    const inFlight = new Promise<Answer | undefined>((resolve) => {
      const req = httpRequest(
        `${server.baseUrl}/rest/plugins/webhook/connections/${connectionId}/deployments`,
        { method: 'POST', agent: slowAgent, headers: { Authorization: `Bearer ${apiKey.apiKey}`, 'Content-Length': Buffer.byteLength(slowBody) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ id: 'in-flight', status: res.statusCode ?? 0, connectionHeader: res.headers.connection }));
        },
      );
      req.on('error', () => resolve(undefined));
      req.write(slowBody.slice(0, 10));
      finishSlowBody = () => req.end(slowBody.slice(10));
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const answeredBeforeStop = answers.length;
    const stopAsked = Date.now();
    setTimeout(() => finishSlowBody(), 1000);
    let gaveUpTimer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<string>((resolve) => (gaveUpTimer = setTimeout(() => resolve('still running'), DRAIN_MS + EXIT_MARGIN_MS + 2000)));
    const exitCode = await Promise.race([server.stop('SIGTERM'), gaveUp]);
    clearTimeout(gaveUpTimer);
    const stoppedAfterMs = Date.now() - stopAsked;
    running = false;
    await Promise.all(clients);
    agent.destroy();
    slowAgent.destroy();

    expect(exitCode).toBe(0);
    expect(stoppedAfterMs).toBeLessThanOrEqual(DRAIN_MS + EXIT_MARGIN_MS);
    const afterStop = answers.slice(answeredBeforeStop);
    // After SIGTERM a connection answers what it is busy with (plus one more when the answer raced
    // the signal), saying `Connection: close`; no new connection is accepted.
    expect(afterStop.length).toBeLessThanOrEqual(2 * CLIENTS);
    const slow = await inFlight;
    expect(slow).toEqual({ id: 'in-flight', status: 200, connectionHeader: 'close' });
    answers.push(slow!);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));

    const database = new Database(databasePath, { readonly: true });
    const stored = new Set((database.prepare('SELECT id FROM cicd_deployments').all() as { id: string }[]).map((row) => row.id));
    database.close();
    const acknowledged = answers.filter((a) => a.status === 200).map((a) => a.id);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});

describe('graceful stop with a request that never ends (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlw-graceful-slow-'));
  let server: ServerProcess;

  beforeAll(async () => {
    server = await serverOn(join(dir, 'lake.sqlite'));
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('cuts it after SHUTDOWN_DRAIN_MS and exits 0, the request unanswered', async () => {
    const created = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: '{"name":"slow"}' });
    const { id: connectionId, apiKey } = await created.json();
    const outcome = new Promise<string>((resolve) => {
      const req = httpRequest(
        `${server.baseUrl}/rest/plugins/webhook/connections/${connectionId}/deployments`,
        { method: 'POST', headers: { Authorization: `Bearer ${apiKey.apiKey}`, 'Content-Length': 1000 } },
        (res) => resolve(`answered ${res.statusCode}`),
      );
      req.on('error', () => resolve('cut'));
      req.write('{"id":');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    let gaveUpTimer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<string>((resolve) => (gaveUpTimer = setTimeout(() => resolve('still running'), DRAIN_MS + EXIT_MARGIN_MS)));
    const exitCode = await Promise.race([server.stop('SIGTERM'), gaveUp]);
    clearTimeout(gaveUpTimer);
    expect(exitCode).toBe(0);
    expect(await outcome).toBe('cut');
  }, 60_000);
});
