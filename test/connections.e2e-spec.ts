import { createHmac } from 'crypto';
import request from 'supertest';
import { createTestApp, TEST_ENCRYPTION_SECRET, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { ADMIN, API_REST, count, createConnection, rows } from './utils/webhook-client';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const hmac = (plaintext: string) => createHmac('sha256', TEST_ENCRYPTION_SECRET).update(plaintext).digest('hex');

describe.each(testDrivers())('connections on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver, 'connections');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('create', () => {
    it('returns the connection object with the plaintext key once and writes the four rows', async () => {
      const res = await request(t.http).post(`${ADMIN}/connections`).send({ name: 'ci', ignored: true }).expect(200);
      const id = res.body.id;
      expect(Object.keys(res.body)).toEqual([
        'name', 'id', 'createdAt', 'updatedAt', 'postIssuesEndpoint', 'closeIssuesEndpoint', 'postPullRequestsEndpoint',
        'postPipelineTaskEndpoint', 'postPipelineDeployTaskEndpoint', 'closePipelineEndpoint', 'apiKey',
      ]);
      expect(res.body).toMatchObject({
        name: 'ci',
        postIssuesEndpoint: `/rest/plugins/webhook/connections/${id}/issues`,
        closeIssuesEndpoint: `/rest/plugins/webhook/connections/${id}/issue/:issueKey/close`,
        postPullRequestsEndpoint: `/rest/plugins/webhook/connections/${id}/pull_requests`,
        postPipelineTaskEndpoint: `/rest/plugins/webhook/connections/${id}/cicd_tasks`,
        postPipelineDeployTaskEndpoint: `/rest/plugins/webhook/connections/${id}/deployments`,
        closePipelineEndpoint: `/rest/plugins/webhook/connections/${id}/cicd_pipeline/:pipelineName/finish`,
      });
      expect(res.body.createdAt).toMatch(ISO_MS);
      const key = res.body.apiKey;
      expect(Object.keys(key)).toEqual([
        'id', 'createdAt', 'updatedAt', 'creator', 'creatorEmail', 'updater', 'updaterEmail', 'name', 'apiKey',
        'expiredAt', 'allowedPath', 'type', 'extra',
      ]);
      expect(key).toMatchObject({
        creator: '', creatorEmail: '', updater: '', updaterEmail: '', name: `webhook-${id}`, expiredAt: null,
        allowedPath: `/plugins/webhook/connections/${id}/.*`, type: 'plugin:webhook', extra: `connectionId:${id}`,
      });
      expect(key.apiKey).toMatch(/^[A-Za-z0-9]{128}$/);

      expect(await rows(t, '_tool_webhook_connections', 'id', 'id = ?', [id])).toEqual([
        expect.objectContaining({ id, name: 'ci' }),
      ]);
      const [keyRow] = await rows(t, '_devlake_api_keys', 'id', 'id = ?', [key.id]);
      expect(keyRow).toMatchObject({
        name: `webhook-${id}`, api_key: hmac(key.apiKey), expired_at: null, allowed_path: `/plugins/webhook/connections/${id}/.*`,
        type: 'plugin:webhook', extra: `connectionId:${id}`, creator: '', updater: '', creator_email: '', updater_email: '',
      });
      for (const table of ['cicd_scopes', 'boards']) {
        expect(await rows(t, table, 'id', 'id = ?', [`webhook:${id}`])).toEqual([
          expect.objectContaining({
            id: `webhook:${id}`, name: 'ci', description: '', url: '', created_date: null,
            _raw_data_params: '', _raw_data_table: '', _raw_data_id: 0, _raw_data_remark: '',
          }),
        ]);
      }
    });

    it.each([
      [{}, 'name: is required'],
      [{ name: '' }, 'name: is required'],
      [{ name: null }, 'name: is required'],
      [{ name: 'x'.repeat(101) }, 'name: must be at most 100 characters'],
      [{ name: ' padded' }, 'name: must not start or end with whitespace'],
      [{ name: 42 }, 'name: must be a string'],
    ])('rejects %j with a field cause and writes nothing', async (body, cause) => {
      const before = await count(t, '_devlake_api_keys');
      const res = await request(t.http).post(`${ADMIN}/connections`).send(body).expect(400);
      expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes: [cause], data: null });
      expect(await count(t, '_devlake_api_keys')).toBe(before);
    });

    it('rejects a taken name with DevLake\'s message', async () => {
      await createConnection(t, 'taken');
      const res = await request(t.http).post(`${ADMIN}/connections`).send({ name: 'taken' }).expect(400);
      expect(res.body.message).toBe('A webhook with name taken already exists. (400)');
      expect(await count(t, '_tool_webhook_connections', 'name = ?', ['taken'])).toBe(1);
    });

    it('lets exactly one of two concurrent creates with one name succeed, leaving no orphan key', async () => {
      const keysBefore = await count(t, '_devlake_api_keys');
      const results = await Promise.all([1, 2].map(() => request(t.http).post(`${ADMIN}/connections`).send({ name: 'race' })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      expect(results.find((r) => r.status === 400)!.body.message).toBe('A webhook with name race already exists. (400)');
      expect(await count(t, '_tool_webhook_connections', 'name = ?', ['race'])).toBe(1);
      expect(await count(t, '_devlake_api_keys')).toBe(keysBefore + 1);
    });
  });

  describe('read', () => {
    it('lists connections ascending by id and never shows a plaintext key', async () => {
      const res = await request(t.http).get(`${ADMIN}/connections`).expect(200);
      const ids = res.body.map((c: { id: number }) => c.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      for (const connection of res.body) expect(connection.apiKey).not.toHaveProperty('apiKey');
    });

    it('reads by id (leading zeros allowed) and by name', async () => {
      const c = await createConnection(t, 'reader');
      const byId = await request(t.http).get(`${ADMIN}/connections/00${c.id}`).expect(200);
      const byName = await request(t.http).get(`${ADMIN}/connections/by-name/reader`).expect(200);
      expect(byName.body).toEqual(byId.body);
      expect(byId.body).toMatchObject({ id: c.id, name: 'reader', apiKey: { id: c.keyId, name: `webhook-${c.id}` } });
      expect(byId.body.apiKey).not.toHaveProperty('apiKey');
    });

    it('answers 404 for an unknown id or name and 400 for a malformed id', async () => {
      const missing = await request(t.http).get(`${ADMIN}/connections/999999`).expect(404);
      expect(missing.body).toMatchObject({ message: 'record not found (404)', causes: ['connectionId: no connection 999999'] });
      const missingName = await request(t.http).get(`${ADMIN}/connections/by-name/nobody`).expect(404);
      expect(missingName.body.causes).toEqual(['connectionName: no connection named nobody']);
      const bad = await request(t.http).get(`${ADMIN}/connections/abc`).expect(400);
      expect(bad.body.message).toBe('invalid connectionId (400)');
      await request(t.http).get(`${ADMIN}/connections/0`).expect(400);
    });
  });

  describe('rename', () => {
    it('renames by id and by name, renaming the scope and board rows, keeping the key', async () => {
      const c = await createConnection(t, 'old-name');
      const res = await request(t.http).patch(`${ADMIN}/connections/${c.id}`).send({ name: 'new-name' }).expect(200);
      expect(Object.keys(res.body)).toEqual(['name', 'id', 'createdAt', 'updatedAt']);
      expect(res.body).toMatchObject({ name: 'new-name', id: c.id });
      for (const table of ['cicd_scopes', 'boards']) {
        expect((await rows(t, table, 'id', 'id = ?', [`webhook:${c.id}`]))[0].name).toBe('new-name');
      }
      await request(t.http).patch(`${ADMIN}/connections/by-name/new-name`).send({ name: 'newer-name' }).expect(200);
      expect((await rows(t, '_tool_webhook_connections', 'id', 'id = ?', [c.id]))[0].name).toBe('newer-name');
      expect((await rows(t, '_devlake_api_keys', 'id', 'id = ?', [c.keyId]))[0].api_key).toBe(hmac(c.key));
    });

    it('rejects a name taken by another connection', async () => {
      const a = await createConnection(t, 'rename-a');
      await createConnection(t, 'rename-b');
      const res = await request(t.http).patch(`${ADMIN}/connections/${a.id}`).send({ name: 'rename-b' }).expect(400);
      expect(res.body.message).toBe('the connection name already exists (400)');
      expect((await rows(t, '_tool_webhook_connections', 'id', 'id = ?', [a.id]))[0].name).toBe('rename-a');
    });
  });

  describe('key rotation', () => {
    it('returns a new plaintext key once; the old key is rejected from then on', async () => {
      const c = await createConnection(t, 'rotating');
      await request(t.http).get(`${API_REST}/no-such-route`).set('Authorization', `Bearer ${c.key}`).expect(404);
      const res = await request(t.http).put(`${ADMIN}/connections/${c.id}/api-key`).expect(200);
      expect(res.body).toMatchObject({ id: c.keyId, name: `webhook-${c.id}`, expiredAt: null, type: 'plugin:webhook' });
      expect(res.body.apiKey).toMatch(/^[A-Za-z0-9]{128}$/);
      expect((await rows(t, '_devlake_api_keys', 'id', 'id = ?', [c.keyId]))[0].api_key).toBe(hmac(res.body.apiKey));
      const old = await request(t.http).get(`${API_REST}/no-such-route`).set('Authorization', `Bearer ${c.key}`).expect(403);
      expect(old.body.message).toBe('api key is invalid');
      await request(t.http).get(`${API_REST}/no-such-route`).set('Authorization', `Bearer ${res.body.apiKey}`).expect(404);
    });

    it("rotates through DevLake's PUT /api-keys/:id and by name", async () => {
      const c = await createConnection(t, 'rotating-2');
      const viaCore = await request(t.http).put(`/api-keys/${c.keyId}`).expect(200);
      expect((await rows(t, '_devlake_api_keys', 'id', 'id = ?', [c.keyId]))[0].api_key).toBe(hmac(viaCore.body.apiKey));
      const byName = await request(t.http).put(`${ADMIN}/connections/by-name/rotating-2/api-key`).expect(200);
      expect((await rows(t, '_devlake_api_keys', 'id', 'id = ?', [c.keyId]))[0].api_key).toBe(hmac(byName.body.apiKey));
      expect((await request(t.http).put('/api-keys/abc').expect(400)).body.message).toBe('bad apiKeyId format supplied (400)');
      expect((await request(t.http).put('/api-keys/987654').expect(404)).body.causes).toEqual(['apiKeyId: no api key 987654']);
    });

    it('creates a key row for a connection that has none', async () => {
      const c = await createConnection(t, 'keyless');
      await t.dataSource.query('DELETE FROM _devlake_api_keys WHERE id = ?', [c.keyId]);
      const res = await request(t.http).put(`${ADMIN}/connections/${c.id}/api-key`).expect(200);
      expect(await rows(t, '_devlake_api_keys', 'id', 'extra = ?', [`connectionId:${c.id}`])).toEqual([
        expect.objectContaining({ id: res.body.id, api_key: hmac(res.body.apiKey), type: 'plugin:webhook' }),
      ]);
    });
  });

  describe('delete', () => {
    it('answers 404 for a missing connection', async () => {
      const res = await request(t.http).delete(`${ADMIN}/connections/424242`).expect(404);
      expect(res.body).toMatchObject({ message: 'record not found (404)', causes: ['connectionId: no connection 424242'] });
    });

    it('removes the connection and its key; scope and board rows stay', async () => {
      const c = await createConnection(t, 'deleted');
      const res = await request(t.http).delete(`${ADMIN}/connections/by-name/deleted`).expect(200);
      expect(res.body).toEqual({ code: 0, success: true, message: 'success', causes: null, data: { connectionId: c.id, purged: null } });
      expect(await count(t, '_tool_webhook_connections', 'id = ?', [c.id])).toBe(0);
      expect(await count(t, '_devlake_api_keys', 'extra = ?', [`connectionId:${c.id}`])).toBe(0);
      expect(await count(t, 'cicd_scopes', 'id = ?', [`webhook:${c.id}`])).toBe(1);
      const denied = await request(t.http).get(`${API_REST}/x`).set('Authorization', `Bearer ${c.key}`).expect(403);
      expect(denied.body.message).toBe('api key is invalid');
    });

    it('purges every row the connection wrote, and no row of another connection', async () => {
      const c = await createConnection(t, 'purged');
      await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/purge-project`).expect(200);
      await seedDomainRows(t, c.id);
      const neighbour = Number(`${c.id}0`);
      await seedDomainRows(t, neighbour);
      const res = await request(t.http).delete(`${ADMIN}/connections/${c.id}?purge=TRUE`).expect(200);
      expect(res.body.data).toEqual({
        connectionId: c.id,
        purged: {
          project_incident_deployment_relationships: 1, project_pr_metrics: 1, commits_diffs: 1, _tool_webhook_deployment_commit_shas: 1,
          cicd_deployment_commits: 1, cicd_deployments: 1,
          issues: 1, incidents: 1, issue_assignees: 1, incident_assignees: 1, board_issues: 1, pull_requests: 1,
          boards: 1, cicd_scopes: 1, project_mapping: 3, _tool_webhook_requests: 1,
        },
      });
      for (const table of Object.keys(res.body.data.purged)) {
        expect(await countMentioning(t, table, c.id)).toBe(0);
      }
      expect(await count(t, 'issues', 'id = ?', [`webhook:${neighbour}:I-1`])).toBe(1);
      expect(await count(t, 'cicd_deployments', 'cicd_scope_id = ?', [`webhook:${neighbour}`])).toBe(1);
      expect(await count(t, 'commits_diffs', 'new_commit_sha = ?', [`sha-${neighbour}`])).toBe(1);
      expect(await count(t, 'projects', 'name = ?', ['purge-project'])).toBe(1);
      await request(t.http).delete(`${ADMIN}/connections/${c.id}?purge=true`).expect(404);
    });
  });

  describe('projects', () => {
    it('maps, lists and unmaps a project', async () => {
      const c = await createConnection(t, 'mapped');
      const put = await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/shop`).expect(200);
      expect(put.body.data).toEqual({
        connectionId: c.id, projectName: 'shop',
        mappings: [['cicd_scopes', `webhook:${c.id}`], ['boards', `webhook:${c.id}`], ['repos', `webhook:${c.id}`]],
      });
      expect(await rows(t, 'projects', 'name', 'name = ?', ['shop'])).toEqual([
        expect.objectContaining({ name: 'shop', description: '' }),
      ]);
      const mappingRows = await rows(t, 'project_mapping', '`table`', 'row_id = ?', [`webhook:${c.id}`]);
      expect(mappingRows.map((r) => [r.project_name, r.table, r.row_id, r._raw_data_params])).toEqual([
        ['shop', 'boards', `webhook:${c.id}`, 'shop'],
        ['shop', 'cicd_scopes', `webhook:${c.id}`, 'shop'],
        ['shop', 'repos', `webhook:${c.id}`, 'shop'],
      ]);
      await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/shop`).expect(200);
      expect(await count(t, 'project_mapping', 'row_id = ?', [`webhook:${c.id}`])).toBe(3);
      await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/payments`).expect(200);
      expect((await request(t.http).get(`${ADMIN}/connections/${c.id}/projects`).expect(200)).body.data).toEqual(['payments', 'shop']);

      const del = await request(t.http).delete(`${ADMIN}/connections/${c.id}/projects/shop`).expect(200);
      expect(del.body.data).toEqual({ connectionId: c.id, projectName: 'shop', removed: 3 });
      expect(await count(t, 'project_mapping', 'row_id = ? AND project_name = ?', [`webhook:${c.id}`, 'shop'])).toBe(0);
      expect(await count(t, 'projects', 'name = ?', ['shop'])).toBe(1);
      await request(t.http).delete(`${ADMIN}/connections/${c.id}/projects/shop`).expect(404);
    });

    it('rejects a bad project name and an unknown connection', async () => {
      const c = await createConnection(t, 'mapped-2');
      expect((await request(t.http).put(`${ADMIN}/connections/${c.id}/projects/%20shop`).expect(400)).body.message).toBe(
        'invalid projectName (400)',
      );
      await request(t.http).put(`${ADMIN}/connections/777777/projects/shop`).expect(404);
    });
  });
});

