import { ChildProcess, execFile, execFileSync, spawn } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { DataSource } from 'typeorm';
import { createDomainDataSource } from '@app/domain';
import { buildDataSourceOptions, DatabaseTarget } from '../src/config';
import { createEmptyDatabase, dropDatabase, testDrivers } from './utils/test-databases';

const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'embedded-host');
const run = promisify(execFile);
const PEERS = ['@nestjs/common', '@nestjs/core', '@nestjs/typeorm', '@nestjs/swagger', 'typeorm', 'reflect-metadata', 'rxjs', 'mysql2', 'better-sqlite3'];

/** `curl` as the README runs it (`-d` → form content type); returns the status and parsed body. */
async function curl(url: string, args: string[]): Promise<{ status: number; body: any }> {
  const { stdout } = await run('curl', ['-s', '-w', '\n%{http_code}', ...args, url], { maxBuffer: 16 * 1024 * 1024 });
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), body: text.startsWith('{') ? JSON.parse(text) : text };
}

function databaseUrl(target: DatabaseTarget): string {
  if (target.driver === 'sqlite') return `sqlite:${target.path}`;
  const auth = `${encodeURIComponent(target.username)}:${encodeURIComponent(target.password)}`;
  return `mysql://${auth}@${target.host}:${target.port}/${target.database}`;
}

/** The example host as an operator runs it (`npm start` is `node dist/main.js`), on an ephemeral port. */
async function startHost(dir: string, env: Record<string, string>): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env, PORT: '0' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  for (let attempt = 0; attempt < 600; attempt++) {
    const port = /listening on http:\/\/\S+:(\d+)/.exec(output)?.[1];
    if (port) return { child, base: `http://127.0.0.1:${port}`, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`the example host did not start:\n${output}`);
}

/** Nest majors the example is built against: the example as written (11), and 12 on SQLite. */
const NEST_12 = { '@nestjs/common': '^12.6.3', '@nestjs/core': '^12.6.3', '@nestjs/platform-express': '^12.6.3', '@nestjs/typeorm': '^12.0.2', '@nestjs/swagger': '^12.1.2' };
const HOSTS: [string, Record<string, string>, ReturnType<typeof testDrivers>][] = [
  ['Nest 11', {}, testDrivers()],
  ['Nest 12', NEST_12, ['sqlite']],
];

/** A copy of the example outside the repository with the tarball installed, built. */
function installExample(tarball: string, dependencies: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlw-embedded-host-'));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  Object.assign(manifest.dependencies, dependencies);
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const npm = (args: string[]) => execFileSync('npm', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  // Install scripts are skipped and the repository's compiled better-sqlite3 (same version) reused:
  // its native build would dominate the suite's time; everything else comes from the registry.
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball]);
  rmSync(join(dir, 'node_modules', 'better-sqlite3'), { recursive: true, force: true });
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), join(dir, 'node_modules', 'better-sqlite3'), { recursive: true, dereference: true });
  npm(['run', 'build']);
  return dir;
}

