import { execFileSync, spawn } from 'child_process';
import { createServer, Server } from 'http';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { portOf, ProcessResult, ROOT } from './utils/run-process';

const CLI = join(ROOT, 'bin/devlake-webhook.js');

/**
 * `deployment --include-commits` (issue 18) against a fake of the
 * `…/deployments/last-success` route: that route lands separately, the CLI only reads its answer.
 */
describe('devlake-webhook deployment --include-commits', () => {
  let server: Server;
  let repo: string;
  let shas: string[];
  let lastSuccess: { status: number; body: object };
  const seen: { method: string; url: string; body: string }[] = [];

  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' },
    }).trim();
  const cli = (args: string[]) =>
    new Promise<ProcessResult>((resolve, reject) => {
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DEVLAKE_WEBHOOK_URL: `http://127.0.0.1:${portOf(server)}`, DEVLAKE_WEBHOOK_CONNECTION: 'ci', DEVLAKE_WEBHOOK_KEY: 'k' };
      const child = spawn(process.execPath, [CLI, ...args], { cwd: repo, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  const posted = () => JSON.parse(seen.find((req) => req.method === 'POST')?.body ?? 'null');

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'dlw-include-commits-'));
    git('init', '-q');
    shas = [];
    for (const n of [1, 2, 3, 4]) {
      git('commit', '-q', '--allow-empty', '-m', `c${n}`);
      shas.push(git('rev-parse', 'HEAD'));
    }
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method as string, url: req.url as string, body });
        const answer = req.method === 'GET' ? lastSuccess : { status: 200, body: { success: true, data: { outcome: 'created' } } };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(repo, { recursive: true, force: true });
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const deploy = ['deployment', '--include-commits', '--repo-url', 'https://github.com/acme/api', '--environment', 'STAGING'];

  it('asks for the last success of the repository and environment and sends git rev-list LAST..COMMIT as commit_shas', async () => {
    lastSuccess = { status: 200, body: { success: true, data: { commitSha: shas[0], deploymentId: 'd0', finishedDate: '2024-05-01T10:00:00.000Z' } } };
    const res = await cli([...deploy, '--commit-sha', shas[3]]);
    expect(res).toMatchObject({ code: 0 });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/rest/plugins/webhook/connections/by-name/ci/deployments/last-success?repo_url=https%3A%2F%2Fgithub.com%2Facme%2Fapi&environment=STAGING',
    });
    expect(posted()).toMatchObject({ commit_sha: shas[3], commit_shas: [shas[3], shas[2], shas[1]] });
  });

  it('sends no list when there is no earlier success (404)', async () => {
    lastSuccess = { status: 404, body: { success: false, message: 'no successful deployment' } };
    const res = await cli([...deploy, '--commit-sha', shas[3]]);
    expect(res.code).toBe(0);
    expect(posted()).toMatchObject({ commit_sha: shas[3] });
    expect(posted().commit_shas).toBeUndefined();
  });

  it('sends no list, with a warning, when git does not know the last sha (shallow clone)', async () => {
    lastSuccess = { status: 200, body: { success: true, data: { commitSha: 'f'.repeat(40), deploymentId: 'd0', finishedDate: '2024-05-01T10:00:00.000Z' } } };
    const res = await cli([...deploy, '--commit-sha', shas[3]]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('sending no commit list');
    expect(posted().commit_shas).toBeUndefined();
  });

  it('stops without posting when the route refuses the key, and needs --repo-url and --commit-sha', async () => {
    lastSuccess = { status: 403, body: { success: false, message: 'api key is invalid' } };
    const res = await cli([...deploy, '--commit-sha', shas[3]]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('HTTP 403: api key is invalid');
    expect(seen.map((req) => req.method)).toEqual(['GET']);
    expect((await cli(['deployment', '--include-commits', '--commit-sha', 'x'])).code).toBe(2);
  });
});
