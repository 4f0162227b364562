import request from 'supertest';
import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import { clearMetricsData, insertDeployments, insertIncidents, mappedConnection, metricsData, refreshScope } from './utils/metrics-fixtures';
import { ADMIN, createConnection } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

const envelope400 = (causes: string[]) => ({ code: 400, success: false, message: 'input json error (400)', causes, data: null });

describe.each(testDrivers())('DORA routes on %s (metrics.md §1)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_api');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  const get = (path: string, query: Record<string, string> = {}) => request(t.http).get(`${ADMIN}/${path}`).query(query);

  describe('query parameters', () => {
    it.each([
      [{ from: '2024-05-01', to: '2024-04-01' }, ['from: must not be after to']],
      [{ report: '2022' }, ['report: must be one of 2023, 2021']],
      [{ report: '' }, ['report: must be one of 2023, 2021']],
      [{ from: 'yesterday' }, ['from: "yesterday" is not a supported time']],
      [{ to: '2024-02-30' }, ['to: "2024-02-30" is not a valid date']],
      [{ from: '' }, ['from: must not be empty']],
      [{ to: '1577880000' }, ['to: "1577880000" is not a supported time']],
      [{ to: '2101-01-01' }, ['to: must be between 1970-01-01 and 2100-12-31']],
      [{ from: 'x', to: 'y', report: '1999' }, ['from: "x" is not a supported time', 'to: "y" is not a supported time', 'report: must be one of 2023, 2021']],
      [{ from: '2030-01-01' }, ['from: must not be after to']],
    ])('%j → 400 %j', async (query, causes) => {
      for (const path of ['dora/projects/p1', 'connections/1/dora']) {
        const res = await get(path, query);
        expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: envelope400(causes) });
      }
    });

    it('defaults: report 2023, to = now, from = to − 6 calendar months clamped to the month end', async () => {
      t.clock.set('2024-08-31T10:00:00.123Z');
      const data = await metricsData(t, 'dora/projects/p1');
      expect(data).toMatchObject({ report: '2023', from: '2024-02-29T10:00:00.123Z', to: '2024-08-31T10:00:00.123Z' });
      expect(Object.keys(data)).toEqual(['scope', 'report', 'from', 'to', 'metrics']);
      expect(await metricsData(t, 'connections/1/dora', { from: '2024-06-01' })).toMatchObject({
        from: '2024-06-01T00:00:00.000Z', to: '2024-08-31T10:00:00.123Z',
      });
      expect(await metricsData(t, 'dora/projects/p1', { to: '2024-03-31T12:00:00Z' })).toMatchObject({
        from: '2023-09-30T12:00:00.000Z', to: '2024-03-31T12:00:00.000Z',
      });
      expect(await metricsData(t, 'metrics/issues/projects/p1')).toMatchObject({ from: '2024-02-29T10:00:00.123Z', to: '2024-08-31T10:00:00.123Z' });
    });

    it('times take the formats of api.md §4.3; from = to is a valid window; other parameters are ignored', async () => {
      const data = await metricsData(t, 'dora/projects/p1', { from: '2024-03-01T00:00:00+02:00', to: '2024-03-01 12:00', extra: 'x' });
      expect(data).toMatchObject({ from: '2024-02-29T22:00:00.000Z', to: '2024-03-01T12:00:00.000Z' });
      await get('dora/projects/p1', { from: '2024-03-01', to: '2024-03-01' }).expect(200);
    });
  });

  it('unknown project or connection → 404 (checked before the query); a malformed connection id → 400', async () => {
    const project = await get('dora/projects/nope', { report: 'bad' });
    expect({ status: project.status, body: project.body }).toEqual({
      status: 404, body: { code: 404, success: false, message: 'record not found (404)', causes: ['projectName: no project nope'], data: null },
    });
    const connection = await get('connections/42/dora');
    expect(connection.status).toBe(404);
    expect(connection.body.causes).toEqual(['connectionId: no connection 42']);
    const malformed = await get('connections/abc/dora');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('invalid connectionId (400)');
  });

  it('served on every admin mount, with percent-decoded project names', async () => {
    await request(t.http).put(`${ADMIN}/connections/1/projects/${encodeURIComponent('a b/c')}`).expect(200);
    const res = await request(t.http).get(`/api/plugins/webhook/dora/projects/${encodeURIComponent('a b/c')}`).expect(200);
    expect(res.body.data.scope).toEqual({ project: 'a b/c' });
    await request(t.http).get('/api/plugins/webhook/connections/1/metrics/issues').expect(200);
  });

  it('the window includes both ends at instant precision', async () => {
    await insertDeployments(t, [
      { deployment: 'A', finished: '2024-03-01 00:00:00' },
      { deployment: 'B', finished: '2024-03-10 12:00:00' },
      { deployment: 'C', finished: '2024-03-10 12:00:01' },
    ]);
    const df = (await metricsData(t, 'dora/projects/p1', { from: '2024-03-01', to: '2024-03-10T12:00:00Z' })).metrics.deploymentFrequency;
    expect(df.details.deployments).toBe(2);
  });

  it('Q13: derived rows are read per project — another project sharing the deployment cannot blame it here', async () => {
    const other = await mappedConnection(t, 'c2', ['p2']);
    await request(t.http).put(`${ADMIN}/connections/1/projects/p2`).expect(200);
    await insertDeployments(t, [{ deployment: 'D', finished: '2024-03-05 10:00' }]);
    await insertIncidents(t, [{ id: 'I-own', created: '2024-02-01 10:00' }]);
    await insertIncidents(t, [{ id: 'I-other', created: '2024-03-06 10:00', resolved: '2024-03-06 12:00', lead: 120 }], other);
    await refreshScope(t);
    await refreshScope(t, other);
    const march = { from: '2024-03-01', to: '2024-03-31T23:59:59Z' };
    const p1 = (await metricsData(t, 'dora/projects/p1', march)).metrics;
    const p2 = (await metricsData(t, 'dora/projects/p2', march)).metrics;
    expect([p1.changeFailureRate.value, p1.changeFailureRate.details.failedDeployments]).toEqual([0, 0]);
    expect([p2.changeFailureRate.value, p2.changeFailureRate.details.failedDeployments]).toEqual([1, 1]);
    expect(p2.failedDeploymentRecoveryTime.value).toBe(1560);
    expect(p1.failedDeploymentRecoveryTime.naReason).toBe('No data');
  });
});

describe.each(testDrivers())('DORA routes on %s with admin credentials configured', (driver) => {
  const admin = { username: 'admin', password: 'pa55word' };
  let t: TestAppWithClock;
  let key: string;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_auth', { ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password });
    const connection = await createConnection(t, 'c1', admin);
    key = connection.key;
    await request(t.http).put(`${ADMIN}/connections/${connection.id}/projects/p1`).auth(admin.username, admin.password).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('needs admin credentials; a webhook key gets 403 on every mount', async () => {
    const paths = ['dora/projects/p1', 'connections/1/dora', 'metrics/issues/projects/p1', 'connections/1/metrics/issues'];
    for (const path of paths) {
      await request(t.http).get(`${ADMIN}/${path}`).auth(admin.username, admin.password).expect(200);
      expect((await request(t.http).get(`${ADMIN}/${path}`)).status).toBe(401);
      for (const mount of ['', '/rest', '/api/rest']) {
        const res = await request(t.http).get(`${mount}/plugins/webhook/${path}`).set('Authorization', `Bearer ${key}`);
        expect({ status: res.status, message: res.body.message }).toEqual({ status: 403, message: "path doesn't match api key's scope" });
      }
    }
  });
});
