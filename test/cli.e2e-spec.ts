import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { createTestApp, TestApp } from './utils/create-test-app';
import { portOf, runProcess } from './utils/run-process';
import { testDrivers } from './utils/test-databases';
import { count, createConnection, CreatedConnection, rows } from './utils/webhook-client';

const CLI = 'bin/devlake-webhook.js';
const cli = (args: string[], env: Record<string, string> = {}) => runProcess(process.execPath, [CLI, ...args], env);

describe.each(testDrivers())('devlake-webhook CLI against the live server on %s', (driver) => {
  let t: TestApp;
  let c: CreatedConnection;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(driver, 'cli');
    await t.app.listen(0, '127.0.0.1');
    c = await createConnection(t, 'cli-conn');
    env = { DEVLAKE_WEBHOOK_URL: `http://127.0.0.1:${portOf(t.http)}`, DEVLAKE_WEBHOOK_CONNECTION: String(c.id), DEVLAKE_WEBHOOK_KEY: c.key };
  });
  afterAll(async () => {
    await t.close();
  });

  it('pushes a deployment, printing data; a re-run with the same --pipeline-id updates the same deployment', async () => {
    const args = ['deployment', '--repo-url', 'https://github.com/acme/api', '--commit-sha', 'c0ffee', '--pipeline-id', 'run-7', '--environment', 'PRODUCTION'];
    const first = await cli(args, env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(first.stdout)).toMatchObject({ connectionId: c.id, outcome: 'created' });
    const again = await cli([...args, '--result', 'FAILURE'], env);
    expect(again.code).toBe(0);
    const deployments = await rows(t, 'cicd_deployments');
    expect(deployments).toHaveLength(1);
    expect(deployments[0]).toMatchObject({ result: 'FAILURE', environment: 'PRODUCTION' });
    // start-time defaulted to now.
    expect(Date.now() - Date.parse(`${String(deployments[0].started_date).replace(' ', 'T')}Z`)).toBeLessThan(120_000);
  });

  it('pushes several deployment commits by connection name and flags instead of the environment', async () => {
    const res = await cli([
      'deployment', '--url', env.DEVLAKE_WEBHOOK_URL, '--connection', 'cli-conn', '--key', c.key, '--pipeline-id', 'multi-1',
      '--start-time', '2024-05-01T10:00:00Z',
      '--deployment-commit', 'repoUrl=https://github.com/acme/a,commitSha=aaa',
      '--deployment-commit', 'repoUrl=https://github.com/acme/b,commitSha=bbb,refName=main',
    ]);
    expect(res.code).toBe(0);
    expect(await count(t, 'cicd_deployment_commits', 'cicd_deployment_id LIKE ?', ['%multi-1%'])).toBe(2);
  });

  it('opens an incident, closes it, and pushes a pull request', async () => {
    expect((await cli(['incident', '--issue-key', 'INC-1', '--title', 'API down', '--created-date', '2024-05-01T10:00:00Z'], env)).code).toBe(0);
    expect(await rows(t, 'incidents')).toEqual([expect.objectContaining({ id: `webhook:${c.id}:INC-1`, status: 'TODO' })]);
    const closed = await cli(['close', 'INC-1', '--resolution-date', '2024-05-01T11:30:00Z'], env);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ leadTimeMinutes: 90 });
    expect(await rows(t, 'incidents')).toEqual([expect.objectContaining({ status: 'DONE', lead_time_minutes: 90 })]);
    const pr = await cli(['pull-request', '--pull-request-key', '12', '--title', 'Feat', '--status', 'MERGED', '--merge-commit-sha', 'abc'], env);
    expect(pr.code).toBe(0);
    expect(await rows(t, 'pull_requests')).toEqual([expect.objectContaining({ id: `webhook:${c.id}:12`, status: 'MERGED', title: 'Feat' })]);
  });

  it('exits non-zero printing the message and causes on a 4xx, without retrying', async () => {
    const denied = await cli(['deployment', '--repo-url', 'r', '--commit-sha', 's'], { ...env, DEVLAKE_WEBHOOK_KEY: 'not-the-key' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('HTTP 403: api key is invalid');
    expect(denied.stderr).not.toContain('retry');
    const invalid = await cli(['deployment', '--repo-url', 'r', '--commit-sha', 's', '--environment', 'MARS'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/HTTP 400: .*\n {2}- environment: /);
    expect(await count(t, 'cicd_deployments')).toBe(2);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await cli(['deployment', '--bogus', 'x'], env)).code).toBe(2);
    expect((await cli(['close'], env)).code).toBe(2);
    expect((await cli(['deployment', '--commit-sha', 's'], { DEVLAKE_WEBHOOK_KEY: 'k' })).stderr).toContain('DEVLAKE_WEBHOOK_URL');
  });
});

describe('devlake-webhook CLI retries', () => {
  let server: Server;
  let answers: ((res: ServerResponse) => void)[];
  const seen: IncomingMessage[] = [];
  const env = () => ({ DEVLAKE_WEBHOOK_URL: `http://127.0.0.1:${portOf(server)}/api/rest`, DEVLAKE_WEBHOOK_CONNECTION: '3', DEVLAKE_WEBHOOK_KEY: 'k' });
  const reply = (status: number, body: object, headers: Record<string, string> = {}) => (res: ServerResponse) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      req.resume();
      (answers.shift() ?? reply(500, {}))(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
  });

  it('retries a 5xx and a 429 (after its Retry-After), then prints the data', async () => {
    answers = [reply(503, { message: 'busy' }), reply(429, { message: 'slow down' }, { 'retry-after': '1' }), reply(200, { success: true, data: { outcome: 'created' } })];
    const started = Date.now();
    const res = await cli(['deployment', '--repo-url', 'r', '--commit-sha', 's'], env());
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ outcome: 'created' });
    expect(seen.map((req) => req.url)).toEqual(Array(3).fill('/api/rest/plugins/webhook/connections/3/deployments'));
    expect(seen[0].headers.authorization).toBe('Bearer k');
    expect(res.stderr).toContain('HTTP 503: retry 1 of 5');
    expect(res.stderr).toContain('HTTP 429: retry 2 of 5 in 1.0s');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  }, 20_000);

  it('gives up after --retries and exits non-zero', async () => {
    answers = [reply(502, { message: 'bad gateway' }), reply(502, { message: 'bad gateway' })];
    const res = await cli(['close', 'X-1', '--retries', '1'], env());
    expect(res.code).toBe(1);
    expect(seen).toHaveLength(2);
    expect(res.stderr).toContain('HTTP 502: bad gateway');
  }, 20_000);

  it('retries when nothing listens, then reports the connection error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = portOf(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await cli(['incident', '--issue-key', 'I', '--title', 't', '--retries', '1'], { ...env(), DEVLAKE_WEBHOOK_URL: `http://127.0.0.1:${port}` });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('ECONNREFUSED: retry 1 of 1');
    expect(res.stderr).toContain('could not reach');
  }, 20_000);
});
