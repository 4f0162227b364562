import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import {
  clearMetricsData,
  dbTime,
  insertDeployments,
  insertPullRequests,
  mappedConnection,
  metricsData,
  refreshScope,
} from './utils/metrics-fixtures';
import { rows } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

/** metrics.md §8 P1: a chain of four successful production deployments and its previous-success ids. */
const P1 = [
  { deployment: 'dA', finished: '2024-03-01 12:00', sha: 'm0', prev: '' },
  { deployment: 'dB', finished: '2024-03-04 23:00', sha: 'm1', prev: 'dA:m0' },
  { deployment: 'dC', finished: '2024-03-07 10:00', sha: 'm2', prev: 'dB:m1' },
  { deployment: 'dD', finished: '2024-04-01 02:00', sha: 'm3', prev: 'dC:m2' },
];

/** LT1's pull requests (base repo webhook:1, author alice). */
const LT1 = [
  { id: 'PR0', created: '2024-02-28 09:00', merged: '2024-02-29 09:00', mergeSha: 'm0' },
  { id: 'PR1', created: '2024-03-04 09:00', merged: '2024-03-04 15:00', mergeSha: 'm1' },
  { id: 'PR2', created: '2024-03-05 10:00', merged: '2024-03-06 10:00', mergeSha: 'm2' },
  { id: 'PR3', created: '2024-03-06 11:00', merged: '2024-03-06 12:00', mergeSha: 'mX' },
  { id: 'PR4', created: '2024-03-31 20:00', merged: '2024-03-31 22:00', mergeSha: 'm3' },
  { id: 'PR5', created: '2024-03-10 10:00', merged: null, mergeSha: 'm9' },
];

const WINDOW = { from: '2024-03-01', to: '2024-04-30T23:59:59Z' };
const SCOPES = ['dora/projects/p1', 'connections/1/dora'];

const metricRow = (id: string, link: string, deployed: string | null, deploy: number | null, cycle: number) =>
  expect.objectContaining({
    id, project_name: 'p1', deployment_commit_id: link, pr_deployed_date: dbTime(deployed), pr_deploy_time: deploy,
    pr_cycle_time: cycle, pr_coding_time: null, pr_pickup_time: null, pr_review_time: null,
  });

