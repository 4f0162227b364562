import { createTestAppWithClock, TestAppWithClock } from './utils/create-test-app-with-clock';
import { clearMetricsData, DeploymentSeed, insertDeployments, mappedConnection, metricsData } from './utils/metrics-fixtures';
import { testDrivers } from './utils/test-databases';

const NA = 'N/A. Please check if you have collected deployments.';
const SCOPES = ['dora/projects/p1', 'connections/1/dora'];

const days = (month: string, list: number[], time = '12:00'): DeploymentSeed[] =>
  list.map((day) => ({ deployment: `D-${month}-${day}`, finished: `${month}-${String(day).padStart(2, '0')} ${time}` }));

describe.each(testDrivers())('DORA deployment frequency on %s (metrics.md §5.1, §8 DF1–DF4)', (driver) => {
  let t: TestAppWithClock;

  beforeAll(async () => {
    t = await createTestAppWithClock(driver, 'dora_frequency');
    await mappedConnection(t, 'c1', ['p1']);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await clearMetricsData(t);
  });

  /** DF of both reports on both scopes; the two scopes must agree. */
  async function frequency(window: { from: string; to: string }) {
    const result: Record<string, any> = {};
    for (const report of ['2023', '2021']) {
      const [project, connection] = await Promise.all(SCOPES.map((path) => metricsData(t, path, { ...window, report })));
      expect(project.metrics.deploymentFrequency).toEqual(connection.metrics.deploymentFrequency);
      result[report] = project.metrics.deploymentFrequency;
    }
    return result as { '2023': any; '2021': any };
  }

  it('DF1: four full weeks — W = 2, M = 12; 13 monthly deployments', async () => {
    await insertDeployments(t, [
      { deployment: 'D1', finished: '2024-01-01 10:00' },
      { deployment: 'D2', finished: '2024-01-02 10:00' },
      { deployment: 'D3', finished: '2024-01-02 23:00', sha: 'a' },
      { deployment: 'D3', finished: '2024-01-03 01:00', sha: 'b', repo: 'https://git.example/r2' },
      { deployment: 'D4', finished: '2024-01-04' },
      { deployment: 'D5', finished: '2024-01-05 09:00' },
      { deployment: 'D6', finished: '2024-01-05 17:00' },
      { deployment: 'D7', finished: '2024-01-08' },
      { deployment: 'D8', finished: '2024-01-10' },
      { deployment: 'D9', finished: '2024-01-17', result: 'FAILURE' },
      { deployment: 'D10', finished: '2024-01-18', environment: 'STAGING' },
      ...[22, 23, 24, 25, 26].map((day, i) => ({ deployment: `D${11 + i}`, finished: `2024-01-${day}` })),
    ]);
    const df = await frequency({ from: '2024-01-01 00:00:00', to: '2024-01-28 23:59:59' });
    expect(df['2023']).toEqual({
      metric: 'deploymentFrequency', value: 2, unit: 'days_per_week', level: 'high', label: '2 deployment days per week(high)',
      benchmark: 'Between once per day and once per week(high)', naReason: null,
      details: { weeklyMedian: 2, monthlyMedian: 12, sixMonthMedian: null, deploymentDays: 12, deployments: 13 },
      series: {
        weekly: [
          { bucket: '2024-01-01', value: 5 },
          { bucket: '2024-01-08', value: 2 },
          { bucket: '2024-01-15', value: 0 },
          { bucket: '2024-01-22', value: 5 },
        ],
        monthly: [{ bucket: '24/01', value: 12 }],
        monthlyDeployments: [{ bucket: '24/01', value: 13 }],
      },
    });
    expect(df['2021']).toMatchObject({
      value: 12, unit: 'days_per_month', level: 'high', label: '12 deployment days per month(high)',
      benchmark: 'Between once per day and once per month(high)',
    });
  });

  it('DF2: two deployments in a year are N/A in both reports although deployments exist (Q2)', async () => {
    await insertDeployments(t, [
      { deployment: 'D1', finished: '2023-02-15' },
      { deployment: 'D2', finished: '2023-09-15' },
    ]);
    const df = await frequency({ from: '2023-01-01 00:00:00', to: '2023-12-31 23:59:59' });
    for (const report of ['2023', '2021'] as const) {
      expect(df[report]).toMatchObject({
        value: null, unit: null, level: null, label: NA, benchmark: null, naReason: NA,
        details: { weeklyMedian: 0, monthlyMedian: 0, sixMonthMedian: null, deploymentDays: 2, deployments: 2 },
      });
      expect(df[report].series.weekly).toHaveLength(53);
      expect(df[report].series.weekly[0]).toEqual({ bucket: '2022-12-26', value: 0 });
      expect(df[report].series.monthly).toHaveLength(12);
      expect(df[report].series.monthly[1]).toEqual({ bucket: '23/02', value: 1 });
    }
  });

  it('DF2b: a third deployment gives S = 2 — 2023 low per month, 2021 medium per six months', async () => {
    await insertDeployments(t, [
      { deployment: 'D1', finished: '2023-02-15' },
      { deployment: 'D2', finished: '2023-09-15' },
      { deployment: 'D3', finished: '2023-03-15' },
    ]);
    const df = await frequency({ from: '2023-01-01 00:00:00', to: '2023-12-31 23:59:59' });
    expect(df['2023']).toMatchObject({
      value: 0, unit: 'days_per_month', level: 'low', label: '0 deployment days per month(low)',
      benchmark: 'Fewer than once per month(low)', naReason: null,
      details: { weeklyMedian: 0, monthlyMedian: 0, sixMonthMedian: 2 },
    });
    expect(df['2021']).toMatchObject({
      value: 2, unit: 'days_per_six_months', level: 'medium', label: '2 deployment days per six months(medium)',
      benchmark: 'Between once per month and once every 6 months(medium)',
    });
  });

  it('DF2c: no rows at all → W = 0, M = 0, S NULL, N/A in both reports', async () => {
    const df = await frequency({ from: '2023-01-01 00:00:00', to: '2023-12-31 23:59:59' });
    for (const report of ['2023', '2021'] as const) {
      expect(df[report]).toMatchObject({
        value: null, unit: null, level: null, naReason: NA,
        details: { weeklyMedian: 0, monthlyMedian: 0, sixMonthMedian: null, deploymentDays: 0, deployments: 0 },
      });
    }
  });

  it('DF3: one deployment every weekday → W = 5, elite in both reports', async () => {
    await insertDeployments(t, days('2024-01', [1, 2, 3, 4, 5, 8, 9, 10, 11, 12]));
    const df = await frequency({ from: '2024-01-01', to: '2024-01-14 23:59:59' });
    for (const report of ['2023', '2021'] as const) {
      expect(df[report]).toMatchObject({
        value: 5, unit: 'days_per_week', level: 'elite', label: '5 deployment days per week(elite)', benchmark: 'On-demand(elite)',
        details: { weeklyMedian: 5, monthlyMedian: 10 },
      });
    }
  });

  it('DF4: partial edge weeks pull the weekly median down to 3', async () => {
    await insertDeployments(t, days('2024-01', [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16]));
    const df = await frequency({ from: '2024-01-03 00:00:00', to: '2024-01-16 23:59:59' });
    expect(df['2023']).toMatchObject({ label: '3 deployment days per week(high)', details: { weeklyMedian: 3, monthlyMedian: 10, deployments: 10 } });
    expect(df['2023'].series.weekly).toEqual([
      { bucket: '2024-01-01', value: 3 },
      { bucket: '2024-01-08', value: 5 },
      { bucket: '2024-01-15', value: 2 },
    ]);
    expect(df['2021'].label).toBe('10 deployment days per month(high)');
  });

  it('Q3: the first calendar day needs t > from; a day of the calendar counts even after to', async () => {
    // from 12:30 and to 12:00: to − 27 days (Jan 1 12:00) is not after from, so Jan 1 is not a calendar day.
    await insertDeployments(t, [
      { deployment: 'A', finished: '2024-01-01 13:00' },
      { deployment: 'B', finished: '2024-01-10 12:00' },
      { deployment: 'C', finished: '2024-01-28 18:00' },
    ]);
    const df = await frequency({ from: '2024-01-01 12:30', to: '2024-01-28 12:00' });
    // Days: Jan 10 and Jan 28 (C finishes after to, on a calendar day); A is in the window but not on a calendar day.
    expect(df['2023'].details).toEqual({ weeklyMedian: 0, monthlyMedian: 2, sixMonthMedian: null, deploymentDays: 2, deployments: 2 });
    expect(df['2023'].series.weekly[0]).toEqual({ bucket: '2024-01-01', value: 0 });
    expect(df['2023'].series.weekly[3]).toEqual({ bucket: '2024-01-22', value: 1 });
  });

  it('Q3: the calendar reaches at most 400 days back from to; deployments before it still count in the window', async () => {
    await insertDeployments(t, [
      { deployment: 'OLD', finished: '2022-06-01' },
      { deployment: 'NEW', finished: '2024-01-15' },
    ]);
    const df = await frequency({ from: '2022-01-01', to: '2024-01-31 12:00' });
    expect(df['2023'].details).toMatchObject({ deploymentDays: 1, deployments: 2 });
    expect(df['2023'].series.weekly[0]).toEqual({ bucket: '2022-12-26', value: 0 });
    expect(df['2023'].series.monthly[0]).toEqual({ bucket: '22/12', value: 0 });
    expect(df['2023'].series.monthlyDeployments).toHaveLength(25);
    expect(df['2023'].series.monthlyDeployments[5]).toEqual({ bucket: '22/06', value: 1 });
  });

  it('B1: a deployment finishes with its latest successful production row; failed rows of it are ignored', async () => {
    await insertDeployments(t, [
      { deployment: 'X', finished: '2024-01-31 23:00', sha: 'a' },
      { deployment: 'X', finished: '2024-02-01 01:00', sha: 'b' },
      { deployment: 'X', finished: '2024-02-03 01:00', sha: 'c', result: 'FAILURE' },
    ]);
    const january = await frequency({ from: '2024-01-01', to: '2024-01-31 23:59:59' });
    expect(january['2023'].details).toMatchObject({ deploymentDays: 0, deployments: 0 });
    const february = await frequency({ from: '2024-02-01', to: '2024-02-29 23:59:59' });
    expect(february['2023'].details).toMatchObject({ deploymentDays: 1, deployments: 1 });
    expect(february['2023'].series.weekly[0]).toEqual({ bucket: '2024-01-29', value: 1 });
  });
});
