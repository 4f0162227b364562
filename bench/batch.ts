import * as mysql from 'mysql2/promise';
import { BuiltServer, createConnection, deploymentPayload, dropDatabase, freshDatabase, MYSQL } from './bench-support';
import { rawRows, rawUpsertMany } from './raw-upserts';

/**
 * `npm run bench:batch`: N deployments (default 100k) through `…/deployments/batch` in requests of
 * 1000 items, next to raw multi-row upserts of the same rows through mysql2, and the ratio.
 */
const TOTAL = Number(process.env.BENCH_BATCH_TOTAL ?? 100_000);
const PER_REQUEST = 1000;
const DATABASE = process.env.BENCH_DATABASE ?? 'dlw_bench_batch';

async function main(): Promise<void> {
  await freshDatabase(DATABASE);
  const server = new BuiltServer(Number(process.env.BENCH_PORT ?? 18701), DATABASE);
  await server.start();
  try {
    const connection = await createConnection(server, 'bench-batch');
    const cpuBefore = server.cpuMs();
    const httpStarted = Date.now();
    for (let offset = 0; offset < TOTAL; offset += PER_REQUEST) {
      const items = Array.from({ length: PER_REQUEST }, (_, i) => deploymentPayload(offset + i, 'http'));
      const res = await fetch(`${server.baseUrl}/rest/plugins/webhook/connections/${connection.id}/deployments/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${connection.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(items),
      });
      const body = await res.json();
      if (res.status !== 200 || body.data.rejected > 0) throw new Error(`batch failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    const httpRate = TOTAL / ((Date.now() - httpStarted) / 1000);
    const cpuPer1000 = ((server.cpuMs() - cpuBefore) / TOTAL) * 1000;

    const pool = mysql.createPool({ ...MYSQL, database: DATABASE, connectionLimit: 1, timezone: 'Z' });
    const rawStarted = Date.now();
    for (let offset = 0; offset < TOTAL; offset += PER_REQUEST) {
      await rawUpsertMany(pool, Array.from({ length: PER_REQUEST }, (_, i) => rawRows(offset + i, 'raw', connection.id)));
    }
    const rawRate = TOTAL / ((Date.now() - rawStarted) / 1000);
    await pool.end();

    console.log(`batch benchmark: ${TOTAL} single-commit deployments, ${PER_REQUEST} per request, MariaDB on 127.0.0.1`);
    console.log(`HTTP batch endpoint:    ${httpRate.toFixed(0)} deployments/s`);
    console.log(`raw multi-row upserts:  ${rawRate.toFixed(0)} deployments/s`);
    console.log(`ratio HTTP/raw:         ${((httpRate / rawRate) * 100).toFixed(0)}%`);
    console.log(`server CPU:             ${cpuPer1000.toFixed(0)} ms per 1000 deployments`);
    console.log(`server peak RSS:        ${server.peakRssMiB()} MiB`);
  } finally {
    server.stop();
    await dropDatabase(DATABASE);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