describe.each(testDrivers())('DORA lead time for changes on %s (metrics.md §4.3, §5.2, §8 P1, LT1)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_lead_time');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
    await insertDeployments(t, P1);
    await insertPullRequests(t, LT1);
  });

  it('LT1, webhook data only: project_pr_metrics as the spec table; PR5 (unmerged) has no row', async () => {
    await refreshScope(t);
    expect(await rows(t, 'project_pr_metrics', 'id')).toEqual([
      metricRow('PR0', '', null, null, 1440),
      metricRow('PR1', 'dB:m1', '2024-03-04 23:00', 480, 840),
      metricRow('PR2', 'dC:m2', '2024-03-07 10:00', 1440, 2880),
      metricRow('PR3', '', null, null, 60),
      metricRow('PR4', 'dD:m3', '2024-04-01 02:00', 240, 360),
    ]);
    const [pr1] = await rows(t, 'project_pr_metrics', 'id', 'id = ?', ['PR1']);
    expect(pr1).toMatchObject({
      pr_created_date: '2024-03-04 09:00:00.000', pr_merged_date: '2024-03-04 15:00:00.000',
      first_commit_sha: null, first_review_id: null, _raw_data_params: '', _raw_data_table: '', _raw_data_id: 0,
    });
  });

  it('LT1: B3 of [840, 2880, 360] = 840 min — 2023 14.0(elite), 2021 14.0(high); monthly 14.0 h and 6.0 h', async () => {
    await refreshScope(t);
    for (const path of SCOPES) {
      const ltc2023 = (await metricsData(t, path, WINDOW)).metrics.leadTimeForChanges;
      expect(ltc2023).toEqual({
        metric: 'leadTimeForChanges', value: 840, unit: 'minutes', level: 'elite', label: '14.0(elite)',
        benchmark: 'Less than one day(elite)', naReason: null, details: { pullRequests: 3 },
        series: { monthly: [{ bucket: '24/03', value: 14 }, { bucket: '24/04', value: 6 }] },
      });
      const ltc2021 = (await metricsData(t, path, { ...WINDOW, report: '2021' })).metrics.leadTimeForChanges;
      expect(ltc2021).toMatchObject({ value: 840, level: 'high', label: '14.0(high)', benchmark: 'Less than one week(high)' });
    }
  });

  it('LT1 in a shared DevLake database: coding, pickup and review from its tables; PR2 cycle 4320', async () => {
    await t.dataSource.query(
      'CREATE TABLE pull_request_commits (commit_sha varchar(40), pull_request_id varchar(255), commit_authored_date datetime(3))',
    );
    await t.dataSource.query(
      'CREATE TABLE pull_request_comments (id varchar(255), pull_request_id varchar(255), account_id varchar(255), created_date datetime(3))',
    );
    try {
      await t.dataSource.query('INSERT INTO pull_request_commits VALUES (?, ?, ?), (?, ?, ?)', [
        'c2', 'PR2', dbTime('2024-03-05 09:00'), 'c1', 'PR2', dbTime('2024-03-04 10:00'),
      ]);
      await t.dataSource.query('INSERT INTO pull_request_comments VALUES (?, ?, ?, ?), (?, ?, ?, ?)', [
        'k1', 'PR2', 'alice', dbTime('2024-03-05 10:10:00'), 'k2', 'PR2', 'bob', dbTime('2024-03-05 10:30:30'),
      ]);
      await refreshScope(t);
      const [pr2] = await rows(t, 'project_pr_metrics', 'id', 'id = ?', ['PR2']);
      expect(pr2).toMatchObject({
        first_commit_sha: 'c1', first_commit_authored_date: '2024-03-04 10:00:00.000', pr_coding_time: 1440,
        first_review_id: 'k2', first_comment_date: '2024-03-05 10:30:30.000', pr_pickup_time: 31, pr_review_time: 1410,
        deployment_commit_id: 'dC:m2', pr_deploy_time: 1440, pr_cycle_time: 4320,
      });
      const [pr1] = await rows(t, 'project_pr_metrics', 'id', 'id = ?', ['PR1']);
      expect(pr1).toMatchObject({ first_commit_sha: null, pr_coding_time: null, pr_pickup_time: null, pr_cycle_time: 840 });
      for (const path of SCOPES) {
        const ltc = (await metricsData(t, path, WINDOW)).metrics.leadTimeForChanges;
        expect(ltc).toMatchObject({ value: 840, label: '14.0(elite)', details: { pullRequests: 3 } });
      }
    } finally {
      await t.dataSource.query('DROP TABLE pull_request_commits');
      await t.dataSource.query('DROP TABLE pull_request_comments');
    }
  });

  it('§4.2: a redeploy of the same SHA ships nothing, and the first of a chain ships nothing (Q11)', async () => {
    await insertDeployments(t, [
      { deployment: 'dX', finished: '2024-04-10 10:00', sha: 's1', prev: '', repo: 'https://git.example/r9' },
      { deployment: 'dY', finished: '2024-04-11 10:00', sha: 's1', prev: 'dX:s1', repo: 'https://git.example/r9' },
    ]);
    await insertPullRequests(t, [{ id: 'PR7', created: '2024-04-09 10:00', merged: '2024-04-09 11:00', mergeSha: 's1' }]);
    await refreshScope(t);
    const [pr7] = await rows(t, 'project_pr_metrics', 'id', 'id = ?', ['PR7']);
    expect(pr7).toMatchObject({ deployment_commit_id: '', pr_deploy_time: null, pr_cycle_time: 60 });
  });

  it('a PR merged after its deployment finished keeps the link with a NULL deploy time', async () => {
    await insertPullRequests(t, [{ id: 'PR8', created: '2024-03-07 09:00', merged: '2024-03-07 11:00', mergeSha: 'm2' }]);
    await refreshScope(t);
    const [pr8] = await rows(t, 'project_pr_metrics', 'id', 'id = ?', ['PR8']);
    expect(pr8).toMatchObject({ deployment_commit_id: 'dC:m2', pr_deploy_time: null, pr_cycle_time: 120 });
    for (const path of SCOPES) {
      // PR8's cycle 120 joins the candidates: B3 [120, 360, 840, 2880] = 360.
      expect((await metricsData(t, path, WINDOW)).metrics.leadTimeForChanges).toMatchObject({ value: 360, details: { pullRequests: 4 } });
    }
  });

  it('only PRs whose linked deployment finished in the window count; none → N/A', async () => {
    await refreshScope(t);
    for (const path of SCOPES) {
      const april = (await metricsData(t, path, { from: '2024-04-01', to: '2024-04-30T23:59:59Z' })).metrics.leadTimeForChanges;
      expect(april).toMatchObject({ value: 360, label: '6.0(elite)', details: { pullRequests: 1 } });
      const may = (await metricsData(t, path, { from: '2024-05-01', to: '2024-05-31T23:59:59Z' })).metrics.leadTimeForChanges;
      expect(may).toMatchObject({
        value: null, level: null, naReason: 'N/A. Please check if you have collected deployments/pull_requests.',
        series: { monthly: [{ bucket: '24/05', value: 0 }] },
      });
    }
  });

  it('a refresh removes the rows of PRs that left the project and rewrites only what changed', async () => {
    t.clock.set('2024-05-01T00:00:00Z');
    await refreshScope(t);
    await t.dataSource.query("UPDATE pull_requests SET base_repo_id = 'webhook:99' WHERE id = 'PR0'");
    await t.dataSource.query("UPDATE pull_requests SET created_date = ? WHERE id = 'PR3'", [dbTime('2024-03-06 10:00')]);
    t.clock.set('2024-05-02T00:00:00Z');
    await refreshScope(t);
    const after = await rows(t, 'project_pr_metrics', 'id');
    expect(after.map((row) => [row.id, row.pr_cycle_time, row.created_at, row.updated_at])).toEqual([
      ['PR1', 840, '2024-05-01 00:00:00.000', '2024-05-01 00:00:00.000'],
      ['PR2', 2880, '2024-05-01 00:00:00.000', '2024-05-01 00:00:00.000'],
      ['PR3', 120, '2024-05-01 00:00:00.000', '2024-05-02 00:00:00.000'],
      ['PR4', 360, '2024-05-01 00:00:00.000', '2024-05-01 00:00:00.000'],
    ]);
  });
});
