import request from 'supertest';
import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import { clearMetricsData, dbTime, insertIssues, IssueSeed, mappedConnection, metricsData } from './utils/metrics-fixtures';
import { ADMIN } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

/** metrics.md §8 I1: requirements on board webhook:1, with story points (R4 sent without one: 0). */
const REQUIREMENTS: IssueSeed[] = [
  { id: 'R1', type: 'REQUIREMENT', status: 'DONE', created: '2024-03-02', storyPoint: 3 },
  { id: 'R2', type: 'REQUIREMENT', status: 'DONE', created: '2024-03-10', storyPoint: 5 },
  { id: 'R3', type: 'REQUIREMENT', status: 'IN_PROGRESS', created: '2024-03-20', storyPoint: 8 },
  { id: 'R4', type: 'REQUIREMENT', status: 'DONE', created: '2024-04-05', storyPoint: 0 },
  { id: 'R5', type: 'REQUIREMENT', status: 'DONE', created: '2024-02-20', storyPoint: 13 },
];

/** §8 I2: bugs K1–K4 (or incidents, with the same arithmetic). */
const agedIssues = (type: string, prefix = 'K'): IssueSeed[] => [
  { id: `${prefix}1`, type, status: 'DONE', created: '2024-03-01 08:00', resolved: '2024-03-03 20:00', lead: 3600 },
  { id: `${prefix}2`, type, status: 'DONE', created: '2024-03-10 00:00', resolved: '2024-03-11 00:00', lead: 1440 },
  { id: `${prefix}3`, type, status: 'DONE', created: '2024-02-20 00:00', resolved: '2024-03-05 00:00', lead: 20160 },
  { id: `${prefix}4`, type, status: 'TODO', created: '2024-03-20 00:00' },
];

const NA_COMMITS = 'N/A. Please check if you have collected commits.';
const none = { level: null, label: null, benchmark: null };

