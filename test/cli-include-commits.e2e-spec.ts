import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createTestApp, TestApp } from './utils/create-test-app';
import { portOf, ProcessResult, ROOT, runProcess } from './utils/run-process';
import { testDrivers } from './utils/test-databases';
import { createConnection, CreatedConnection, postWithKey, selectRows } from './utils/webhook-client';

const CLI = join(ROOT, 'bin/devlake-webhook.js');
const REPO_URL = 'https://github.com/acme/api';

/** `deployment --include-commits` (issue 18) against the live server and a real git checkout. */
describe.each(testDrivers())('devlake-webhook deployment --include-commits on %s', (driver) => {
  let t: TestApp;
  let c: CreatedConnection;
  let repo: string;
  let shas: string[];

  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' },
    }).trim();
  /** The CLI run inside the checkout, the connection given by name. */
  const cli = (args: string[], key = c.key): Promise<ProcessResult> =>
    runProcess(process.execPath, [CLI, ...args], { DEVLAKE_WEBHOOK_URL: `http://127.0.0.1:${portOf(t.http)}`, DEVLAKE_WEBHOOK_CONNECTION: 'ci', DEVLAKE_WEBHOOK_KEY: key }, repo);
  const listOf = async (sha: string) =>
    (await selectRows(t, 'SELECT commit_sha FROM _tool_webhook_deployment_commit_shas WHERE deployment_commit_sha = ? ORDER BY sorting_index', [sha])).map((row) => row.commit_sha);
  const deploy = (environment: string, sha: string) => ['deployment', '--include-commits', '--repo-url', REPO_URL, '--environment', environment, '--commit-sha', sha, '--pipeline-id', `${environment}-${sha}`];

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'dlw-include-commits-'));
    git('init', '-q');
    shas = [];
    for (const n of [1, 2, 3, 4]) {
      git('commit', '-q', '--allow-empty', '-m', `c${n}`);
      shas.push(git('rev-parse', 'HEAD'));
    }
    t = await createTestApp(driver, 'cli_include_commits');
    await t.app.listen(0, '127.0.0.1');
    c = await createConnection(t, 'ci');
  });
  afterAll(async () => {
    await t.close();
    rmSync(repo, { recursive: true, force: true });
  });

  it('sends no list for the first deployment (404), then git rev-list LAST..COMMIT since the last success', async () => {
    const first = await cli(deploy('STAGING', shas[0]));
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('sending no commit list');
    expect(await listOf(shas[0])).toEqual([]);

    const next = await cli(deploy('STAGING', shas[3]));
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(await listOf(shas[3])).toEqual([shas[3], shas[2], shas[1]]);
    expect(await selectRows(t, 'SELECT commit_sha FROM commits_diffs WHERE new_commit_sha = ? AND old_commit_sha = ? ORDER BY sorting_index', [shas[3], shas[0]])).toEqual(
      [shas[3], shas[2], shas[1]].map((sha) => ({ commit_sha: sha })),
    );
  });

  it('sends no list, with a warning, when git does not know the last sha (shallow clone)', async () => {
    await postWithKey(t, c.key, `/api/rest/plugins/webhook/connections/${c.id}/deployments`, {
      repo_url: REPO_URL, commit_sha: 'f'.repeat(40), environment: 'TESTING', start_time: '2024-05-01T10:00:00Z', end_time: '2024-05-01T10:05:00Z',
    }).expect(200);
    const res = await cli(deploy('TESTING', shas[2]));
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`git rev-list ${'f'.repeat(40)}..${shas[2]} failed`);
    expect(await listOf(shas[2])).toEqual([]);
  });

  it('stops without posting when the lookup is refused, and needs --repo-url and --commit-sha', async () => {
    const before = await selectRows(t, 'SELECT COUNT(*) AS n FROM cicd_deployments');
    const res = await cli(deploy('DEVELOPMENT', shas[1]), 'not-the-key');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('HTTP 403: api key is invalid');
    expect(await selectRows(t, 'SELECT COUNT(*) AS n FROM cicd_deployments')).toEqual(before);
    expect((await cli(['deployment', '--include-commits', '--commit-sha', 'x'])).code).toBe(2);
  });
});
