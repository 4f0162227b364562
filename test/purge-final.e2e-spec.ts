import request from 'supertest';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../src/create-app';
import { DatabaseTarget } from '../src/config';
import { createTestApp, TEST_ENCRYPTION_SECRET, TestApp } from './utils/create-test-app';
import { freePort } from './utils/free-port';
import { ServerProcess } from './utils/server-process';
import { API, createConnection, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const ADMIN = '/plugins/webhook';
const R1 = 'https://github.com/acme/r1';
const deployment = (i: number) => ({
  id: `d${i}`,
  startedDate: '2024-01-01T00:00:00Z',
  finishedDate: new Date(Date.UTC(2024, 0, 1, 1) + i * 60_000).toISOString(),
  deploymentCommits: [{ repoUrl: R1, commitSha: `sha-${i}` }],
});
const issue = (i: number) => ({ issue_key: `K${i}`, title: 't', status: 'TODO', created_date: '2024-03-01T00:00:00Z', type: i % 4 === 1 ? 'INCIDENT' : 'BUG' });

/** Rows of every table that a connection's writes touch, counted for its scope. */
async function rowsOfScope(t: TestApp, connectionId: number): Promise<Record<string, number>> {
  const scope = `webhook:${connectionId}`;
  const prefix = [scope.length + 1, `${scope}:`];
  const count = async (table: string, where: string, params: unknown[]) => Number((await selectRows(t, `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
  return {
    cicd_deployments: await count('cicd_deployments', 'cicd_scope_id = ?', [scope]),
    cicd_deployment_commits: await count('cicd_deployment_commits', 'cicd_scope_id = ?', [scope]),
    issues: await count('issues', 'substr(id, 1, ?) = ?', prefix),
    incidents: await count('incidents', 'substr(id, 1, ?) = ?', prefix),
    issue_assignees: await count('issue_assignees', 'substr(issue_id, 1, ?) = ?', prefix),
    board_issues: await count('board_issues', 'board_id = ?', [scope]),
    boards: await count('boards', 'id = ?', [scope]),
    cicd_scopes: await count('cicd_scopes', 'id = ?', [scope]),
    project_mapping: await count('project_mapping', 'row_id = ?', [scope]),
    _tool_webhook_requests: await count('_tool_webhook_requests', 'connection_id = ?', [connectionId]),
  };
}

function mysqlUrl(target: DatabaseTarget): string {
  if (target.driver !== 'mysql') throw new Error('mysql only');
  return `mysql://${target.username}:${encodeURIComponent(target.password)}@${target.host}:${target.port}/${target.database}`;
}

const NONE = { cicd_deployments: 0, cicd_deployment_commits: 0, issues: 0, incidents: 0, issue_assignees: 0, board_issues: 0, boards: 0, cicd_scopes: 0, project_mapping: 0, _tool_webhook_requests: 0 };

describe.each(testDrivers())('issue 11.4: a purge is final while clients post, on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;
  /** A second server on the same database (MySQL only): its own pool and its own caches, as another process has. */
  let other: NestExpressApplication | undefined;
  /** And a real second process (MySQL only). */
  let child: ServerProcess | undefined;

  beforeEach(async () => {
    t = await createTestApp(driver, 'purge_final');
    c1 = await createConnection(t, 'ci');
    if (driver === 'mysql') {
      other = await createApp(t.config);
      await other.init();
      child = new ServerProcess(await freePort(), { DB_URL: mysqlUrl(t.database), ENCRYPTION_SECRET: TEST_ENCRYPTION_SECRET, DB_MIGRATE: 'false' });
      await child.start();
    }
  }, 120_000);
  afterEach(async () => {
    await child?.stop('SIGKILL');
    child = undefined;
    await other?.close();
    other = undefined;
    await t.close();
  });

  it('posts racing DELETE …?purge=true leave no row of the connection, and later posts write none', async () => {
    const servers = [t.http, ...(other ? [other.getHttpServer()] : []), ...(child ? [child.baseUrl] : [])];
    // Warm every server's connection and key caches, as a busy production day has them.
    for (const [n, http] of servers.entries()) {
      await request(http).post(`${API}/${c1.id}/deployments`).set('Authorization', `Bearer ${c1.key}`).send(deployment(1000 + n)).expect(200);
    }
    const post = (i: number) => {
      const http = servers[i % servers.length];
      const call = request(http).post(i % 2 === 0 ? `${API}/${c1.id}/deployments` : `${API}/connections/${c1.id}/issues`).set('Authorization', `Bearer ${c1.key}`);
      return call.send(i % 2 === 0 ? deployment(i) : issue(i)).then((res) => res.status);
    };
    const firstWave = Array.from({ length: 24 }, (_, i) => post(i));
    await firstWave[0];
    const purge = request(t.http).delete(`${ADMIN}/connections/${c1.id}?purge=true`);
    const secondWave = Array.from({ length: 24 }, (_, i) => post(24 + i));
    const purged = await purge;
    expect(purged.status).toBe(200);
    const statuses = await Promise.all([...firstWave, ...secondWave]);
    expect(statuses.filter((status) => ![200, 401, 403, 404].includes(status))).toEqual([]);

    expect(await rowsOfScope(t, c1.id)).toEqual(NONE);
    const late = await Promise.all(servers.map((_, n) => post(100 + n)));
    expect(late.filter((status) => status === 200)).toEqual([]);
    expect(await rowsOfScope(t, c1.id)).toEqual(NONE);
  });
});