describe.each(testDrivers())('issue metrics on %s (metrics.md §7, §8 I1, I2)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'issue_metrics');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  it('project example (I1 requirements + I2 bugs, clock 2024-05-01): the spec body', async () => {
    await insertIssues(t, [...REQUIREMENTS, ...agedIssues('BUG')]);
    t.clock.set('2024-05-01T00:00:00Z');
    const data = await metricsData(t, 'metrics/issues/projects/p1', { from: '2024-03-01', to: '2024-04-30T23:59:59Z' });
    expect(data).toEqual({
      scope: { project: 'p1' }, from: '2024-03-01T00:00:00.000Z', to: '2024-04-30T23:59:59.000Z',
      metrics: {
        requirementDeliveryRate: {
          metric: 'requirementDeliveryRate', value: 0.75, unit: 'ratio', ...none, naReason: null,
          details: { requirements: 4, delivered: 3 },
          series: { monthly: [{ bucket: '24/03', value: 0.6666666666666666 }, { bucket: '24/04', value: 1 }] },
        },
        requirementGranularity: {
          metric: 'requirementGranularity', value: 4, unit: 'story_points', ...none, naReason: null, details: { requirements: 4 },
          series: { monthly: [{ bucket: '24/03', value: 5.333333333333333 }, { bucket: '24/04', value: 0 }] },
        },
        bugAge: {
          metric: 'bugAge', value: 5.833333333333333, unit: 'days', ...none, naReason: null,
          details: { bugs: 3, allHistoryMedianDays: 2.5, outstandingBugs: 1, outstandingAverageAgeDays: 42 },
          series: { monthly: [{ bucket: '24/03', value: 5.833333333333333 }, { bucket: '24/04', value: null }] },
        },
        incidentAge: {
          metric: 'incidentAge', value: null, unit: 'days', ...none, naReason: 'No data',
          details: { incidents: 0, allHistoryMedianDays: null, outstandingIncidents: 0, outstandingAverageAgeDays: null },
          series: { monthly: [{ bucket: '24/03', value: null }, { bucket: '24/04', value: null }] },
        },
        bugCountPer1kLines: {
          metric: 'bugCountPer1kLines', value: null, unit: 'per_1k_lines', ...none, naReason: NA_COMMITS,
          details: { bugs: 3, lines: 0 }, series: { monthly: [] },
        },
        incidentCountPer1kLines: {
          metric: 'incidentCountPer1kLines', value: null, unit: 'per_1k_lines', ...none, naReason: NA_COMMITS,
          details: { incidents: 0, lines: 0 }, series: { monthly: [] },
        },
      },
    });
    expect(Object.keys(data.metrics)).toEqual([
      'requirementDeliveryRate', 'requirementGranularity', 'bugAge', 'incidentAge', 'bugCountPer1kLines', 'incidentCountPer1kLines',
    ]);
  });

  it('connection example (I2 bugs only, clock 2024-03-31): the spec body', async () => {
    await insertIssues(t, agedIssues('BUG'));
    t.clock.set('2024-03-31T00:00:00Z');
    const data = await metricsData(t, 'connections/1/metrics/issues', { from: '2024-03-01', to: '2024-03-31T00:00:00Z' });
    expect(data).toEqual({
      scope: { connectionId: 1 }, from: '2024-03-01T00:00:00.000Z', to: '2024-03-31T00:00:00.000Z',
      metrics: {
        requirementDeliveryRate: {
          metric: 'requirementDeliveryRate', value: null, unit: 'ratio', ...none, naReason: 'No data',
          details: { requirements: 0, delivered: 0 }, series: { monthly: [{ bucket: '24/03', value: null }] },
        },
        requirementGranularity: {
          metric: 'requirementGranularity', value: null, unit: 'story_points', ...none, naReason: 'No data',
          details: { requirements: 0 }, series: { monthly: [{ bucket: '24/03', value: null }] },
        },
        bugAge: {
          metric: 'bugAge', value: 5.833333333333333, unit: 'days', ...none, naReason: null,
          details: { bugs: 3, allHistoryMedianDays: 2.5, outstandingBugs: 1, outstandingAverageAgeDays: 11 },
          series: { monthly: [{ bucket: '24/03', value: 5.833333333333333 }] },
        },
        incidentAge: {
          metric: 'incidentAge', value: null, unit: 'days', ...none, naReason: 'No data',
          details: { incidents: 0, allHistoryMedianDays: null, outstandingIncidents: 0, outstandingAverageAgeDays: null },
          series: { monthly: [{ bucket: '24/03', value: null }] },
        },
        bugCountPer1kLines: {
          metric: 'bugCountPer1kLines', value: null, unit: 'per_1k_lines', ...none, naReason: NA_COMMITS,
          details: { bugs: 3, lines: 0 }, series: { monthly: [] },
        },
        incidentCountPer1kLines: {
          metric: 'incidentCountPer1kLines', value: null, unit: 'per_1k_lines', ...none, naReason: NA_COMMITS,
          details: { incidents: 0, lines: 0 }, series: { monthly: [] },
        },
      },
    });
  });

  it('I1: only REQUIREMENT issues created in the window count', async () => {
    await insertIssues(t, [...REQUIREMENTS, { id: 'K0', type: 'BUG', status: 'TODO', created: '2024-03-01' }]);
    for (const path of ['metrics/issues/projects/p1', 'connections/1/metrics/issues']) {
      const metrics = (await metricsData(t, path, { from: '2024-03-01', to: '2024-04-30T23:59:59Z' })).metrics;
      expect(metrics.requirementDeliveryRate).toMatchObject({ value: 0.75, details: { requirements: 4, delivered: 3 } });
      expect(metrics.requirementGranularity).toMatchObject({ value: 4, details: { requirements: 4 } });
    }
  });

  it('I2 with INCIDENT issues: incident age has the same arithmetic', async () => {
    await insertIssues(t, agedIssues('INCIDENT', 'N'));
    t.clock.set('2024-03-31T00:00:00Z');
    const metrics = (await metricsData(t, 'metrics/issues/projects/p1', { from: '2024-03-01', to: '2024-03-31T00:00:00Z' })).metrics;
    expect(metrics.incidentAge).toMatchObject({
      value: 5.833333333333333, naReason: null,
      details: { incidents: 3, allHistoryMedianDays: 2.5, outstandingIncidents: 1, outstandingAverageAgeDays: 11 },
    });
    expect(metrics.bugAge).toMatchObject({ value: null, naReason: 'No data', details: { bugs: 0, outstandingBugs: 0 } });
  });

  it('the all-history bug median reads the scope boards only (Q15)', async () => {
    await insertIssues(t, agedIssues('BUG'));
    await insertIssues(t, [{ id: 'X1', type: 'BUG', status: 'DONE', created: '2020-01-01', resolved: '2020-03-01', lead: 90000, board: 'other' }]);
    const metrics = (await metricsData(t, 'metrics/issues/projects/p1', { from: '2024-03-01', to: '2024-03-31T00:00:00Z' })).metrics;
    expect(metrics.bugAge.details.allHistoryMedianDays).toBe(2.5);
  });

  describe('per 1k lines of code, with DevLake commit tables present', () => {
    beforeEach(async () => {
      await t.dataSource.query(
        'CREATE TABLE commits (sha varchar(40), additions bigint, deletions bigint, message longtext, authored_date datetime(3))',
      );
      await t.dataSource.query('CREATE TABLE repo_commits (repo_id varchar(255), commit_sha varchar(40))');
    });
    afterEach(async () => {
      await t.dataSource.query('DROP TABLE commits');
      await t.dataSource.query('DROP TABLE repo_commits');
    });

    async function commit(sha: string, additions: number, deletions: number, message: string, authored: string, repo = 'webhook:1') {
      await t.dataSource.query('INSERT INTO commits VALUES (?, ?, ?, ?, ?)', [sha, additions, deletions, message, dbTime(authored)]);
      await t.dataSource.query('INSERT INTO repo_commits VALUES (?, ?)', [repo, sha]);
    }

    it('bugs created in the window per 1000 lines of the scope commits, merges excluded; months without bugs omitted', async () => {
      await insertIssues(t, agedIssues('BUG'));
      await commit('c1', 100, 50, 'fix things', '2024-03-05');
      await commit('c2', 200, 50, 'Merge branch main', '2024-03-06');
      await commit('c3', 300, 0, 'feature', '2024-04-02');
      await commit('c4', 5000, 0, 'elsewhere', '2024-03-07', 'webhook:2');
      await commit('c5', 7000, 0, 'too early', '2024-02-07');
      for (const path of ['metrics/issues/projects/p1', 'connections/1/metrics/issues']) {
        const metrics = (await metricsData(t, path, { from: '2024-03-01', to: '2024-04-30T23:59:59Z' })).metrics;
        expect(metrics.bugCountPer1kLines).toEqual({
          metric: 'bugCountPer1kLines', value: 3000 / 450, unit: 'per_1k_lines', ...none, naReason: null,
          details: { bugs: 3, lines: 450 }, series: { monthly: [{ bucket: '24/03', value: 20 }] },
        });
        expect(metrics.incidentCountPer1kLines).toMatchObject({ value: 0, naReason: null, details: { incidents: 0, lines: 450 }, series: { monthly: [] } });
      }
    });

    it('commit rows but no line in the window → No data; no commit row for the scope → N/A commits', async () => {
      await insertIssues(t, agedIssues('BUG'));
      await commit('c1', 100, 50, 'fix things', '2023-03-05');
      let metrics = (await metricsData(t, 'metrics/issues/projects/p1', { from: '2024-03-01', to: '2024-04-30T23:59:59Z' })).metrics;
      expect(metrics.bugCountPer1kLines).toMatchObject({ value: null, naReason: 'No data', details: { bugs: 3, lines: 0 } });
      await t.dataSource.query("UPDATE repo_commits SET repo_id = 'webhook:2'");
      metrics = (await metricsData(t, 'metrics/issues/projects/p1', { from: '2024-03-01', to: '2024-04-30T23:59:59Z' })).metrics;
      expect(metrics.bugCountPer1kLines).toMatchObject({ value: null, naReason: NA_COMMITS, series: { monthly: [] } });
    });
  });

  it('bad parameters → 400; unknown project or connection → 404; report is not a parameter here', async () => {
    const bad = await request(t.http).get(`${ADMIN}/metrics/issues/projects/p1`).query({ from: '2024-05-01', to: '2024-04-01' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes: ['from: must not be after to'], data: null });
    await request(t.http).get(`${ADMIN}/metrics/issues/projects/p1`).query({ report: 'whatever' }).expect(200);
    const project = await request(t.http).get(`${ADMIN}/metrics/issues/projects/nope`).expect(404);
    expect(project.body.causes).toEqual(['projectName: no project nope']);
    const connection = await request(t.http).get(`${ADMIN}/connections/42/metrics/issues`).expect(404);
    expect(connection.body.message).toBe('record not found (404)');
  });
});
