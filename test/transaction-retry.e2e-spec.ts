import { TransactionRunner } from '../libs/webhook/src/common/database';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { API, count, createConnection, CreatedConnection, postWithKey } from './utils/webhook-client';

const runOnMysql = testDrivers().includes('mysql') ? describe : describe.skip;

/** A deadlock as mysql2 reports it (errno 1213; Galera's certification conflicts surface as this too). */
function deadlock(): Error {
  return Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });
}

runOnMysql('transaction retries and lock rows on MariaDB (issue 17)', () => {
  let t: TestApp;
  let connection: CreatedConnection;

  beforeAll(async () => {
    t = await createTestApp('mysql', 'txretry');
    connection = await createConnection(t, 'retry');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('re-runs the whole unit of work through 8 deadlocks in a row and commits it once', async () => {
    const runner = t.app.get(TransactionRunner, { strict: false });
    let attempts = 0;
    await runner.run(async (manager) => {
      attempts++;
      await manager.query(`INSERT INTO cicd_scopes (id, name) VALUES ('retry-scope', ?) ON DUPLICATE KEY UPDATE name = VALUES(name)`, [`attempt ${attempts}`]);
      if (attempts <= 8) throw deadlock();
    });
    expect(attempts).toBe(9);
    expect(await t.dataSource.query(`SELECT name FROM cicd_scopes WHERE id = 'retry-scope'`)).toEqual([{ name: 'attempt 9' }]);
  });

  it('a deployment write bumps the lock rows of its deployment id and repository', async () => {
    const body = {
      pipeline_id: 'lock-row-1',
      repo_url: 'https://github.com/acme/locks',
      commit_sha: 'a'.repeat(40),
      environment: 'PRODUCTION',
      result: 'SUCCESS',
      start_time: '2026-01-01T00:00:00Z',
    };
    await postWithKey(t, connection.key, `${API}/connections/${connection.id}/deployments`, body).expect(200);
    expect(await count(t, '_webhook_locks', 'version = 1')).toBe(2);
    await postWithKey(t, connection.key, `${API}/connections/${connection.id}/deployments`, body).expect(200);
    expect(await count(t, '_webhook_locks', 'version = 2')).toBe(2);
    expect(await count(t, 'cicd_deployment_commits')).toBe(1);
  });
});