describe('the npm package, installed into the example host outside the repository', () => {
  let tarball: string;

  beforeAll(() => {
    const packed = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-library.js')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    tarball = packed.trim().split('\n').pop()!;
  }, 120_000);

  it('ships compiled JS and .d.ts without @app/ aliases, declares the peers and the admin bin', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/dist/package/index.js', 'package/dist/package/index.d.ts', 'package/dist/package/admin-cli.js']));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const contents = execFileSync('tar', ['-xzOf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(contents).not.toContain('@app/');
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(Object.keys(manifest.peerDependencies)).toEqual(expect.arrayContaining(PEERS));
    expect(manifest.peerDependenciesMeta).toEqual({ 'better-sqlite3': { optional: true }, mysql2: { optional: true } });
    expect(manifest.bin['devlake-webhook-admin']).toBe('dist/package/admin-cli.js');
    expect(manifest.private).toBeUndefined();
  });

  it("README's embedding section is the example's code", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of ['app.module.ts', 'header-admin.guard.ts', 'main.ts']) {
      expect(readme).toContain(readFileSync(join(EXAMPLE, 'src', file), 'utf8').trimEnd());
    }
  });

  describe.each(HOSTS)('built against %s', (_label, dependencies, drivers) => {
    let hostDir: string;

    beforeAll(() => {
      hostDir = installExample(tarball, dependencies);
    }, 300_000);
    afterAll(() => {
      if (hostDir) rmSync(hostDir, { recursive: true, force: true });
    });

    describe.each(drivers)('started on %s', (driver) => {
      let database: DatabaseTarget;
      let host: Awaited<ReturnType<typeof startHost>>;
      let dataSource: DataSource;

      beforeAll(async () => {
        database = await createEmptyDatabase(driver, 'package_host');
        host = await startHost(hostDir, { DB_URL: databaseUrl(database), ENCRYPTION_SECRET: 'example-host-secret' });
        dataSource = await createDomainDataSource(buildDataSourceOptions(database)).initialize();
      }, 60_000);
      afterAll(async () => {
        await dataSource?.destroy();
        host?.child.kill('SIGTERM');
        await dropDatabase(database);
      });

      it('answers on /, runs the migrations at start, guards /admin with the host guard', async () => {
        expect((await curl(`${host.base}/`, [])).status).toBe(200);
        expect(await dataSource.showMigrations()).toBe(false);
        const missing = await curl(`${host.base}/admin/plugins/webhook/connections`, ['-X', 'POST', '-d', '{"name":"x"}']);
        expect([missing.status, missing.body.message]).toEqual([401, 'x-host-admin header required']);
        const refused = await curl(`${host.base}/admin/plugins/webhook/connections`, ['-H', 'x-host-admin: no', '-X', 'POST', '-d', '{"name":"x"}']);
        expect(refused.status).toBe(403);
        expect(await dataSource.query('SELECT COUNT(*) AS n FROM _tool_webhook_connections')).toEqual([{ n: 0 }]);
      });

      it('takes the README seed curls, a 200 KB body (200) and a 2 MB body (413) with the body parsers on', async () => {
        const admin = ['-H', 'x-host-admin: yes'];
        const created = await curl(`${host.base}/admin/plugins/webhook/connections`, [...admin, '-X', 'POST', '-d', '{"name":"ci"}']);
        expect(created.status).toBe(200);
        const id = created.body.id;
        const key = ['-H', `Authorization: Bearer ${created.body.apiKey.apiKey}`];
        const hooks = `${host.base}/hooks/plugins/webhook/${id}`;
        const deployment = await curl(`${hooks}/deployments`, [
          ...key, '-X', 'POST', '-d',
          '{"pipeline_id":"deploy-42","environment":"PRODUCTION","repo_url":"https://github.com/acme/api","commit_sha":"015e3d3b480e417aede5a1293bd61de9b0fd051d","start_time":"2024-06-01T10:00:00Z","end_time":"2024-06-01T10:05:00Z","result":"SUCCESS"}',
        ]);
        expect([deployment.status, deployment.body.data?.deploymentId]).toEqual([200, 'deploy-42']);
        const incident = await curl(`${hooks}/issues`, [
          ...key, '-X', 'POST', '-d',
          '{"issue_key":"INC-7","title":"checkout is down","type":"INCIDENT","status":"IN_PROGRESS","created_date":"2024-06-01T10:10:00Z"}',
        ]);
        expect(incident.status).toBe(200);
        expect((await curl(`${hooks}/issue/INC-7/close`, [...key, '-X', 'POST'])).status).toBe(200);
        expect((await curl(`${host.base}/admin/plugins/webhook/connections/${id}/projects/shop`, [...admin, '-X', 'PUT'])).status).toBe(200);

        const bodies = mkdtempSync(join(tmpdir(), 'dlw-bodies-'));
        const issue = (key: string, pad: number) =>
          JSON.stringify({ issue_key: key, title: 'big', type: 'BUG', status: 'TODO', created_date: '2024-06-01T10:10:00Z', description: 'x'.repeat(pad) });
        writeFileSync(join(bodies, '200k.json'), issue('BIG-200K', 200_000));
        writeFileSync(join(bodies, '2m.json'), issue('BIG-2M', 2_000_000));
        expect((await curl(`${hooks}/issues`, [...key, '-X', 'POST', '-d', `@${join(bodies, '200k.json')}`])).status).toBe(200);
        const tooLarge = await curl(`${hooks}/issues`, [...key, '-X', 'POST', '-H', 'Content-Type: application/json', '--data-binary', `@${join(bodies, '2m.json')}`]);
        expect([tooLarge.status, tooLarge.body.message]).toEqual([413, 'request body too large (413)']);
        rmSync(bodies, { recursive: true, force: true });

        expect(await dataSource.query('SELECT id, result, environment FROM cicd_deployments')).toEqual([{ id: 'deploy-42', result: 'SUCCESS', environment: 'PRODUCTION' }]);
        const issues = await dataSource.query('SELECT issue_key, status, LENGTH(description) AS len FROM issues ORDER BY issue_key');
        expect(issues.map((r: Record<string, unknown>) => [r.issue_key, r.status, Number(r.len)])).toEqual([
          ['BIG-200K', 'TODO', 200_000],
          ['INC-7', 'DONE', 0],
        ]);
        expect(await dataSource.query("SELECT project_name FROM project_mapping WHERE `table` = 'boards'")).toEqual([{ project_name: 'shop' }]);
      }, 60_000);

      it("runs the package's compiled admin CLI (no ts-node) on the host's database", async () => {
        const env = { PATH: process.env.PATH ?? '', DB_URL: databaseUrl(database) };
        const migrate = await run('npx', ['--no-install', 'devlake-webhook-admin', 'migrate'], { cwd: hostDir, env });
        expect(migrate.stdout).toBe('applied 0 migration(s)\n');
        const refresh = await run('npx', ['--no-install', 'devlake-webhook-admin', 'dora-refresh'], { cwd: hostDir, env });
        expect(refresh.stdout).toMatch(/^shop: 1 incident links, 0 PR metrics \(\d+ rows written, 0 deleted\)\nrefreshed 1 project\(s\) in \d+ ms\n$/);
        const links = await dataSource.query('SELECT project_name, deployment_id FROM project_incident_deployment_relationships');
        expect(links).toEqual([{ project_name: 'shop', deployment_id: 'deploy-42' }]);
      }, 60_000);
    });
  });
});
