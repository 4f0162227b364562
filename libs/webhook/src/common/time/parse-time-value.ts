import { epochNumberToMillis } from './epoch-number';
import { isWithinTimeRange, OUT_OF_RANGE_PROBLEM } from './time-range';

/** Outcome of reading one time field: the instant, or the problem text that follows `<path>: `. */
export type TimeParseResult = { ok: true; instant: Date } | { ok: false; problem: string };

export interface ParseTimeOptions {
  /** Decides the text for an empty string: `is required` (required) or `must not be empty`. */
  required?: boolean;
}

/**
 * `YYYY-MM-DD`, then optionally `T`/`t`/one space and `hh:mm[:ss[.f{1,9}]]`, then (only after a
 * time) optionally `Z`/`z`/`±hh:mm`/`±hhmm`. `\d` without the `u` flag is ASCII digits only.
 */
const TIME_LAYOUT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Longest value, in code points, echoed back in a cause; longer ones are cut with `…`. */
const ECHO_LIMIT = 100;

/**
 * Reads a time field as spec api.md §4.3 describes: strings in the layouts above (no zone = UTC),
 * numbers as epoch seconds (|n| < 10^11) or milliseconds. The instant is rounded half up to the
 * millisecond and must lie in [1970-01-01, 2100-12-31 23:59:59.999] UTC.
 *
 * Callers treat JSON `null` as absent before calling; `null`/`undefined` given here read as missing.
 */
export function parseTimeValue(value: unknown, options: ParseTimeOptions = {}): TimeParseResult {
  if (value === null || value === undefined) {
    return { ok: false, problem: 'is required' };
  }
  if (typeof value === 'number') {
    return checkedInstant(epochNumberToMillis(value));
  }
  if (typeof value !== 'string') {
    return { ok: false, problem: `${echoValue(value)} is not a supported time` };
  }
  const text = value.trim();
  if (text === '') {
    return { ok: false, problem: options.required ? 'is required' : 'must not be empty' };
  }
  const match = TIME_LAYOUT.exec(text);
  if (!match) {
    return { ok: false, problem: `${echoValue(value)} is not a supported time` };
  }
  const epochMs = layoutToMillis(match);
  if (epochMs === undefined) {
    return { ok: false, problem: `${echoValue(value)} is not a valid date` };
  }
  return checkedInstant(epochMs);
}

function checkedInstant(epochMs: number): TimeParseResult {
  return isWithinTimeRange(epochMs)
    ? { ok: true, instant: new Date(epochMs) }
    : { ok: false, problem: OUT_OF_RANGE_PROBLEM };
}

/** Epoch milliseconds of a matched layout, or undefined when a component is out of its range. */
function layoutToMillis(match: RegExpExecArray): number | undefined {
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zulu, sign, offsetHour, offsetMinute] =
    match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  let offsetMs = 0;
  if (sign && !zulu) {
    const [oh, om] = [Number(offsetHour), Number(offsetMinute)];
    if (oh > 23 || om > 59) {
      return undefined;
    }
    offsetMs = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const midnight = new Date(0);
  midnight.setUTCFullYear(y, mo - 1, d);
  return midnight.getTime() + ((h * 60 + mi) * 60 + s) * 1000 + fractionToMillis(fraction) - offsetMs;
}

/** Up to nine fraction digits to whole milliseconds, half up (`.9995` → 1000). */
function fractionToMillis(fraction: string): number {
  const digits = fraction.padEnd(4, '0');
  return Number(digits.slice(0, 3)) + (digits[3] >= '5' ? 1 : 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The `"<value>"` of a cause: a JSON string literal of the value as sent, untrimmed; a non-string
 * is first written as JSON text (`true` → `"true"`, `{}` → `"{}"`). Long values are cut.
 */
export function echoValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const codePoints = Array.from(text);
  const shown = codePoints.length > ECHO_LIMIT ? `${codePoints.slice(0, ECHO_LIMIT).join('')}…` : text;
  return JSON.stringify(shown);
}
