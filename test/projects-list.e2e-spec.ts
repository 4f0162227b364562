import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { testDrivers } from './utils/test-databases';
import { ADMIN, API_REST, createConnection, rows } from './utils/webhook-client';

/** `GET projects` (not in the spec; added for the console's project pickers). */
describe.each(testDrivers())('the project list on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(driver, 'projects_list');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every project by name with the webhook connections mapped to it', async () => {
    expect((await request(t.http).get(`${ADMIN}/projects`).expect(200)).body).toEqual({
      code: 0, success: true, message: 'success', causes: null, data: [],
    });
    const ci = await createConnection(t, 'ci');
    const ops = await createConnection(t, 'ops');
    await request(t.http).put(`${ADMIN}/connections/${ops.id}/projects/shop`).expect(200);
    await request(t.http).put(`${ADMIN}/connections/${ci.id}/projects/shop`).expect(200);
    await request(t.http).put(`${ADMIN}/connections/${ci.id}/projects/payments`).expect(200);
    await request(t.http).delete(`${ADMIN}/connections/${ci.id}/projects/payments`).expect(200);
    // A DevLake project with a mapping of another plugin: listed, without webhook connections.
    await t.dataSource.query(
      "INSERT INTO project_mapping (project_name, `table`, row_id, created_at, updated_at, _raw_data_params, _raw_data_table, _raw_data_id, _raw_data_remark) VALUES ('payments', 'repos', 'github:GithubRepo:1:42', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '', '', 0, '')",
    );

    const res = await request(t.http).get(`/api${ADMIN}/projects`).expect(200);
    expect(res.body.data).toEqual([
      { name: 'payments', connectionIds: [] },
      { name: 'shop', connectionIds: [ci.id, ops.id].sort((a, b) => a - b) },
    ]);
    expect((await rows(t, 'projects', 'name')).map((row) => row.name)).toEqual(['payments', 'shop']);
  });

  it('is an admin route: a webhook key gets 403', async () => {
    const { key } = await createConnection(t, 'keyed');
    const res = await request(t.http).get(`${API_REST}/projects`).set('Authorization', `Bearer ${key}`).expect(403);
    expect(res.body.message).toBe("path doesn't match api key's scope");
  });
});
