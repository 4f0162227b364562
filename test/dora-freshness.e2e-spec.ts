import request from 'supertest';
import { DoraRefreshService } from '@app/dora';
import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import { clearMetricsData, insertDeployments, insertIncidents, mappedConnection, metricsData, refreshScope } from './utils/metrics-fixtures';
import { ADMIN, rows } from './utils/webhook-client';
import { DerivedDataCatchUp } from '../libs/webhook/src/ingestion/derived-data-catch-up';
import { testDrivers } from './utils/test-databases';

const MARCH = { from: '2024-03-01', to: '2024-03-31T23:59:59Z' };

/** metrics.md §4.5: derived rows equal a full recomputation after every refresh; connections compute at read time. */
describe.each(testDrivers())('DORA freshness on %s (metrics.md §4.5, Q18)', (driver) => {
  let t: TestAppWithClock;
  let key: string;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_freshness');
    const res = await request(t.http).post(`${ADMIN}/connections`).send({ name: 'c1' }).expect(200);
    key = res.body.apiKey.apiKey;
    await request(t.http).put(`${ADMIN}/connections/1/projects/p1`).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  it('a connection scope is computed from its rows at read time, with nothing stored', async () => {
    await insertDeployments(t, [{ deployment: 'D1', finished: '2024-03-05 10:00' }]);
    const before = (await metricsData(t, 'connections/1/dora', MARCH)).metrics;
    expect(before.changeFailureRate.naReason).toBe('N/A. Please check if you have collected incidents.');
    await insertIncidents(t, [{ id: 'I1', created: '2024-03-05 11:00', resolved: '2024-03-05 13:00', lead: 120 }]);
    const after = (await metricsData(t, 'connections/1/dora', MARCH)).metrics;
    expect(after.changeFailureRate).toMatchObject({ value: 1, label: '100.0%(low)' });
    expect(after.failedDeploymentRecoveryTime).toMatchObject({ value: 180, label: '3.0(high)' });
    expect(await rows(t, 'project_incident_deployment_relationships')).toEqual([]);
  });

  it('refreshForScopes recomputes every project mapped to the written scope, and only those', async () => {
    await mappedConnection(t, 'c2', ['p2']);
    await request(t.http).put(`${ADMIN}/connections/1/projects/p3`).expect(200);
    await insertDeployments(t, [{ deployment: 'D1', finished: '2024-03-05 10:00' }]);
    await insertIncidents(t, [{ id: 'I1', created: '2024-03-05 11:00' }]);
    await t.app.get(DoraRefreshService).refreshForScopes(['webhook:1']);
    const links = await rows(t, 'project_incident_deployment_relationships', 'project_name');
    expect(links.map((row) => [row.project_name, row.id, row.deployment_id])).toEqual([
      ['p1', 'I1', 'D1'],
      ['p3', 'I1', 'D1'],
    ]);
    expect((await metricsData(t, 'dora/projects/p1', MARCH)).metrics.changeFailureRate.value).toBe(1);
  });

  it('after an unmapping, refreshProjects empties the project rows', async () => {
    await request(t.http).put(`${ADMIN}/connections/1/projects/p4`).expect(200);
    await insertDeployments(t, [{ deployment: 'D1', finished: '2024-03-05 10:00' }]);
    await insertIncidents(t, [{ id: 'I1', created: '2024-03-05 11:00' }]);
    await refreshScope(t);
    expect(await rows(t, 'project_incident_deployment_relationships', 'id', 'project_name = ?', ['p4'])).toHaveLength(1);
    const refresh = t.app.get(DoraRefreshService);
    const projects = await refresh.projectsForScopes(['webhook:1']);
    await request(t.http).delete(`${ADMIN}/connections/1/projects/p4`).expect(200);
    await refresh.refreshProjects(projects);
    expect(await rows(t, 'project_incident_deployment_relationships', 'id', 'project_name = ?', ['p4'])).toEqual([]);
    expect(await rows(t, 'project_incident_deployment_relationships', 'id', 'project_name = ?', ['p1'])).toHaveLength(1);
  });

  it('a failed refresh never throws; the project is repaired before its next read', async () => {
    await insertDeployments(t, [{ deployment: 'D1', finished: '2024-03-05 10:00' }]);
    await insertIncidents(t, [{ id: 'I1', created: '2024-03-05 11:00' }]);
    await t.dataSource.query('ALTER TABLE project_pr_metrics RENAME TO project_pr_metrics_away');
    try {
      await expect(t.app.get(DoraRefreshService).refreshForScopes(['webhook:1'])).resolves.toBeUndefined();
    } finally {
      await t.dataSource.query('ALTER TABLE project_pr_metrics_away RENAME TO project_pr_metrics');
    }
    expect(await rows(t, 'project_incident_deployment_relationships')).toEqual([]);
    expect((await metricsData(t, 'dora/projects/p1', MARCH)).metrics.changeFailureRate.value).toBe(1);
    expect(await rows(t, 'project_incident_deployment_relationships')).toHaveLength(1);
  });

  it('a repair that fails is tried again by a read only minutes later, not by every read', async () => {
    const refresh = t.app.get(DoraRefreshService);
    const failing = jest.spyOn(refresh, 'refreshProject').mockRejectedValue(new Error('transaction deadline exceeded'));
    try {
      await refresh.refreshProjects(['p1']);
      await metricsData(t, 'dora/projects/p1', MARCH);
      await metricsData(t, 'dora/projects/p1', MARCH);
      expect(failing).toHaveBeenCalledTimes(2);
    } finally {
      failing.mockRestore();
    }
    await refresh.refreshProject('p1');
    await insertDeployments(t, [{ deployment: 'D1', finished: '2024-03-05 10:00' }]);
    await insertIncidents(t, [{ id: 'I1', created: '2024-03-05 11:00' }]);
    await refresh.refreshProjects(['p1']);
    expect(await rows(t, 'project_incident_deployment_relationships')).toHaveLength(1);
  });

  const postPullRequest = () =>
    request(t.http)
      .post('/api/rest/plugins/webhook/1/pull_requests')
      .set('Authorization', `Bearer ${key}`)
      .send({ pullRequestKey: 7, displayTitle: 'change', status: 'MERGED', createdDate: '2024-03-04T10:00:00Z', mergedDate: '2024-03-05T10:00:00Z', mergeCommitSha: 'abc' });

  it('a write records its change for its projects in its own transaction: one that cannot stores nothing (issue 10)', async () => {
    await t.dataSource.query('ALTER TABLE _webhook_derived_pending RENAME TO _webhook_derived_pending_away');
    try {
      const res = await postPullRequest();
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ success: false });
    } finally {
      await t.dataSource.query('ALTER TABLE _webhook_derived_pending_away RENAME TO _webhook_derived_pending');
    }
    expect(await rows(t, 'pull_requests')).toEqual([]);
  });

  it('a change whose application fails stays pending, and the project\'s next read applies it (issue 10)', async () => {
    await t.dataSource.query('ALTER TABLE project_pr_metrics RENAME TO project_pr_metrics_away');
    try {
      await postPullRequest().expect(200);
      await t.app.get(DerivedDataCatchUp).flush();
      expect((await rows(t, '_webhook_derived_pending')).map((row) => row.project_name)).toContain('p1');
    } finally {
      await t.dataSource.query('ALTER TABLE project_pr_metrics_away RENAME TO project_pr_metrics');
    }
    expect(await rows(t, 'project_pr_metrics')).toEqual([]);
    await metricsData(t, 'dora/projects/p1', MARCH);
    expect((await rows(t, 'project_pr_metrics', '1', 'project_name = ?', ['p1']))).toHaveLength(1);
    expect(await rows(t, '_webhook_derived_pending', '1', 'project_name = ?', ['p1'])).toEqual([]);
  });

  it('a write\'s derived rows follow in the background, without any read (issue 10)', async () => {
    await postPullRequest().expect(200);
    for (let tries = 0; (await rows(t, 'project_pr_metrics', '1', 'project_name = ?', ['p1'])).length === 0; tries++) {
      if (tries >= 100) throw new Error('the derived row was not written within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await rows(t, '_webhook_derived_pending', '1', 'project_name = ?', ['p1'])).toEqual([]);
  });

  describe('acceptance 2: a deployment then an incident pushed through the webhook', () => {
    const post = (path: string, body: object) =>
      request(t.http).post(`/api/rest/plugins/webhook/1/${path}`).set('Authorization', `Bearer ${key}`).send(body).expect(200);

    async function pushDeploymentThenIncident() {
      await post('deployments', {
        commit_sha: 'abc', repo_url: 'https://git.example/r1', start_time: '2024-03-05T09:00:00Z', end_time: '2024-03-05T10:00:00Z',
      });
      await post('issues', {
        issue_key: 'INC-1', title: 'outage', type: 'INCIDENT', status: 'DONE',
        created_date: '2024-03-05T11:00:00Z', resolution_date: '2024-03-05T13:00:00Z',
      });
    }

    it('connection route: change failure rate and recovery time change at once', async () => {
      const before = (await metricsData(t, 'connections/1/dora', MARCH)).metrics;
      expect(before.changeFailureRate.value).toBeNull();
      await pushDeploymentThenIncident();
      const after = (await metricsData(t, 'connections/1/dora', MARCH)).metrics;
      expect(after.changeFailureRate).toMatchObject({ value: 1, details: { deployments: 1, failedDeployments: 1, incidents: 1 } });
      expect(after.failedDeploymentRecoveryTime).toMatchObject({ value: 180, details: { pairs: 1 } });
    });

    it('project route: the same, with no other call (each write updates its project\'s derived rows)', async () => {
      await pushDeploymentThenIncident();
      const after = (await metricsData(t, 'dora/projects/p1', MARCH)).metrics;
      expect(after.changeFailureRate).toMatchObject({ value: 1, details: { deployments: 1, failedDeployments: 1, incidents: 1 } });
      expect(after.failedDeploymentRecoveryTime).toMatchObject({ value: 180, details: { pairs: 1 } });
    });
  });
});
