import { createDomainDataSource } from '@app/domain';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, DatabaseTarget } from '../src/config';
import { incrementalAndRebuiltOn } from './utils/derived-equivalence';
import { ServerProcess } from './utils/server-process';
import { createEmptyDatabase, dropDatabase, testDrivers } from './utils/test-databases';

/**
 * Issue 10: 2 server processes × 32 clients write deployments (out of order, flipping results),
 * pull requests and incidents into one project at once; the derived tables the incremental
 * maintenance leaves must equal `dora:refresh`'s full rebuild.
 */
const SECRET = 'derived-concurrency-secret';
const CLIENTS = 32;
const REQUESTS_PER_CLIENT = 6;
const R1 = 'https://github.com/acme/r1';
const at = (halfHours: number) => new Date(Date.UTC(2024, 2, 1) + halfHours * 30 * 60_000).toISOString();

function databaseUrl(target: DatabaseTarget): string {
  if (target.driver === 'sqlite') return `sqlite:${target.path}`;
  return `mysql://${target.username}:${encodeURIComponent(target.password)}@${target.host}:${target.port}/${target.database}`;
}

/** Request `n` of client `c`: a mix that lands in the middle of history and moves rows around. */
function requestOf(c: number, n: number): { path: string; body: object } {
  const k = c * REQUESTS_PER_CLIENT + n;
  switch (k % 4) {
    case 0:
    case 1:
      return {
        path: 'deployments',
        body: {
          pipeline_id: `p${k % 9}`, repo_url: R1, commit_sha: `s${k % 7}`, start_time: at((k * 7) % 60), end_time: at(((k * 7) % 60) + 1),
          result: k % 5 === 0 ? 'FAILURE' : 'SUCCESS', environment: k % 11 === 0 ? 'STAGING' : 'PRODUCTION',
        },
      };
    case 2:
      return {
        path: 'pull_requests',
        body: { pullRequestKey: k % 13, displayTitle: 'change', status: 'MERGED', createdDate: at((k * 3) % 50), mergedDate: at(((k * 3) % 50) + 2), mergeCommitSha: `s${k % 7}` },
      };
    default:
      return { path: 'issues', body: { issue_key: `I${k % 10}`, title: 'outage', type: 'INCIDENT', status: 'TODO', created_date: at((k * 5) % 64) } };
  }
}

describe.each(testDrivers())('derived data under 2 processes × 32 clients on %s', (driver) => {
  let database: DatabaseTarget;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase(driver, 'derived_concurrency');
    const base = 19300 + Math.floor(Math.random() * 100) * 2 + (driver === 'mysql' ? 400 : 0);
    servers.push(new ServerProcess(base, { DB_URL: databaseUrl(database), ENCRYPTION_SECRET: SECRET }));
    await servers[0].start();
    servers.push(new ServerProcess(base + 1, { DB_URL: databaseUrl(database), ENCRYPTION_SECRET: SECRET, DB_MIGRATE: 'false' }));
    await servers[1].start();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await dropDatabase(database);
  });

  it('leaves the derived tables equal to a full rebuild', async () => {
    const admin = `${servers[0].baseUrl}/plugins/webhook`;
    const { id, apiKey } = await (await fetch(`${admin}/connections`, { method: 'POST', body: '{"name":"busy"}' })).json();
    expect((await fetch(`${admin}/connections/${id}/projects/p1`, { method: 'PUT' })).status).toBe(200);
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let n = 0; n < REQUESTS_PER_CLIENT; n++) {
          const { path, body } = requestOf(c, n);
          const res = await fetch(`${servers[c % 2].baseUrl}/api/rest/plugins/webhook/${id}/${path}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${apiKey.apiKey}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          await res.arrayBuffer();
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
    let dataSource: DataSource | undefined;
    try {
      dataSource = createDomainDataSource(buildDataSourceOptions(database));
      await dataSource.initialize();
      const { incremental, rebuilt } = await incrementalAndRebuiltOn(dataSource);
      expect(incremental.incidentLinks.length + incremental.prMetrics.length).toBeGreaterThan(0);
      expect(incremental).toEqual(rebuilt);
    } finally {
      await dataSource?.destroy();
    }
  }, 300_000);
});
