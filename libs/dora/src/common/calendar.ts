/**
 * UTC calendar helpers. Days are `YYYY-MM-DD`, month keys `YYYY-MM`; weeks start on Monday and are
 * labelled by their Monday, months by `YY/MM` (spec metrics.md §1).
 */
export const DAY_MS = 86_400_000;

export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function monthKeyOfDay(day: string): string {
  return day.slice(0, 7);
}

/** `2024-03` → `24/03`. */
export function monthLabel(monthKey: string): string {
  return `${monthKey.slice(2, 4)}/${monthKey.slice(5, 7)}`;
}

/** The Monday of the week holding `day`, as `YYYY-MM-DD`. */
export function weekOfDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return utcDay(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** Every month key from the month of `from` to the month of `to`, inclusive. */
export function monthKeysBetween(from: Date, to: Date): string[] {
  const keys: string[] = [];
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth();
  const lastYear = to.getUTCFullYear();
  const lastMonth = to.getUTCMonth();
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    keys.push(`${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) [year, month] = [year + 1, 0];
  }
  return keys;
}

/**
 * `instant` minus `months` calendar months at the same time of day, the day clamped to the
 * target month's last day (MySQL `DATE_SUB(…, INTERVAL n MONTH)`: 2024-08-31 − 6 → 2024-02-29).
 */
export function minusCalendarMonths(instant: Date, months: number): Date {
  const total = instant.getUTCFullYear() * 12 + instant.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const result = new Date(instant.getTime());
  result.setUTCFullYear(year, month, Math.min(instant.getUTCDate(), daysInMonth(year, month)));
  return result;
}

/** Days of a month (0-based `month`); the Gregorian leap rule. */
function daysInMonth(year: number, month: number): number {
  if (month === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [3, 5, 8, 10].includes(month) ? 30 : 31;
}

/**
 * A datetime as the drivers return it: mysql2 gives a Date (session and pool in UTC), SQLite the
 * stored text `YYYY-MM-DD HH:MM:SS.SSS`, which is UTC.
 */
export function toInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  const iso = text.includes('T') ? text : text.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}
