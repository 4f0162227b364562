import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import {
  clearMetricsData,
  insertDeployments,
  insertIncidents,
  mappedConnection,
  metricsData,
  refreshScope,
} from './utils/metrics-fixtures';
import { rows } from './utils/webhook-client';
import { testDrivers } from './utils/test-databases';

/** metrics.md §8 C1: the deployments and incidents behind CFR, FDRT and MTTR. */
async function seedC1(t: TestAppWithClock): Promise<void> {
  await insertDeployments(t, [
    { deployment: 'D0', finished: '2024-02-28 10:00' },
    { deployment: 'D1', finished: '2024-03-02 10:00' },
    { deployment: 'D2', finished: '2024-03-05 10:00' },
    { deployment: 'D3', finished: '2024-03-10 10:00' },
    { deployment: 'D6', finished: '2024-03-12 10:00', result: 'FAILURE' },
    { deployment: 'D4', finished: '2024-03-15 10:00' },
    { deployment: 'D5', finished: '2024-03-20 10:00' },
  ]);
  await insertIncidents(t, [
    { id: 'I0', created: '2024-03-01 09:00', resolved: '2024-03-01 12:00', lead: 180 },
    { id: 'I1', created: '2024-03-06 08:00', resolved: '2024-03-06 10:00', lead: 120 },
    { id: 'I2', created: '2024-03-08 08:00', resolved: '2024-03-08 10:00', lead: 120 },
    { id: 'I3', created: '2024-03-12 11:00', resolved: '2024-03-12 12:00', lead: 60 },
    { id: 'I5', created: '2024-03-25 09:00', resolved: null, lead: 0 },
  ]);
  await refreshScope(t);
}

const MARCH = { from: '2024-03-01', to: '2024-03-31T23:59:59Z' };

const WEEKLY_AND_MONTHLY_DF = {
  weekly: [
    { bucket: '2024-02-26', value: 1 },
    { bucket: '2024-03-04', value: 2 },
    { bucket: '2024-03-11', value: 1 },
    { bucket: '2024-03-18', value: 1 },
    { bucket: '2024-03-25', value: 0 },
  ],
  monthly: [{ bucket: '24/03', value: 5 }],
  monthlyDeployments: [{ bucket: '24/03', value: 5 }],
};

const NO_LEAD_TIME = {
  metric: 'leadTimeForChanges', value: null, unit: 'minutes', level: null,
  label: 'N/A. Please check if you have collected deployments/pull_requests.', benchmark: null,
  naReason: 'N/A. Please check if you have collected deployments/pull_requests.',
  details: { pullRequests: 0 }, series: { monthly: [{ bucket: '24/03', value: 0 }] },
};

