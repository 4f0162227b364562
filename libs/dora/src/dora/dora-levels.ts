import { Level } from '../common/metric-result';

export const DORA_REPORTS = ['2023', '2021'] as const;
export type DoraReport = (typeof DORA_REPORTS)[number];

type BenchmarkMetric = 'deploymentFrequency' | 'leadTimeForChanges' | 'changeFailureRate' | 'recovery';

/** DevLake's `dora_benchmarks` sentences (spec metrics.md §6), low → elite. */
const BENCHMARKS: Record<DoraReport, Record<BenchmarkMetric, [string, string, string, string]>> = {
  '2021': {
    deploymentFrequency: [
      'Fewer than once per six months(low)',
      'Between once per month and once every 6 months(medium)',
      'Between once per day and once per month(high)',
      'On-demand(elite)',
    ],
    leadTimeForChanges: [
      'More than six months(low)',
      'Between one week and six months(medium)',
      'Less than one week(high)',
      'Less than one hour(elite)',
    ],
    changeFailureRate: ['> 30%(low)', '21%-30%(medium)', '16%-20%(high)', '0-15%(elite)'],
    recovery: [
      'More than one week(low)',
      'Between one day and one week(medium)',
      'Less than one day(high)',
      'Less than one hour(elite)',
    ],
  },
  '2023': {
    deploymentFrequency: [
      'Fewer than once per month(low)',
      'Between once per week and once per month(medium)',
      'Between once per day and once per week(high)',
      'On-demand(elite)',
    ],
    leadTimeForChanges: [
      'More than one month(low)',
      'Between one week and one month(medium)',
      'Between one day and one week(high)',
      'Less than one day(elite)',
    ],
    changeFailureRate: ['> 15%(low)', '10%-15%(medium)', '5%-10%(high)', '0-5%(elite)'],
    recovery: [
      'More than one week(low)',
      'Between one day and one week(medium)',
      'Less than one day(high)',
      'Less than one hour(elite)',
    ],
  },
};

const LEVEL_INDEX: Record<Level, number> = { low: 0, medium: 1, high: 2, elite: 3 };

export function benchmarkText(metric: BenchmarkMetric, report: DoraReport, level: Level | null): string | null {
  return level === null ? null : BENCHMARKS[report][metric][LEVEL_INDEX[level]];
}

/** First level whose test passes, top to bottom; NULL never passes (B5). */
function firstLevel(value: number | null, tests: [Level, (v: number) => boolean][]): Level | null {
  if (value === null) return null;
  return tests.find(([, passes]) => passes(value))?.[0] ?? null;
}

/** Executable thresholds of spec metrics.md §6 (they win over the benchmark sentences). */
export function leadTimeLevel(report: DoraReport, minutes: number | null): Level | null {
  const [elite, medium] = report === '2023' ? [1440, 43200] : [60, 259200];
  return firstLevel(minutes, [
    ['elite', (v) => v < elite],
    ['high', (v) => v < 10080],
    ['medium', (v) => v < medium],
    ['low', () => true],
  ]);
}

export function changeFailureLevel(report: DoraReport, ratio: number | null): Level | null {
  const [elite, high, medium] = report === '2023' ? [0.05, 0.1, 0.15] : [0.15, 0.2, 0.3];
  return firstLevel(ratio, [
    ['elite', (v) => v <= elite],
    ['high', (v) => v <= high],
    ['medium', (v) => v <= medium],
    ['low', () => true],
  ]);
}

/** FDRT (2023) and MTTR (2021) share these. */
export function recoveryLevel(minutes: number | null): Level | null {
  return firstLevel(minutes, [
    ['elite', (v) => v < 60],
    ['high', (v) => v < 1440],
    ['medium', (v) => v < 10080],
    ['low', () => true],
  ]);
}

/** B7: minutes as hours, rounded half away from zero to one decimal, always printed with it. */
export function hoursText(minutes: number): string {
  return tenthsText(Math.round(Math.abs(minutes) / 6), minutes < 0);
}

/** B7: a 4-decimal ratio as a percentage with one decimal (`0.6` → `60.0%`). */
export function percentText(ratio: number): string {
  const tenThousandths = Math.round(Math.abs(ratio) * 10000);
  return `${tenthsText(Math.floor((tenThousandths + 5) / 10), ratio < 0)}%`;
}

function tenthsText(tenths: number, negative: boolean): string {
  return `${negative && tenths > 0 ? '-' : ''}${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** CFR's ratio rounded half up to 4 decimals, as MySQL's decimal division (Q7). */
export function roundedRatio(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator * 10000 + denominator) / (2 * denominator)) / 10000;
}
