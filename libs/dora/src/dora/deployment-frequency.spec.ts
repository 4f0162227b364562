import { deploymentCalendar, deploymentFrequency, keptSixMonthSums } from './deployment-frequency';
import { DoraReport } from './dora-levels';

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

function run(report: DoraReport, from: string, to: string, days: string[]) {
  return deploymentFrequency({
    report,
    window: window(from, to),
    deploymentDays: new Set(days),
    windowMonths: [],
    deploymentsByMonth: new Map(),
  });
}

describe('deploymentCalendar', () => {
  it('keeps the first day only when it is strictly after from (Q3)', () => {
    expect(deploymentCalendar(window('2024-01-01T00:00:00Z', '2024-01-03T23:59:59Z'))).toEqual([
      '2024-01-01', '2024-01-02', '2024-01-03',
    ]);
    expect(deploymentCalendar(window('2024-01-01T10:00:00Z', '2024-01-03T09:00:00Z'))).toEqual(['2024-01-02', '2024-01-03']);
    expect(deploymentCalendar(window('2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'))).toEqual([]);
  });

  it('reaches at most 400 days back from to', () => {
    const calendar = deploymentCalendar(window('2020-01-01T00:00:00Z', '2024-01-31T12:00:00Z'));
    expect(calendar).toHaveLength(400);
    expect(calendar[0]).toBe('2022-12-28');
    expect(calendar[399]).toBe('2024-01-31');
  });
});

describe('keptSixMonthSums', () => {
  const counts = (entries: Array<[string, number]>) => new Map(entries);

  it('keeps the blocks ending at the latest month of each partition, every six months (DF2)', () => {
    const year = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
    const sums = keptSixMonthSums(counts(year.map((month) => [month, month === '2023-02' || month === '2023-09' ? 1 : 0])));
    expect(sums).toEqual([1, 1]);
  });

  it('lets blocks of two partitions overlap', () => {
    // 2021 closes partition 336 (2016–2021); 2022 opens 337.
    const months = ['2021-11', '2021-12', '2022-01', '2022-02'];
    expect(keptSixMonthSums(counts(months.map((month) => [month, 1])))).toEqual([2, 4]);
  });
});

describe('deploymentFrequency', () => {
  it('DF1: W = 2, M = 12', () => {
    const days = ['01', '02', '03', '04', '05', '08', '10', '22', '23', '24', '25', '26'].map((d) => `2024-01-${d}`);
    const sut2023 = run('2023', '2024-01-01T00:00:00Z', '2024-01-28T23:59:59Z', days);
    expect(sut2023.details).toMatchObject({ weeklyMedian: 2, monthlyMedian: 12, sixMonthMedian: null, deploymentDays: 12 });
    expect(sut2023.label).toBe('2 deployment days per week(high)');
    expect(sut2023.series.weekly).toEqual([
      { bucket: '2024-01-01', value: 5 },
      { bucket: '2024-01-08', value: 2 },
      { bucket: '2024-01-15', value: 0 },
      { bucket: '2024-01-22', value: 5 },
    ]);
    expect(run('2021', '2024-01-01T00:00:00Z', '2024-01-28T23:59:59Z', days).label).toBe('12 deployment days per month(high)');
  });

  it('DF2: two deployments in a year are N/A in both reports (Q2)', () => {
    for (const report of ['2023', '2021'] as const) {
      const sut = run(report, '2023-01-01T00:00:00Z', '2023-12-31T23:59:59Z', ['2023-02-15', '2023-09-15']);
      expect(sut).toMatchObject({ value: null, unit: null, level: null, naReason: 'N/A. Please check if you have collected deployments.' });
      expect(sut.series.weekly).toHaveLength(53);
      expect(sut.series.weekly[0]).toEqual({ bucket: '2022-12-26', value: 0 });
    }
  });

  it('DF2b: a third deployment makes S = 2', () => {
    const days = ['2023-02-15', '2023-03-15', '2023-09-15'];
    expect(run('2023', '2023-01-01T00:00:00Z', '2023-12-31T23:59:59Z', days)).toMatchObject({
      value: 0, unit: 'days_per_month', level: 'low', label: '0 deployment days per month(low)',
    });
    expect(run('2021', '2023-01-01T00:00:00Z', '2023-12-31T23:59:59Z', days)).toMatchObject({
      value: 2, unit: 'days_per_six_months', level: 'medium', label: '2 deployment days per six months(medium)',
    });
  });

  it('DF4: edge weeks pull the weekly median down', () => {
    const days = ['03', '04', '05', '08', '09', '10', '11', '12', '15', '16'].map((d) => `2024-01-${d}`);
    expect(run('2023', '2024-01-03T00:00:00Z', '2024-01-16T23:59:59Z', days).label).toBe('3 deployment days per week(high)');
  });
});