/** One row per purgeable table that belongs to connection `c` (ids as the webhook writes them). */
async function seedDomainRows(t: TestApp, c: number): Promise<void> {
  const scope = `webhook:${c}`;
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
  await q('INSERT INTO cicd_scopes (id, name) VALUES (?, ?)', [scope, 'x']).catch(() => undefined);
  await q('INSERT INTO boards (id, name) VALUES (?, ?)', [scope, 'x']).catch(() => undefined);
  await q('INSERT INTO cicd_deployments (id, cicd_scope_id) VALUES (?, ?)', [`dep-${c}`, scope]);
  await q('INSERT INTO cicd_deployment_commits (id, commit_sha, cicd_scope_id) VALUES (?, ?, ?)', [`${scope}:abc:sha`, `sha-${c}`, scope]);
  await q('INSERT INTO _tool_webhook_deployment_commit_shas (deployment_commit_id, deployment_commit_sha, sorting_index, commit_sha, diff_old_commit_sha) VALUES (?, ?, ?, ?, ?)', [
    `${scope}:abc:sha`, `sha-${c}`, 1, 'x', 'old',
  ]);
  await q('INSERT INTO commits_diffs (new_commit_sha, old_commit_sha, commit_sha, sorting_index) VALUES (?, ?, ?, ?)', [`sha-${c}`, 'old', 'x', 1]);
  await q('INSERT INTO issues (id, issue_key) VALUES (?, ?)', [`${scope}:I-1`, 'I-1']);
  await q('INSERT INTO incidents (id, incident_key) VALUES (?, ?)', [`${scope}:I-1`, 'I-1']);
  await q('INSERT INTO issue_assignees (issue_id, assignee_id) VALUES (?, ?)', [`${scope}:I-1`, `${scope}:u`]);
  await q('INSERT INTO incident_assignees (incident_id, assignee_id) VALUES (?, ?)', [`${scope}:I-1`, `${scope}:u`]);
  await q('INSERT INTO board_issues (board_id, issue_id) VALUES (?, ?)', [scope, `${scope}:I-1`]);
  await q('INSERT INTO pull_requests (id, base_repo_id) VALUES (?, ?)', [`${scope}:pr-1`, scope]);
  await q('INSERT INTO project_incident_deployment_relationships (id, project_name, deployment_id) VALUES (?, ?, ?)', [`${scope}:I-1`, 'p', `dep-${c}`]);
  await q('INSERT INTO project_pr_metrics (id, project_name) VALUES (?, ?)', [`${scope}:pr-1`, 'p']);
  await q('INSERT INTO _tool_webhook_requests (connection_id, method) VALUES (?, ?)', [c, 'POST']);
}