describe.each(testDrivers())('DORA change failures on %s (metrics.md §8 C1, C2, T1)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_failures');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  describe('C1', () => {
    beforeEach(async () => {
      await seedC1(t);
    });

    it('links each incident to the last successful production deployment strictly before it', async () => {
      expect(await rows(t, 'project_incident_deployment_relationships', 'id')).toEqual([
        expect.objectContaining({ id: 'I0', project_name: 'p1', deployment_id: 'D0' }),
        expect.objectContaining({ id: 'I1', project_name: 'p1', deployment_id: 'D2' }),
        expect.objectContaining({ id: 'I2', project_name: 'p1', deployment_id: 'D2' }),
        expect.objectContaining({ id: 'I3', project_name: 'p1', deployment_id: 'D3' }),
        expect.objectContaining({ id: 'I5', project_name: 'p1', deployment_id: 'D5' }),
      ]);
    });

    it('project, report 2023: the spec example body', async () => {
      const data = await metricsData(t, 'dora/projects/p1', MARCH);
      expect(data).toEqual({
        scope: { project: 'p1' }, report: '2023', from: '2024-03-01T00:00:00.000Z', to: '2024-03-31T23:59:59.000Z',
        metrics: {
          deploymentFrequency: {
            metric: 'deploymentFrequency', value: 1, unit: 'days_per_week', level: 'high',
            label: '1 deployment days per week(high)', benchmark: 'Between once per day and once per week(high)', naReason: null,
            details: { weeklyMedian: 1, monthlyMedian: 5, sixMonthMedian: null, deploymentDays: 5, deployments: 5 },
            series: WEEKLY_AND_MONTHLY_DF,
          },
          leadTimeForChanges: NO_LEAD_TIME,
          changeFailureRate: {
            metric: 'changeFailureRate', value: 0.6, unit: 'ratio', level: 'low', label: '60.0%(low)',
            benchmark: '> 15%(low)', naReason: null, details: { deployments: 5, failedDeployments: 3, incidents: 4 },
            series: { monthly: [{ bucket: '24/03', value: 0.6 }] },
          },
          failedDeploymentRecoveryTime: {
            metric: 'failedDeploymentRecoveryTime', value: 3000, unit: 'minutes', level: 'medium', label: '50.0(medium)',
            benchmark: 'Between one day and one week(medium)', naReason: null,
            details: { deployments: 5, pairs: 3, negativeRecoveries: 0 }, series: { monthly: [{ bucket: '24/03', value: 50 }] },
          },
        },
      });
      expect(Object.keys(data.metrics)).toEqual(['deploymentFrequency', 'leadTimeForChanges', 'changeFailureRate', 'failedDeploymentRecoveryTime']);
      expect(Object.keys(data.metrics.changeFailureRate)).toEqual([
        'metric', 'value', 'unit', 'level', 'label', 'benchmark', 'naReason', 'details', 'series',
      ]);
    });

    it('connection, report 2021: the spec example body (links computed at read time)', async () => {
      const data = await metricsData(t, 'connections/1/dora', { ...MARCH, report: '2021' });
      expect(data).toEqual({
        scope: { connectionId: 1 }, report: '2021', from: '2024-03-01T00:00:00.000Z', to: '2024-03-31T23:59:59.000Z',
        metrics: {
          deploymentFrequency: {
            metric: 'deploymentFrequency', value: 5, unit: 'days_per_month', level: 'high',
            label: '5 deployment days per month(high)', benchmark: 'Between once per day and once per month(high)', naReason: null,
            details: { weeklyMedian: 1, monthlyMedian: 5, sixMonthMedian: null, deploymentDays: 5, deployments: 5 },
            series: WEEKLY_AND_MONTHLY_DF,
          },
          leadTimeForChanges: NO_LEAD_TIME,
          changeFailureRate: {
            metric: 'changeFailureRate', value: 0.6, unit: 'ratio', level: 'low', label: '60.0%(low)',
            benchmark: '> 30%(low)', naReason: null, details: { deployments: 5, failedDeployments: 3, incidents: 4 },
            series: { monthly: [{ bucket: '24/03', value: 0.6 }] },
          },
          timeToRestoreService: {
            metric: 'timeToRestoreService', value: 120, unit: 'minutes', level: 'high', label: '2.0(high)',
            benchmark: 'Less than one day(high)', naReason: null,
            details: { incidents: 4, resolvedIncidents: 4, createdIncidents: 5 }, series: { monthly: [{ bucket: '24/03', value: 2 }] },
          },
        },
      });
      expect(Object.keys(data.metrics)).toEqual(['deploymentFrequency', 'leadTimeForChanges', 'changeFailureRate', 'timeToRestoreService']);
    });

    it('project 2021 and connection 2023 agree with the other scope', async () => {
      const project2021 = await metricsData(t, 'dora/projects/p1', { ...MARCH, report: '2021' });
      const connection2021 = await metricsData(t, 'connections/1/dora', { ...MARCH, report: '2021' });
      expect(project2021.metrics).toEqual(connection2021.metrics);
      const project2023 = await metricsData(t, 'dora/projects/p1', MARCH);
      const connection2023 = await metricsData(t, 'connections/1/dora', MARCH);
      expect(project2023.metrics).toEqual(connection2023.metrics);
    });

    it('CFR monthly over February–March: 24/02 = 1.0 (D0 with I0), 24/03 = 0.6', async () => {
      for (const path of ['dora/projects/p1', 'connections/1/dora']) {
        const data = await metricsData(t, path, { from: '2024-02-01', to: '2024-03-31T23:59:59Z' });
        expect(data.metrics.changeFailureRate.series.monthly).toEqual([
          { bucket: '24/02', value: 1 },
          { bucket: '24/03', value: 0.6 },
        ]);
        expect(data.metrics.changeFailureRate.details).toEqual({ deployments: 6, failedDeployments: 4, incidents: 5 });
      }
    });

    it('FDRT keeps a negative recovery in the median and counts it (Q8)', async () => {
      // Resolved 30 minutes before D3 (its link) finished.
      await insertIncidents(t, [{ id: 'I4', created: '2024-03-12 13:00', resolved: '2024-03-10 09:30', lead: 0 }]);
      await refreshScope(t);
      for (const path of ['dora/projects/p1', 'connections/1/dora']) {
        const fdrt = (await metricsData(t, path, MARCH)).metrics.failedDeploymentRecoveryTime;
        // I4 is linked to D3 (the last success before 03-12 13:00): recovery −30; B3 [−30,1440,3000,4320] = 1440.
        expect(fdrt).toMatchObject({ value: 1440, level: 'medium', label: '24.0(medium)', details: { deployments: 5, pairs: 4, negativeRecoveries: 1 } });
      }
    });
  });

  describe('C2: CFR thresholds (G1 … G20, January 2024)', () => {
    const deployments = Array.from({ length: 20 }, (_, i) => ({
      deployment: `G${i + 1}`,
      finished: `2024-01-${String(i + 1).padStart(2, '0')} 10:00`,
    }));
    const JANUARY = { from: '2024-01-01', to: '2024-01-31T23:59:59Z' };
    const cases: Array<[number, number, string, string]> = [
      [0, 0, '0.0%(elite)', '0.0%(elite)'],
      [1, 0.05, '5.0%(elite)', '5.0%(elite)'],
      [2, 0.1, '10.0%(high)', '10.0%(elite)'],
      [3, 0.15, '15.0%(medium)', '15.0%(elite)'],
      [4, 0.2, '20.0%(low)', '20.0%(high)'],
      [6, 0.3, '30.0%(low)', '30.0%(medium)'],
      [7, 0.35, '35.0%(low)', '35.0%(low)'],
    ];

    it.each(cases)('k = %i → %p, 2023 %s, 2021 %s', async (k, ratio, label2023, label2021) => {
      await insertDeployments(t, deployments);
      const incidents = Array.from({ length: k }, (_, i) => ({ id: `K${i + 1}`, created: `2024-01-${String(i + 1).padStart(2, '0')} 12:00` }));
      await insertIncidents(t, [...incidents, { id: 'OLD', created: '2023-06-01 12:00', resolved: '2023-06-02 12:00', lead: 1440 }]);
      await refreshScope(t);
      for (const path of ['dora/projects/p1', 'connections/1/dora']) {
        const cfr2023 = (await metricsData(t, path, JANUARY)).metrics.changeFailureRate;
        const cfr2021 = (await metricsData(t, path, { ...JANUARY, report: '2021' })).metrics.changeFailureRate;
        expect([cfr2023.value, cfr2023.label, cfr2021.value, cfr2021.label]).toEqual([ratio, label2023, ratio, label2021]);
        expect(cfr2023.details).toEqual({ deployments: 20, failedDeployments: k, incidents: k });
      }
    });

    it("no incident in the scope at all → DevLake's 0.0%(elite), N/A incidents in naReason; incidents but no deployment in the window → N/A deployments/incidents", async () => {
      await insertDeployments(t, deployments);
      const noIncident = (await metricsData(t, 'dora/projects/p1', JANUARY)).metrics.changeFailureRate;
      expect(noIncident).toMatchObject({
        value: 0, level: 'elite', benchmark: '0-5%(elite)',
        naReason: 'N/A. Please check if you have collected incidents.', label: '0.0%(elite)',
      });
      await insertIncidents(t, [{ id: 'K1', created: '2024-01-01 12:00' }]);
      await refreshScope(t);
      const february = { from: '2024-02-01', to: '2024-02-29T23:59:59Z' };
      for (const path of ['dora/projects/p1', 'connections/1/dora']) {
        const cfr = (await metricsData(t, path, february)).metrics.changeFailureRate;
        expect(cfr).toMatchObject({ value: null, naReason: 'N/A. Please check if you have collected deployments/incidents.' });
        expect(cfr.series.monthly).toEqual([{ bucket: '24/02', value: null }]);
      }
    });

    it('no deployment rows and no incidents → N/A deployments/incidents; rows only elsewhere do not count (Q14)', async () => {
      await insertDeployments(t, deployments, 99);
      await insertIncidents(t, [{ id: 'X', created: '2024-01-05 12:00' }], 99);
      const metrics = (await metricsData(t, 'dora/projects/p1', JANUARY)).metrics;
      expect(metrics.changeFailureRate.naReason).toBe('N/A. Please check if you have collected deployments/incidents.');
      expect(metrics.failedDeploymentRecoveryTime.naReason).toBe('N/A. Please check if you have collected deployments and incidents.');
      expect(metrics.deploymentFrequency.naReason).toBe('N/A. Please check if you have collected deployments.');
    });
  });

  describe('FDRT and MTTR N/A texts', () => {
    const JANUARY = { from: '2024-01-01', to: '2024-01-31T23:59:59Z' };

    it('deployments without incidents, incidents without deployments, and no pair', async () => {
      await insertDeployments(t, [{ deployment: 'A', finished: '2024-01-10 10:00' }]);
      let fdrt = (await metricsData(t, 'dora/projects/p1', JANUARY)).metrics.failedDeploymentRecoveryTime;
      expect(fdrt.naReason).toBe('N/A. Please check if you have collected incidents.');
      await insertIncidents(t, [{ id: 'I', created: '2024-01-11 10:00', resolved: null }]);
      await refreshScope(t);
      fdrt = (await metricsData(t, 'dora/projects/p1', JANUARY)).metrics.failedDeploymentRecoveryTime;
      expect(fdrt).toMatchObject({ value: null, level: null, label: 'No data', naReason: 'No data', details: { deployments: 1, pairs: 0 } });
      fdrt = (await metricsData(t, 'dora/projects/p1', { from: '2024-02-01', to: '2024-02-29T23:59:59Z' })).metrics.failedDeploymentRecoveryTime;
      expect(fdrt.naReason).toBe('N/A. Please check if you have collected deployments.');
    });

    it('T1: NULL lead times sort first and make the MTTR median NULL (Q10)', async () => {
      await insertIncidents(t, [
        { id: 'N1', created: '2024-01-02 10:00', resolved: '2024-01-03 10:00', lead: null },
        { id: 'N2', created: '2024-01-04 10:00', resolved: '2024-01-05 10:00', lead: null },
        { id: 'N3', created: '2024-01-06 10:00', resolved: '2024-01-06 13:00', lead: 180 },
        { id: 'N4', created: '2024-01-07 10:00', resolved: '2024-01-07 14:00', lead: 240 },
      ]);
      for (const path of ['dora/projects/p1', 'connections/1/dora']) {
        const mttr = (await metricsData(t, path, { ...JANUARY, report: '2021' })).metrics.timeToRestoreService;
        expect(mttr).toEqual({
          metric: 'timeToRestoreService', value: null, unit: 'minutes', level: null,
          label: 'N/A. Please check if you have collected incidents.', benchmark: null,
          naReason: 'N/A. Please check if you have collected incidents.',
          details: { incidents: 4, resolvedIncidents: 4, createdIncidents: 4 },
          // The monthly chart takes only non-NULL lead times: B3 [180, 240] = 180 min.
          series: { monthly: [{ bucket: '24/01', value: 3 }] },
        });
      }
    });
  });
});
