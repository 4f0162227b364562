import 'reflect-metadata';
import { randomBytes } from 'crypto';
import { AddressInfo } from 'net';
import * as mysql from 'mysql2/promise';
import { createStandaloneRefresh } from '@app/dora';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createApp } from '../src/create-app';
import { dropDatabase, freshDatabase, MYSQL, SECRET } from './bench-support';

/**
 * `npm run bench:scale` (issue 10): does a write cost the same with a year of history as with
 * none? One project (connection 1) gets a history seeded with multi-row INSERTs — D deployments
 * × 3 commit rows with their chains, 5·D merged pull requests, 300 incidents per 10 000
 * deployments — and its derived tables built once; connection 2 is in no project. Then, for a
 * deployment, a PR and an incident POST: the median of 20 sequential calls and the throughput
 * of 8 concurrent clients, into each connection, and the project's DORA GET. Sizes:
 * BENCH_SCALE_SIZES (default `10000,100000` deployments); BENCH_SECONDS of throughput per connection
 * (two halves, taken in turn).
 */
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 8;
const SEQUENTIAL = 20;
const WARM_UP = 10;
const REPOS = 3;
const ROWS_PER_INSERT = 5_000;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

const at = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
const repoUrl = (r: number) => `https://git.example/scale-${r}`;

async function insertChunked(db: mysql.Connection, statement: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await db.query(statement, [rows.slice(i, i + ROWS_PER_INSERT)]);
}

/** A year of history for connection 1, finishes spread evenly, chains linked as ingestion would. */
async function seed(db: mysql.Connection, deployments: number): Promise<void> {
  const span = 365 * DAY;
  const finishOf = (d: number) => START + Math.floor((d * span) / deployments);
  const lastSuccess: (string | null)[] = Array.from({ length: REPOS }, () => null);
  for (let first = 0; first < deployments; first += ROWS_PER_INSERT) {
    const commits: unknown[][] = [];
    const runs: unknown[][] = [];
    for (let d = first; d < Math.min(deployments, first + ROWS_PER_INSERT); d++) {
      const result = d % 10 === 9 ? 'FAILURE' : 'SUCCESS';
      const finished = finishOf(d);
      runs.push([`scale-${d}`, 'webhook:1', `scale-${d}`, result, 'PRODUCTION', at(finished - 300_000), at(finished)]);
      for (let r = 0; r < REPOS; r++) {
        const id = `webhook:1:scale-${d}:${r}`;
        const prev = result === 'SUCCESS' ? (lastSuccess[r] ?? '') : '';
        commits.push([id, `s${d}r${r}`, 'webhook:1', `scale-${d}`, result, 'PRODUCTION', at(finished - 300_000), at(finished), repoUrl(r), prev]);
        if (result === 'SUCCESS') lastSuccess[r] = id;
      }
    }
    await insertChunked(db, `INSERT INTO cicd_deployment_commits (id, commit_sha, cicd_scope_id, cicd_deployment_id, result, environment,
        started_date, finished_date, repo_url, prev_success_deployment_commit_id) VALUES ?`, commits);
    await insertChunked(db, 'INSERT INTO cicd_deployments (id, cicd_scope_id, name, result, environment, started_date, finished_date) VALUES ?', runs);
  }
  const prs: unknown[][] = [];
  for (let p = 0; p < deployments * 5; p++) {
    const d = Math.floor(p / 5);
    const merged = finishOf(d) - 3_600_000;
    prs.push([`webhook:1:${p}`, 'webhook:1', 'MERGED', `pr ${p}`, at(merged - DAY), at(merged), `s${d}r${p % REPOS}`, String(p)]);
  }
  await insertChunked(db, 'INSERT INTO pull_requests (id, base_repo_id, status, title, created_date, merged_date, merge_commit_sha, url) VALUES ?', prs);
  const incidents: unknown[][] = [];
  for (let i = 0; i < Math.round((deployments * 300) / 10_000); i++) {
    const created = START + Math.floor((i + 0.5) * (span / ((deployments * 300) / 10_000)));
    incidents.push([`webhook:1:INC-${i}`, 'boards', 'webhook:1', at(created), at(created + 3_600_000), 60]);
  }
  await insertChunked(db, 'INSERT INTO incidents (id, `table`, scope_id, created_date, resolution_date, lead_time_minutes) VALUES ?', incidents);
  await db.query('ANALYZE TABLE cicd_deployment_commits, cicd_deployments, pull_requests, incidents');
}

