import autocannon from 'autocannon';
import * as mysql from 'mysql2/promise';
import { BuiltServer, createConnection, deploymentPayload, dropDatabase, freshDatabase, MYSQL } from './bench-support';
import { rawRows, rawUpsertOne } from './raw-upserts';

/**
 * `npm run bench:ingest`: single-deployment posts through HTTP (autocannon) against the built
 * server on MariaDB, at several concurrencies, next to the same upserts issued straight through
 * mysql2 — the ceiling — and the ratio of the two. Prints figures only.
 */
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,16,64').split(',').map(Number);
const DATABASE = process.env.BENCH_DATABASE ?? 'dlw_bench_ingest';

async function httpRate(server: BuiltServer, connection: { id: number; key: string }, concurrency: number, prefix: string) {
  let n = 0;
  const result = await autocannon({
    url: server.baseUrl,
    connections: concurrency,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: `/rest/plugins/webhook/connections/${connection.id}/deployments`,
        headers: { authorization: `Bearer ${connection.key}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(deploymentPayload(n++, prefix)) }),
      },
    ],
  });
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    total: result.requests.total,
  };
}

async function rawRate(connectionId: number, concurrency: number, prefix: string, audit: boolean): Promise<number> {
  const pool = mysql.createPool({ ...MYSQL, database: DATABASE, connectionLimit: concurrency, timezone: 'Z' });
  let done = 0;
  let n = 0;
  const deadline = Date.now() + DURATION_S * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      await rawUpsertOne(pool, rawRows(n++, prefix, connectionId), audit);
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  await pool.end();
  return done / elapsed;
}

async function main(): Promise<void> {
  await freshDatabase(DATABASE);
  const server = new BuiltServer(Number(process.env.BENCH_PORT ?? 18700), DATABASE);
  await server.start();
  try {
    const connection = await createConnection(server, 'bench');
    console.log(`ingest benchmark: ${DURATION_S}s per run, MariaDB on 127.0.0.1, one single-commit deployment per request`);
    console.log('raw = the same domain upserts straight through mysql2; raw+audit = plus the audit row the spec requires per request');
    console.log('concurrency | HTTP req/s | p50 ms | p99 ms | non-2xx | raw upserts/s | HTTP/raw | raw+audit/s | HTTP/(raw+audit)');
    const cpuPerRequest: string[] = [];
    for (const concurrency of CONCURRENCIES) {
      const cpuBefore = server.cpuMs();
      const http = await httpRate(server, connection, concurrency, `http-c${concurrency}`);
      cpuPerRequest.push(`c${concurrency} ${((server.cpuMs() - cpuBefore) / http.total).toFixed(2)}`);
      const raw = await rawRate(connection.id, concurrency, `raw-c${concurrency}`, false);
      const rawAudit = await rawRate(connection.id, concurrency, `raw-audit-c${concurrency}`, true);
      const percent = (ceiling: number) => `${((http.rate / ceiling) * 100).toFixed(0)}%`;
      console.log(
        `${String(concurrency).padStart(11)} | ${http.rate.toFixed(0).padStart(10)} | ${String(http.p50).padStart(6)} | ` +
          `${String(http.p99).padStart(6)} | ${String(http.errors).padStart(7)} | ${raw.toFixed(0).padStart(13)} | ${percent(raw).padStart(8)} | ` +
          `${rawAudit.toFixed(0).padStart(11)} | ${percent(rawAudit).padStart(16)}`,
      );
    }
    console.log(`server CPU per request (ms): ${cpuPerRequest.join(', ')}`);
    console.log(`server peak RSS: ${server.peakRssMiB()} MiB`);
  } finally {
    server.stop();
    await dropDatabase(DATABASE);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
