import {
  benchmarkText,
  changeFailureLevel,
  hoursText,
  leadTimeLevel,
  percentText,
  recoveryLevel,
  roundedRatio,
} from './dora-levels';

describe('dora levels', () => {
  it('CFR thresholds of C2 (≤, with 0 elite and 0.155 a 2021 high)', () => {
    const cases: Array<[number, string, string]> = [
      [0, 'elite', 'elite'],
      [0.05, 'elite', 'elite'],
      [0.1, 'high', 'elite'],
      [0.15, 'medium', 'elite'],
      [0.155, 'low', 'high'],
      [0.2, 'low', 'high'],
      [0.3, 'low', 'medium'],
      [0.35, 'low', 'low'],
    ];
    for (const [ratio, level2023, level2021] of cases) {
      expect([changeFailureLevel('2023', ratio), changeFailureLevel('2021', ratio)]).toEqual([level2023, level2021]);
    }
    expect(changeFailureLevel('2023', null)).toBeNull();
  });

  it('lead time and recovery thresholds are strict', () => {
    expect(leadTimeLevel('2023', 1439)).toBe('elite');
    expect(leadTimeLevel('2023', 1440)).toBe('high');
    expect(leadTimeLevel('2021', 840)).toBe('high');
    expect(leadTimeLevel('2021', 59)).toBe('elite');
    expect(leadTimeLevel('2021', 259200)).toBe('low');
    expect(recoveryLevel(3000)).toBe('medium');
    expect(recoveryLevel(10080)).toBe('low');
    expect(recoveryLevel(-5)).toBe('elite');
    expect(recoveryLevel(null)).toBeNull();
  });

  it('labels hours and percentages with one decimal (B7)', () => {
    expect(hoursText(840)).toBe('14.0');
    expect(hoursText(3000)).toBe('50.0');
    expect(hoursText(3)).toBe('0.1');
    expect(hoursText(-3)).toBe('-0.1');
    expect(hoursText(-2)).toBe('0.0');
    expect(hoursText(1449)).toBe('24.2');
    expect(percentText(0.6)).toBe('60.0%');
    expect(percentText(0.05)).toBe('5.0%');
    expect(percentText(0.3333)).toBe('33.3%');
    expect(percentText(0.6667)).toBe('66.7%');
    expect(percentText(0)).toBe('0.0%');
  });

  it('rounds the CFR ratio half up to four decimals (Q7)', () => {
    expect(roundedRatio(3, 5)).toBe(0.6);
    expect(roundedRatio(1, 3)).toBe(0.3333);
    expect(roundedRatio(2, 3)).toBe(0.6667);
    expect(roundedRatio(1, 20000)).toBe(0.0001);
    expect(roundedRatio(1, 20001)).toBe(0);
  });

  it('gives the benchmark sentence of the level and report', () => {
    expect(benchmarkText('changeFailureRate', '2023', 'low')).toBe('> 15%(low)');
    expect(benchmarkText('changeFailureRate', '2021', 'low')).toBe('> 30%(low)');
    expect(benchmarkText('recovery', '2021', 'high')).toBe('Less than one day(high)');
    expect(benchmarkText('deploymentFrequency', '2023', null)).toBeNull();
  });
});
