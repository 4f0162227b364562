import { parseTimeValue } from '../time';
import { EnumFieldSpec, FieldSpec, NumericFieldSpec, StringFieldSpec } from './field-spec';

/** A decoded scalar: strings (enums upper-cased), numbers, booleans, times as `Date`. */
export type ScalarValue = string | number | boolean | Date;

export type ScalarFieldSpec<TFlags = unknown> = Exclude<FieldSpec<TFlags>, { type: 'object-array' } | { type?: undefined }>;

/** What one non-null JSON value becomes for a field (spec api.md §4.2). */
export type Coerced<T = ScalarValue> = { kind: 'value'; value: T } | { kind: 'absent' } | { kind: 'problem'; problem: string };

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** `a string`, `an integer`, … as in `must be a string`. */
export function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Coerces a present, non-null value. `""` is `is required` for a required field; otherwise it is
 * kept for strings, `must not be empty` for times, and absent for the other types (DevLake's weak
 * decoding turns it into the zero value, which is every such field's default).
 */
export function coerceScalar(spec: ScalarFieldSpec, raw: unknown): Coerced {
  if (raw === '' && spec.required) {
    return problem('is required');
  }
  switch (spec.type) {
    case 'string':
      return coerceString(spec, raw);
    case 'integer':
    case 'number':
      return raw === '' ? { kind: 'absent' } : coerceNumber(spec, raw);
    case 'boolean':
      return raw === '' ? { kind: 'absent' } : coerceBoolean(raw);
    case 'enum':
      return raw === '' ? { kind: 'absent' } : coerceEnum(spec, raw);
    case 'time': {
      const parsed = parseTimeValue(raw, { required: spec.required });
      return parsed.ok ? value(parsed.instant) : problem(parsed.problem);
    }
  }
}

function coerceString(spec: StringFieldSpec, raw: unknown): Coerced {
  let text: string;
  if (typeof raw === 'string') {
    text = raw;
  } else if (typeof raw === 'number') {
    text = decimalText(raw);
  } else if (typeof raw === 'boolean') {
    text = raw ? '1' : '0';
  } else {
    return problem('must be a string');
  }
  if (spec.maxLength !== undefined && codePointLength(text) > spec.maxLength) {
    return problem(`must be at most ${spec.maxLength} characters`);
  }
  return value(text);
}

function coerceNumber(spec: NumericFieldSpec, raw: unknown): Coerced {
  const typeProblem = problem(`must be ${withArticle(spec.type)}`);
  let parsed: number;
  if (typeof raw === 'number') {
    parsed = raw;
  } else if (typeof raw === 'string' && NUMERIC_TEXT.test(raw)) {
    parsed = Number(raw);
  } else {
    return typeProblem;
  }
  if (!Number.isFinite(parsed)) {
    return typeProblem;
  }
  if (spec.type === 'integer') {
    parsed = Math.trunc(parsed);
    if (!Number.isSafeInteger(parsed)) {
      return typeProblem;
    }
  }
  parsed = parsed === 0 ? 0 : parsed; // no -0
  if (spec.min === 1 && parsed < 1) {
    return problem('must be a positive integer');
  }
  if (spec.min === 0 && parsed < 0) {
    return problem('must not be negative');
  }
  return value(parsed);
}

function coerceBoolean(raw: unknown): Coerced {
  if (typeof raw === 'boolean') {
    return value(raw);
  }
  if (typeof raw === 'number') {
    return value(raw !== 0);
  }
  const text = typeof raw === 'string' ? asciiLowerCase(raw) : undefined;
  if (text === 'true' || text === '1') {
    return value(true);
  }
  if (text === 'false' || text === '0') {
    return value(false);
  }
  return problem('must be a boolean');
}

function coerceEnum(spec: EnumFieldSpec, raw: unknown): Coerced {
  const upper = typeof raw === 'string' ? asciiUpperCase(raw) : undefined;
  return upper !== undefined && spec.values.includes(upper)
    ? value(upper)
    : problem(`must be one of ${spec.values.join(', ')}`);
}

/** Shortest decimal text of a number, never in exponent notation (`1e21` → `1000000000000000000000`). */
export function decimalText(n: number): string {
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) {
    return text;
  }
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) {
    return `${sign}0.${'0'.repeat(-point)}${digits}`;
  }
  return point >= digits.length ? sign + digits.padEnd(point, '0') : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Length in Unicode code points (an emoji counts once). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) {
    length += 1;
  }
  return length;
}

/** Case folding for keys and enumerations: ASCII letters only, so no Unicode surprises (`ſ` ≠ `s`). */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function asciiUpperCase(text: string): string {
  return text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

function value(v: ScalarValue): Coerced {
  return { kind: 'value', value: v };
}

function problem(text: string): Coerced {
  return { kind: 'problem', problem: text };
}
