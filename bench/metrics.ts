import 'reflect-metadata';
import { randomBytes } from 'crypto';
import { AddressInfo } from 'net';
import * as mysql from 'mysql2/promise';
import { DoraRefreshService } from '@app/dora';
import { loadConfig } from '../src/config';
import { createApp } from '../src/create-app';
import { dropDatabase, freshDatabase, MYSQL, SECRET } from './bench-support';

/**
 * `npm run bench:metrics`: how the metrics API's response time grows with a project's data. One
 * project on a fresh MariaDB database gets N deployment commit rows (N = 10k, 100k, 1M, added
 * level by level with multi-row INSERTs) spread over the default 6-month window, plus incidents;
 * the real app answers the metric routes, timed over a few runs (median). Prints figures only.
 */
const LEVELS = (process.env.BENCH_LEVELS ?? '10000,100000,1000000').split(',').map(Number);
const ROWS_PER_INSERT = 5_000;
/** Commit rows per deployment (one per repository); every 100th deployment gets an incident. */
const REPOS = 4;
const INCIDENT_EVERY = 100;
const RUNS = 5;
const WINDOW_MS = 182 * 86_400_000;

const DATABASE = `dlw_bench_metrics_${randomBytes(3).toString('hex')}`;
const NOW = Date.now();
const at = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/** Deployment `d` of `total`: evenly spread over the window; results and environments mixed. */
function deploymentRows(first: number, count: number, total: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let d = first; d < first + count; d++) {
    const finished = NOW - WINDOW_MS + Math.floor(((d + 0.5) * WINDOW_MS) / total);
    const result = d % 10 === 9 ? 'FAILURE' : 'SUCCESS';
    const environment = d % 10 === 3 ? 'STAGING' : 'PRODUCTION';
    for (let r = 0; r < REPOS; r++) {
      const sha = `${d.toString(16).padStart(8, '0')}${r}`;
      rows.push([
        `webhook:1:bench:${d}:${r}`, sha, 'webhook:1', `bench-${d}`, result, environment,
        at(finished - 60_000), at(finished - 1000 * (REPOS - r)), `https://git.example/repo-${r}`, '',
      ]);
    }
  }
  return rows;
}

function incidentRows(first: number, count: number, total: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let d = first; d < first + count; d++) {
    if (d % INCIDENT_EVERY !== 0) continue;
    const created = NOW - WINDOW_MS + Math.floor(((d + 0.9) * WINDOW_MS) / total);
    const resolved = d % 3 === 0 ? null : at(created + 90 * 60_000);
    rows.push([`webhook:1:INC-${d}`, 'boards', 'webhook:1', at(created), resolved, resolved ? 90 : 0]);
  }
  return rows;
}

async function insertChunked(db: mysql.Connection, sql: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await db.query(sql, [rows.slice(i, i + ROWS_PER_INSERT)]);
}

/** Grows the project from `have` to `want` commit rows; returns the seconds it took. */
async function seed(db: mysql.Connection, have: number, want: number, totalDeployments: number): Promise<number> {
  const started = Date.now();
  const firstDeployment = have / REPOS;
  const deployments = (want - have) / REPOS;
  const step = ROWS_PER_INSERT / REPOS;
  for (let d = firstDeployment; d < firstDeployment + deployments; d += step) {
    const count = Math.min(step, firstDeployment + deployments - d);
    await insertChunked(
      db,
      `INSERT INTO cicd_deployment_commits (id, commit_sha, cicd_scope_id, cicd_deployment_id, result, environment,
         started_date, finished_date, repo_url, prev_success_deployment_commit_id) VALUES ?`,
      deploymentRows(d, count, totalDeployments),
    );
    const incidents = incidentRows(d, count, totalDeployments);
    if (incidents.length > 0) {
      await db.query('INSERT INTO incidents (id, `table`, scope_id, created_date, resolution_date, lead_time_minutes) VALUES ?', [incidents]);
    }
  }
  return (Date.now() - started) / 1000;
}

async function timed(url: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function medianMs(url: string): Promise<number> {
  await timed(url);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(url));
  times.sort((a, b) => a - b);
  return times[Math.floor((times.length - 1) / 2)];
}

async function main(): Promise<void> {
  await freshDatabase(DATABASE);
  const app = await createApp(
    loadConfig({ DB_URL: `mysql://${MYSQL.user}@${MYSQL.host}:${MYSQL.port}/${DATABASE}`, ENCRYPTION_SECRET: SECRET, LOG_LEVEL: 'error' }),
  );
  const db = await mysql.createConnection({ ...MYSQL, database: DATABASE, timezone: 'Z' });
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/plugins/webhook`;
    await fetch(`${base}/connections`, { method: 'POST', body: JSON.stringify({ name: 'bench' }) });
    await fetch(`${base}/connections/1/projects/bench`, { method: 'PUT' });
    const refresh = app.get(DoraRefreshService);
    const totalDeployments = LEVELS[LEVELS.length - 1] / REPOS;
    console.log(`metrics benchmark on MariaDB, database ${DATABASE}; ${REPOS} commit rows per deployment, ` +
      `an incident every ${INCIDENT_EVERY} deployments, default window (6 months); median of ${RUNS} runs after one warm-up`);
    console.log('rows (N)   deployments  incidents  seed s  refresh ms  DORA project ms  DORA 2021 ms  DORA connection ms  issues ms');
    let have = 0;
    for (const level of LEVELS) {
      const seedSeconds = await seed(db, have, level, totalDeployments);
      have = level;
      await db.query('ANALYZE TABLE cicd_deployment_commits, incidents');
      const refreshStarted = Date.now();
      await refresh.refreshProjects(['bench']);
      const refreshMs = Date.now() - refreshStarted;
      const [[counts]] = await db.query<mysql.RowDataPacket[]>(
        'SELECT (SELECT COUNT(DISTINCT cicd_deployment_id) FROM cicd_deployment_commits) AS deployments, (SELECT COUNT(*) FROM incidents) AS incidents',
      );
      const figures = [
        await medianMs(`${base}/dora/projects/bench`),
        await medianMs(`${base}/dora/projects/bench?report=2021`),
        await medianMs(`${base}/connections/1/dora`),
        await medianMs(`${base}/metrics/issues/projects/bench`),
      ];
      console.log(
        [
          String(level).padEnd(10), String(counts.deployments).padStart(11), String(counts.incidents).padStart(10),
          seedSeconds.toFixed(1).padStart(7), String(refreshMs).padStart(11),
          ...figures.map((ms, i) => ms.toFixed(1).padStart([16, 13, 19, 10][i])),
        ].join(' '),
      );
    }
  } finally {
    await db.end();
    await app.close();
    if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(DATABASE);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
