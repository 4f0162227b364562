import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import { clearMetricsData, insertIncidents, insertIssues, mappedConnection, metricsData } from './utils/metrics-fixtures';
import { testDrivers } from './utils/test-databases';

/** metrics.md §8 M1: input, B3 lower median, B4 strict upper median. */
const M1: Array<[number[], number | null, number | null]> = [
  [[30, 10, 20, 40], 20, 30],
  [[5, 1, 3], 3, 3],
  [[10, 10, 20, 20], 10, 20],
  [[7], 7, null],
  [[], null, null],
  [[0, 0, 0, 1], 0, 1],
  [[3, 3], 3, null],
  [[2, 5], 2, 5],
  [[0, 2, 5, 5], 2, 5],
];

const JANUARY = { from: '2024-01-01', to: '2024-01-31T23:59:59Z' };

/**
 * The medians are computed by the database (window functions), so M1 runs on each driver: B3 as
 * the time to restore service (2021) over incident lead times, B4 as the all-history bug-age median.
 */
describe.each(testDrivers())('medians on %s (metrics.md §3 B3, B4, §8 M1)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_medians');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  it.each(M1)('%j → B3 %p, B4 %p', async (values, lower, upper) => {
    await insertIncidents(
      t,
      values.map((lead, i) => ({ id: `I${i}`, created: `2024-01-${String(i + 2).padStart(2, '0')} 10:00`, resolved: `2024-01-${String(i + 2).padStart(2, '0')} 11:00`, lead })),
    );
    await insertIssues(
      t,
      values.map((lead, i) => ({ id: `B${i}`, type: 'BUG', status: 'DONE', created: '2023-01-01', resolved: '2023-06-01', lead })),
    );
    for (const scope of [{ dora: 'dora/projects/p1', issues: 'metrics/issues/projects/p1' }, { dora: 'connections/1/dora', issues: 'connections/1/metrics/issues' }]) {
      const mttr = (await metricsData(t, scope.dora, { ...JANUARY, report: '2021' })).metrics.timeToRestoreService;
      expect(mttr.value).toBe(lower);
      expect(mttr.details.incidents).toBe(values.length);
      const bugAge = (await metricsData(t, scope.issues, JANUARY)).metrics.bugAge;
      expect(bugAge.details.allHistoryMedianDays).toBe(upper === null ? null : upper / 1440);
    }
  });

  it('B3 per month: each monthly bucket has its own lower median', async () => {
    await insertIncidents(t, [
      { id: 'J1', created: '2024-01-02 10:00', resolved: '2024-01-02 11:00', lead: 60 },
      { id: 'J2', created: '2024-01-03 10:00', resolved: '2024-01-03 12:00', lead: 120 },
      { id: 'F1', created: '2024-02-02 10:00', resolved: '2024-02-02 13:00', lead: 180 },
      { id: 'F2', created: '2024-02-03 10:00', resolved: '2024-02-03 14:00', lead: 240 },
      { id: 'F3', created: '2024-02-04 10:00', resolved: '2024-02-04 15:00', lead: 300 },
    ]);
    const mttr = (await metricsData(t, 'dora/projects/p1', { from: '2024-01-01', to: '2024-03-31T23:59:59Z', report: '2021' }))
      .metrics.timeToRestoreService;
    expect(mttr.value).toBe(180);
    expect(mttr.series.monthly).toEqual([
      { bucket: '24/01', value: 1 },
      { bucket: '24/02', value: 4 },
      { bucket: '24/03', value: 0 },
    ]);
  });
});
