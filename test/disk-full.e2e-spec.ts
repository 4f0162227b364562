import Database from 'better-sqlite3';
import { execFileSync } from 'child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort } from './utils/free-port';
import { ServerProcess } from './utils/server-process';

const SECRET = 'disk-full-secret';
const isRoot = process.getuid?.() === 0;
const describeAsRoot = isRoot ? describe : describe.skip;
if (!isRoot) {
  // eslint-disable-next-line no-console
  console.warn('disk-full.e2e-spec: SKIPPED, mounting a tmpfs needs root (CI runs as root)');
}

interface Attempt {
  id: string;
  status: number;
  message?: string;
}

/** Writes zeros until the filesystem refuses, in shrinking chunks so no byte is left over. */
function fillFilesystem(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

describeAsRoot('SQLite on a full disk (3 MiB tmpfs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlw-diskfull-'));
  const databasePath = join(dir, 'lake.sqlite');
  const fillerPath = join(dir, 'filler');
  let server: ServerProcess;
  let mounted = false;

  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir]);
    mounted = true;
    server = new ServerProcess(await freePort(), { DB_URL: `sqlite:${databasePath}`, ENCRYPTION_SECRET: SECRET });
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    if (mounted) execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while commits fail, recovers once space is freed, and every 200 is in the file', async () => {
    const created = await fetch(`${server.baseUrl}/plugins/webhook/connections`, { method: 'POST', body: '{"name":"full"}' });
    const { id: connectionId, apiKey } = await created.json();
    const attempts: Attempt[] = [];
    let next = 0;
    const post = async (): Promise<Attempt> => {
      const id = `full-${next++}`;
      const res = await fetch(`${server.baseUrl}/rest/plugins/webhook/connections/${connectionId}/deployments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiKey.apiKey}` },
        body: JSON.stringify({
          id,
          displayTitle: `release ${id} ${'x'.repeat(400)}`,
          startedDate: '2024-06-01T10:00:00Z',
          finishedDate: '2024-06-01T10:05:00Z',
          deploymentCommits: [{ repoUrl: 'https://github.com/acme/api', commitSha: `sha-${id}`, commitMsg: 'y'.repeat(600) }],
        }),
      });
      const body = await res.json();
      const attempt = { id, status: res.status, message: body?.message };
      attempts.push(attempt);
      return attempt;
    };

    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(200);
    fillFilesystem(fillerPath);
    let failures = 0;
    for (let i = 0; i < 400 && failures < 4; i++) if ((await post()).status !== 200) failures++;
    expect(failures).toBe(4);
    const whileFull = attempts.filter((a) => a.status !== 200);
    expect(new Set(whileFull.map((a) => `${a.status} ${a.message}`))).toEqual(new Set(['503 service unavailable (503)']));
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(503);

    // /health stays 503 until a request's commit succeeds again (a tiny probe alone may fit).
    unlinkSync(fillerPath);
    const afterFree: Attempt[] = [];
    for (let i = 0; i < 20; i++) afterFree.push(await post());
    expect(afterFree.map((a) => a.status)).toEqual(afterFree.map(() => 200));
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);

    expect(await server.stop('SIGTERM')).toBe(0);
    const database = new Database(databasePath, { readonly: true });
    const stored = new Set(
      (database.prepare('SELECT id FROM cicd_deployments').all() as { id: string }[]).map((row) => row.id),
    );
    database.close();
    const acknowledged = attempts.filter((a) => a.status === 200).map((a) => a.id);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 120_000);
});
