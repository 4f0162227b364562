import { DatabaseTarget } from '../src/config';
import { ServerProcess } from './utils/server-process';
import { createEmptyDatabase, dropDatabase, mysqlAdminConnection, testDrivers } from './utils/test-databases';

const SECRET = 'concurrency-secret';
const CLIENTS = 64;
const REQUESTS_PER_CLIENT = 8;
const DISTINCT_DEPLOYMENTS = 40;
const runOnMysql = testDrivers().includes('mysql') ? describe : describe.skip;

function mysqlUrl(target: DatabaseTarget): string {
  if (target.driver !== 'mysql') throw new Error('mysql only');
  return `mysql://${target.username}:${encodeURIComponent(target.password)}@${target.host}:${target.port}/${target.database}`;
}

runOnMysql('overlapping upserts from 2 server processes × 64 clients on MariaDB', () => {
  let database: DatabaseTarget;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase('mysql', 'concurrency');
    const base = 18900 + Math.floor(Math.random() * 50) * 2;
    servers.push(new ServerProcess(base, { DB_URL: mysqlUrl(database), ENCRYPTION_SECRET: SECRET }));
    await servers[0].start();
    servers.push(new ServerProcess(base + 1, { DB_URL: mysqlUrl(database), ENCRYPTION_SECRET: SECRET, DB_MIGRATE: 'false' }));
    await servers[1].start();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await dropDatabase(database);
  });

  it('ends with exactly one row per distinct id, and every acknowledged write stored', async () => {
    const created = await fetch(`${servers[0].baseUrl}/plugins/webhook/connections`, { method: 'POST', body: '{"name":"busy"}' });
    const { id: connectionId, apiKey } = await created.json();
    const acknowledged: { deployment: string; commits: string[]; finished: string }[] = [];
    const statuses = new Map<number, number>();

    const client = async (clientIndex: number) => {
      const server = servers[clientIndex % servers.length];
      for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
        const n = (clientIndex * 7 + i * 13) % DISTINCT_DEPLOYMENTS;
        const deployment = `busy-${n}`;
        const commits = [`sha-${n}`, `sha-${(n + 1) % DISTINCT_DEPLOYMENTS}`];
        const finished = `2024-06-01T10:${String(i).padStart(2, '0')}:${String(clientIndex % 60).padStart(2, '0')}Z`;
        const res = await fetch(`${server.baseUrl}/rest/plugins/webhook/connections/${connectionId}/deployments`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${apiKey.apiKey}` },
          body: JSON.stringify({
            id: deployment,
            startedDate: '2024-06-01T10:00:00Z',
            finishedDate: finished,
            deploymentCommits: commits.map((sha) => ({ repoUrl: 'https://github.com/acme/api', commitSha: sha })),
          }),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) acknowledged.push({ deployment, commits, finished });
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));

    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(CLIENTS * REQUESTS_PER_CLIENT * 0.95);

    const expectedDeployments = new Set(acknowledged.map((a) => a.deployment));
    const expectedCommitRows = new Set(acknowledged.flatMap((a) => a.commits.map((sha) => `${a.deployment}|${sha}`)));
    const admin = await mysqlAdminConnection(database.driver === 'mysql' ? database.database : undefined);
    try {
      const [deployments] = await admin.query('SELECT id FROM cicd_deployments');
      const [commitRows] = await admin.query('SELECT cicd_deployment_id AS d, commit_sha AS s FROM cicd_deployment_commits');
      const storedDeployments = (deployments as { id: string }[]).map((r) => r.id);
      const storedCommitRows = (commitRows as { d: string; s: string }[]).map((r) => `${r.d}|${r.s}`);
      expect(storedDeployments.length).toBe(expectedDeployments.size);
      expect(new Set(storedDeployments)).toEqual(expectedDeployments);
      expect(storedCommitRows.length).toBe(expectedCommitRows.size);
      expect(new Set(storedCommitRows)).toEqual(expectedCommitRows);
    } finally {
      await admin.end();
    }
  }, 180_000);
});
