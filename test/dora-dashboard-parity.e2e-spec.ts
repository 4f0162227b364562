import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import {
  clearMetricsData,
  insertDeployments,
  insertIncidents,
  insertPullRequests,
  mappedConnection,
  metricsData,
  refreshScope,
} from './utils/metrics-fixtures';
import { testDrivers } from './utils/test-databases';

/** Issue 12 items 11–13 and 15: what DevLake's Grafana panels show on the same tables. */
const SCOPES = ['dora/projects/p1', 'connections/1/dora'];
const JANUARY = { from: '2024-01-01', to: '2024-01-31T23:59:59Z' };
const NA_INCIDENTS = 'N/A. Please check if you have collected incidents.';
const NA_LEAD_TIME = 'N/A. Please check if you have collected deployments/pull_requests.';

describe.each(testDrivers())('DORA dashboard parity on %s (issue 12, items 11–13, 15)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_parity');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  describe('deployments but no incident in the scope (item 11)', () => {
    beforeEach(async () => {
      await insertDeployments(t, [
        { deployment: 'A', finished: '2024-01-10 10:00' },
        { deployment: 'B', finished: '2024-01-20 10:00' },
      ]);
      await refreshScope(t);
    });

    it("CFR is DevLake's 0.0%(elite) with its benchmark; our explanation stays in naReason", async () => {
      for (const path of SCOPES) {
        const cfr2023 = (await metricsData(t, path, JANUARY)).metrics.changeFailureRate;
        expect(cfr2023).toEqual({
          metric: 'changeFailureRate', value: 0, unit: 'ratio', level: 'elite', label: '0.0%(elite)',
          benchmark: '0-5%(elite)', naReason: NA_INCIDENTS,
          details: { deployments: 2, failedDeployments: 0, incidents: 0 },
          series: { monthly: [{ bucket: '24/01', value: 0 }] },
        });
        const cfr2021 = (await metricsData(t, path, { ...JANUARY, report: '2021' })).metrics.changeFailureRate;
        expect(cfr2021).toMatchObject({ value: 0, level: 'elite', label: '0.0%(elite)', benchmark: '0-15%(elite)', naReason: NA_INCIDENTS });
      }
    });

    it("failed deployment recovery time is labelled `No data` as DevLake's panel; naReason explains", async () => {
      for (const path of SCOPES) {
        const fdrt = (await metricsData(t, path, JANUARY)).metrics.failedDeploymentRecoveryTime;
        expect(fdrt).toEqual({
          metric: 'failedDeploymentRecoveryTime', value: null, unit: 'minutes', level: null, label: 'No data',
          benchmark: null, naReason: NA_INCIDENTS, details: { deployments: 2, pairs: 0, negativeRecoveries: 0 },
          series: { monthly: [{ bucket: '24/01', value: 0 }] },
        });
      }
    });

    it('without any deployment in the window both stay N/A', async () => {
      for (const path of SCOPES) {
        const metrics = (await metricsData(t, path, { from: '2024-02-01', to: '2024-02-29T23:59:59Z' })).metrics;
        expect(metrics.changeFailureRate).toMatchObject({ value: null, level: null, label: NA_INCIDENTS, naReason: NA_INCIDENTS });
        expect(metrics.failedDeploymentRecoveryTime).toMatchObject({
          value: null, label: 'N/A. Please check if you have collected deployments and incidents.',
          naReason: 'N/A. Please check if you have collected deployments and incidents.',
        });
      }
    });
  });

  describe('time to restore service, report 2021 (items 12 and 13)', () => {
    // Window 2024-01-15 … 2024-02-14: A and D are resolved in the window's first and last month, outside the window.
    const WINDOW = { from: '2024-01-15', to: '2024-02-14T23:59:59Z', report: '2021' };
    beforeEach(async () => {
      await insertIncidents(t, [
        { id: 'A', created: '2024-01-04 10:00', resolved: '2024-01-05 10:00', lead: 30 },
        { id: 'B', created: '2024-01-19 10:00', resolved: '2024-01-20 10:00', lead: 60 },
        { id: 'C', created: '2024-02-09 10:00', resolved: '2024-02-10 10:00', lead: 120 },
        { id: 'D', created: '2024-02-24 10:00', resolved: '2024-02-25 10:00', lead: 10 },
        { id: 'E', created: '2024-02-01 10:00', resolved: null, lead: 0 },
        { id: 'F', created: '2023-12-30 10:00', resolved: '2024-01-16 10:00', lead: 240 },
      ]);
    });

    it('the monthly series takes whole calendar months; the value stays within the window', async () => {
      for (const path of SCOPES) {
        const mttr = (await metricsData(t, path, WINDOW)).metrics.timeToRestoreService;
        // In the window: B 60, C 120, F 240 → B3 = 120.
        expect(mttr).toMatchObject({ value: 120, level: 'high', label: '2.0(high)' });
        // Whole months: January A 30, B 60, F 240 → 60 min; February C 120, D 10 → 10 min.
        expect(mttr.series.monthly).toEqual([
          { bucket: '24/01', value: 1 },
          { bucket: '24/02', value: 10 / 60 },
        ]);
      }
    });

    it('details name incidents resolved and incidents created in the window; `incidents` stays the resolved count', async () => {
      for (const path of SCOPES) {
        const mttr = (await metricsData(t, path, WINDOW)).metrics.timeToRestoreService;
        // Resolved in the window: B, C, F. Created in it (DevLake's "Incident Count" panel): B, C, E.
        expect(mttr.details).toEqual({ incidents: 3, resolvedIncidents: 3, createdIncidents: 3 });
        const february = (await metricsData(t, path, { from: '2024-02-01', to: '2024-02-29T23:59:59Z', report: '2021' })).metrics;
        // Resolved in February: C, D. Created: C, D, E.
        expect(february.timeToRestoreService.details).toEqual({ incidents: 2, resolvedIncidents: 2, createdIncidents: 3 });
      }
    });
  });

  describe('lead time for the first deployment of a chain (item 15)', () => {
    beforeEach(async () => {
      await insertDeployments(t, [{ deployment: 'dA', finished: '2024-03-01 12:00', sha: 'm0', prev: '' }]);
      await insertPullRequests(t, [{ id: 'PR0', created: '2024-02-28 09:00', merged: '2024-02-29 09:00', mergeSha: 'm0' }]);
      await refreshScope(t);
    });

    it("keeps DevLake's label and says in naReason that a previous successful deployment is needed", async () => {
      for (const path of SCOPES) {
        const ltc = (await metricsData(t, path, { from: '2024-03-01', to: '2024-03-31T23:59:59Z' })).metrics.leadTimeForChanges;
        expect(ltc).toMatchObject({ value: null, level: null, label: NA_LEAD_TIME, benchmark: null, details: { pullRequests: 0 } });
        expect(ltc.naReason).toMatch(/previous successful deployment of the same repository and environment/);
      }
    });

    it('the second deployment of the chain gives the value; a first deployment without its PR keeps the DevLake text', async () => {
      await insertDeployments(t, [{ deployment: 'dB', finished: '2024-03-04 23:00', sha: 'm1', prev: 'dA:m0' }]);
      await insertPullRequests(t, [{ id: 'PR1', created: '2024-03-04 09:00', merged: '2024-03-04 15:00', mergeSha: 'm1' }]);
      await refreshScope(t);
      for (const path of SCOPES) {
        expect((await metricsData(t, path, { from: '2024-03-01', to: '2024-03-31T23:59:59Z' })).metrics.leadTimeForChanges)
          .toMatchObject({ value: 840, naReason: null });
      }
      await clearMetricsData(t);
      await insertDeployments(t, [{ deployment: 'dA', finished: '2024-03-01 12:00', sha: 'm0', prev: '' }]);
      for (const path of SCOPES) {
        expect((await metricsData(t, path, { from: '2024-03-01', to: '2024-03-31T23:59:59Z' })).metrics.leadTimeForChanges)
          .toMatchObject({ value: null, label: NA_LEAD_TIME, naReason: NA_LEAD_TIME });
      }
    });
  });
});
