/** Earliest instant a time field may hold: 1970-01-01 00:00:00.000 UTC (epoch ms). */
export const EARLIEST_INSTANT_MS = 0;

/** Latest instant a time field may hold: 2100-12-31 23:59:59.999 UTC (epoch ms). */
export const LATEST_INSTANT_MS = Date.UTC(2100, 11, 31, 23, 59, 59, 999);

export const OUT_OF_RANGE_PROBLEM = 'must be between 1970-01-01 and 2100-12-31';

export function isWithinTimeRange(epochMs: number): boolean {
  return epochMs >= EARLIEST_INSTANT_MS && epochMs <= LATEST_INSTANT_MS;
}
