import { minusCalendarMonths } from './calendar';

/** `[from, to]`, both ends inclusive, instant precision. */
export interface MetricsWindow {
  from: Date;
  to: Date;
}

/** Default window (spec metrics.md §1): `to` = now, `from` = `to` minus 6 calendar months. */
export function resolveWindow(now: Date, from?: Date, to?: Date): MetricsWindow {
  const end = to ?? now;
  return { from: from ?? minusCalendarMonths(end, 6), to: end };
}