type Connection = { id: number; key: string };

let counter = 0;
/** Bodies that land at the head of history, as CI reports deployments when they end. */
const BODIES = {
  deployment: () => {
    const n = ++counter;
    const finished = START + 366 * DAY + n * 1000;
    return {
      path: 'deployments',
      body: { id: `new-${n}`, startedDate: new Date(finished - 300_000).toISOString(), finishedDate: new Date(finished).toISOString(),
        deploymentCommits: [{ repoUrl: repoUrl(n % REPOS), commitSha: `new${n}` }] },
    };
  },
  'pull request': () => {
    const n = ++counter;
    return { path: 'pull_requests', body: { pullRequestKey: 900_000_000 + n, displayTitle: 'scale', status: 'MERGED',
      createdDate: new Date(START + 366 * DAY).toISOString(), mergedDate: new Date(START + 366 * DAY + n * 1000).toISOString(),
      mergeCommitSha: `new${n}` } };
  },
  incident: () => {
    const n = ++counter;
    return { path: 'issues', body: { issue_key: `SCALE-${n}`, title: 'outage', type: 'INCIDENT', status: 'TODO',
      created_date: new Date(START + 366 * DAY + n * 1000).toISOString() } };
  },
};

async function post(base: string, connection: Connection, kind: keyof typeof BODIES): Promise<number> {
  const { path, body } = BODIES[kind]();
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}/api/rest/plugins/webhook/${connection.id}/${path}`, {
    method: 'POST', headers: { Authorization: `Bearer ${connection.key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`POST ${path} answered ${res.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Median latency of sequential POSTs into each connection, the calls interleaved (mapped, free,
 * free, mapped, ...) so that drift on the shared machine weighs on both alike.
 */
async function medianPosts(base: string, mapped: Connection, free: Connection, kind: keyof typeof BODIES) {
  // Warm-up: the first calls after the seed and the rebuild pay for cold caches and code not yet optimized.
  for (let i = 0; i < WARM_UP; i++) for (const connection of [mapped, free]) await post(base, connection, kind);
  const times = { mapped: [] as number[], free: [] as number[] };
  for (let i = 0; i < SEQUENTIAL; i++) {
    const order = i % 2 === 0 ? (['mapped', 'free'] as const) : (['free', 'mapped'] as const);
    for (const name of order) times[name].push(await post(base, name === 'mapped' ? mapped : free, kind));
  }
  return { mapped: median(times.mapped), free: median(times.free) };
}

/** 8 clients posting into a connection until `until`; the number of calls answered. */
async function load(base: string, connection: Connection, kind: keyof typeof BODIES, until: number): Promise<number> {
  let done = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < until) {
      await post(base, connection, kind);
      done++;
    }
  }));
  return done;
}

/**
 * Requests per second of 8 clients into each connection over BENCH_SECONDS, in two halves taken
 * in the order mapped, free, free, mapped, so that drift on the shared machine (background flushing
 * after the seed, say) weighs on both alike. A second of concurrent load into each first, not
 * counted: the first concurrent calls after the sequential ones took up to twice the server's CPU
 * of later ones (5 ms against 2.5 ms a call).
 * A mapped half counts until the derived rows of every write answered are applied too (the
 * backlog left when its clients stop is timed into the rate).
 */
async function throughputs(base: string, mapped: Connection, free: Connection, kind: keyof typeof BODIES, db: mysql.Connection) {
  const totals = { mapped: { done: 0, ms: 0, drainMs: 0 }, free: { done: 0, ms: 0, drainMs: 0 } };
  for (const connection of [mapped, free]) await load(base, connection, kind, Date.now() + 1000);
  await pendingApplied(db);
  const order = [['mapped', mapped], ['free', free], ['free', free], ['mapped', mapped]] as const;
  for (const [name, connection] of order) {
    const started = Date.now();
    const done = await load(base, connection, kind, started + (SECONDS * 1000) / 2);
    const stopped = Date.now();
    await pendingApplied(db);
    totals[name].done += done;
    totals[name].ms += Date.now() - started;
    totals[name].drainMs = Math.max(totals[name].drainMs, Date.now() - stopped);
  }
  const rate = (total: { done: number; ms: number }) => total.done / (total.ms / 1000);
  return { mapped: rate(totals.mapped), free: rate(totals.free), drainMs: totals.mapped.drainMs };
}

/** Lets InnoDB write out what the seed and the rebuild left in memory (at most 60 s), so that it does not slow the first run measured. */
async function dirtyPagesFlushed(db: mysql.Connection): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; ) {
    const [rows] = await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'");
    if (Number((rows as { Value: string }[])[0]?.Value ?? 0) < 100) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Runs and seconds of the background derived-data updates so far (the server's Prometheus histogram). */
async function derivedUpdates(base: string): Promise<{ runs: number; seconds: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { runs: value('webhook_derived_data_refresh_duration_seconds_count'), seconds: value('webhook_derived_data_refresh_duration_seconds_sum') };
}

async function pendingApplied(db: mysql.Connection): Promise<void> {
  for (const until = Date.now() + 60_000; ; ) {
    const [rows] = await db.query('SELECT COUNT(*) AS n FROM _webhook_derived_pending');
    if (Number((rows as { n: number }[])[0].n) === 0) return;
    if (Date.now() > until) throw new Error('derived-data changes still pending 60 s after the clients stopped (see the server log)');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function medianGet(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times.slice(1));
}

async function runSize(deployments: number): Promise<void> {
  const database = `dlw_bench_scale_${randomBytes(3).toString('hex')}`;
  await freshDatabase(database);
  const app = await createApp(loadConfig({ DB_URL: `mysql://${MYSQL.user}@${MYSQL.host}:${MYSQL.port}/${database}`, ENCRYPTION_SECRET: SECRET, LOG_LEVEL: 'error' }));
  const db = await mysql.createConnection({ ...MYSQL, database, timezone: 'Z' });
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const admin = `${base}/plugins/webhook`;
    const connect = async (name: string) => {
      const body = await (await fetch(`${admin}/connections`, { method: 'POST', body: JSON.stringify({ name }) })).json();
      return { id: body.id as number, key: body.apiKey.apiKey as string };
    };
    const mapped = await connect('scale-mapped');
    const free = await connect('scale-free');
    await fetch(`${admin}/connections/${mapped.id}/projects/scale`, { method: 'PUT' });
    let started = Date.now();
    await seed(db, deployments);
    const seedSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    // As `npm run dora:refresh` does it: without the server's 60 s deadline, which 500 000 PRs exceed.
    await createStandaloneRefresh(app.get(DataSource)).refreshProject('scale');
    const rebuildSeconds = (Date.now() - started) / 1000;
    await dirtyPagesFlushed(db);
    console.log(`\n${deployments} deployments × ${REPOS} commit rows, ${deployments * 5} merged PRs, ${Math.round((deployments * 300) / 10_000)} incidents ` +
      `(seeded in ${seedSeconds.toFixed(1)} s, full rebuild ${rebuildSeconds.toFixed(1)} s); ${CLIENTS} clients × ${SECONDS} s`);
    console.log('write            mapped median ms  free median ms  ratio   mapped req/s  free req/s  ratio  backlog ms  updates  update ms');
    for (const kind of Object.keys(BODIES) as (keyof typeof BODIES)[]) {
      const median = await medianPosts(base, mapped, free, kind);
      const latency = [median.mapped, median.free];
      const before = await derivedUpdates(base);
      const rate = await throughputs(base, mapped, free, kind, db);
      const after = await derivedUpdates(base);
      const updates = after.runs - before.runs;
      console.log([kind.padEnd(16), latency[0].toFixed(1).padStart(16), latency[1].toFixed(1).padStart(15),
        (latency[1] / latency[0]).toFixed(2).padStart(6), rate.mapped.toFixed(1).padStart(14), rate.free.toFixed(1).padStart(11),
        (rate.mapped / rate.free).toFixed(2).padStart(6), String(rate.drainMs).padStart(11), String(updates).padStart(8),
        (((after.seconds - before.seconds) * 1000) / Math.max(updates, 1)).toFixed(1).padStart(10)].join(' '));
    }
    console.log(`GET dora/projects/scale median ms: ${(await medianGet(`${admin}/dora/projects/scale`)).toFixed(1)}`);
  } finally {
    await db.end();
    await app.close();
    if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(database);
  }
}

async function main(): Promise<void> {
  console.log('scale benchmark on MariaDB (issue 10); ratio = free/mapped latency and mapped/free throughput, goal ≥ 0.8');
  for (const size of SIZES) await runSize(size);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