async function countMentioning(t: TestApp, table: string, c: number): Promise<number> {
  const scope = `webhook:${c}`;
  const where: Record<string, [string, unknown[]]> = {
    project_incident_deployment_relationships: ['deployment_id = ?', [`dep-${c}`]],
    project_pr_metrics: ['id = ?', [`${scope}:pr-1`]],
    commits_diffs: ['new_commit_sha = ?', [`sha-${c}`]],
    _tool_webhook_deployment_commit_shas: ['deployment_commit_sha = ?', [`sha-${c}`]],
    cicd_deployment_commits: ['cicd_scope_id = ?', [scope]],
    cicd_deployments: ['cicd_scope_id = ?', [scope]],
    issues: ['id = ?', [`${scope}:I-1`]],
    incidents: ['id = ?', [`${scope}:I-1`]],
    issue_assignees: ['issue_id = ?', [`${scope}:I-1`]],
    incident_assignees: ['incident_id = ?', [`${scope}:I-1`]],
    board_issues: ['board_id = ?', [scope]],
    pull_requests: ['base_repo_id = ?', [scope]],
    boards: ['id = ?', [scope]],
    cicd_scopes: ['id = ?', [scope]],
    project_mapping: ['row_id = ?', [scope]],
    _tool_webhook_requests: ['connection_id = ?', [c]],
  };
  return count(t, table, ...where[table]);
}
