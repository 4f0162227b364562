import { formatDbDatetime } from './format-time';
import { parseTimeValue, TimeParseResult } from './parse-time-value';

/** The stored text of an accepted value; fails the test when the value is rejected. */
function stored(value: unknown): string {
  const result = parseTimeValue(value);
  if (!result.ok) {
    throw new Error(`${JSON.stringify(value)} rejected: ${result.problem}`);
  }
  return formatDbDatetime(result.instant);
}

function problem(value: unknown, required = false): string | undefined {
  const result: TimeParseResult = parseTimeValue(value, { required });
  return result.ok ? undefined : result.problem;
}

describe('parseTimeValue', () => {
  describe('accepted inputs (§4.3 first table)', () => {
    it.each([
      ['2020-01-01T12:00:00+00:00', '2020-01-01 12:00:00.000'],
      ['2024-06-01T10:00:00+0000', '2024-06-01 10:00:00.000'],
      ['2020-01-01T12:00:00.123+08:00', '2020-01-01 04:00:00.123'],
      ['2020-01-01T12:00:00.123456+08:00', '2020-01-01 04:00:00.123'],
      ['2020-01-01T12:00:00Z', '2020-01-01 12:00:00.000'],
      ['2020-01-01T12:00:00.5Z', '2020-01-01 12:00:00.500'],
      ['2020-01-01 12:00:00', '2020-01-01 12:00:00.000'],
      ['2020-01-01 12:00', '2020-01-01 12:00:00.000'],
      ['2020-01-01', '2020-01-01 00:00:00.000'],
      ['2020-01-01T12:00:00', '2020-01-01 12:00:00.000'],
      ['2020-01-01 12:00:00+08:00', '2020-01-01 04:00:00.000'],
    ])('%s → %s', (input, expected) => {
      expect(stored(input)).toBe(expected);
    });

    it.each([
      [1577880000, '2020-01-01 12:00:00.000'],
      [1577880000123, '2020-01-01 12:00:00.123'],
    ])('epoch number %d → %s', (input, expected) => {
      expect(stored(input)).toBe(expected);
    });
  });

  describe('layout details', () => {
    it.each([
      ['lower-case t and z', '2020-01-01t12:00:00z', '2020-01-01 12:00:00.000'],
      ['a zone after hh:mm', '2020-01-01T12:00Z', '2020-01-01 12:00:00.000'],
      ['a negative offset without colon', '2020-01-01T12:00:00-0530', '2020-01-01 17:30:00.000'],
      ['nine fraction digits', '2020-01-01T12:00:00.123456789Z', '2020-01-01 12:00:00.123'],
      ['surrounding whitespace', ' \t2020-01-01T12:00:00Z\n ', '2020-01-01 12:00:00.000'],
      ['an offset crossing midnight', '2020-01-01T01:00:00+08:00', '2019-12-31 17:00:00.000'],
      ['the leap day of 2024', '2024-02-29', '2024-02-29 00:00:00.000'],
      ['the leap day of 2000', '2000-02-29T23:59:59.999Z', '2000-02-29 23:59:59.999'],
      ['the first instant', '1970-01-01T00:00:00Z', '1970-01-01 00:00:00.000'],
      ['the last instant', '2100-12-31T23:59:59.999Z', '2100-12-31 23:59:59.999'],
      ['an offset pulling 1970 back in range', '1970-01-01T08:00:00+08:00', '1970-01-01 00:00:00.000'],
    ])('accepts %s', (_label, input, expected) => {
      expect(stored(input)).toBe(expected);
    });
  });

  describe('rounding to the millisecond, half up', () => {
    it.each([
      ['2020-01-01T12:00:00.1234Z', '2020-01-01 12:00:00.123'],
      ['2020-01-01T12:00:00.1235Z', '2020-01-01 12:00:00.124'],
      ['2020-01-01T12:00:00.12349999Z', '2020-01-01 12:00:00.123'],
      ['2020-01-01T12:00:00.9995Z', '2020-01-01 12:00:01.000'],
      ['2020-12-31T23:59:59.9999Z', '2021-01-01 00:00:00.000'],
      ['1969-12-31T23:59:59.9995Z', '1970-01-01 00:00:00.000'],
    ])('%s → %s', (input, expected) => {
      expect(stored(input)).toBe(expected);
    });

    it.each([
      [1577880000.1235, '2020-01-01 12:00:00.124'],
      [1577880000.1234, '2020-01-01 12:00:00.123'],
      [1577880000.5, '2020-01-01 12:00:00.500'],
      [1577880000123.5, '2020-01-01 12:00:00.124'],
      [1577880000123.4, '2020-01-01 12:00:00.123'],
      [0, '1970-01-01 00:00:00.000'],
      [0.0004, '1970-01-01 00:00:00.000'],
      [4133980799, '2100-12-31 23:59:59.000'],
      [4133980799.999, '2100-12-31 23:59:59.999'],
    ])('epoch %d → %s', (input, expected) => {
      expect(stored(input)).toBe(expected);
    });

    it('reads 10^11 and above as milliseconds', () => {
      expect(stored(100000000000)).toBe('1973-03-03 09:46:40.000');
    });

    it('rounds past the last instant into the rejection', () => {
      expect(problem('2100-12-31T23:59:59.9995Z')).toBe('must be between 1970-01-01 and 2100-12-31');
    });
  });

  describe('rejections (§4.3 second table)', () => {
    it.each(['', '   '])('%j: is required when required, else must not be empty', (input) => {
      expect(problem(input, true)).toBe('is required');
      expect(problem(input, false)).toBe('must not be empty');
    });

    it.each([
      ['yesterday', '"yesterday" is not a supported time'],
      ['20200101', '"20200101" is not a supported time'],
      ['1577880000', '"1577880000" is not a supported time'],
      ['2020-01-01Z', '"2020-01-01Z" is not a supported time'],
      [true, '"true" is not a supported time'],
      [{}, '"{}" is not a supported time'],
    ])('%j: %s', (input, expected) => {
      expect(problem(input)).toBe(expected);
    });

    it.each([
      ['2024-02-30', '"2024-02-30" is not a valid date'],
      ['2024-01-01T24:00:00Z', '"2024-01-01T24:00:00Z" is not a valid date'],
      ['2024-01-01T12:00:00+25:00', '"2024-01-01T12:00:00+25:00" is not a valid date'],
    ])('%j: %s', (input, expected) => {
      expect(problem(input)).toBe(expected);
    });

    it.each(['1969-12-31T23:59:59Z', '2101-01-01', 99999999999999])('%j: out of range', (input) => {
      expect(problem(input)).toBe('must be between 1970-01-01 and 2100-12-31');
    });
  });

  describe('more rejections', () => {
    it.each([
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-01T12:60:00Z',
      '2024-01-01T12:00:60Z',
      '2024-01-01T12:00:00+08:60',
    ])('%j is not a valid date', (input) => {
      expect(problem(input)).toBe(`${JSON.stringify(input)} is not a valid date`);
    });

    it.each([
      '2024-1-01',
      '2024-01-01T12',
      '2024-01-01T12:00:00.',
      '2024-01-01T12:00:00.1234567890Z',
      '2024-01-01  12:00:00',
      '2024-01-01T12:00:00+08',
      '2024-01-01T12:00:00 Z',
      '2024-01-01T12:00:00UTC',
      '２０２４-01-01',
    ])('%j is not a supported time', (input) => {
      expect(problem(input)).toBe(`${JSON.stringify(input)} is not a supported time`);
    });

    it.each([
      [[], '"[]" is not a supported time'],
      [false, '"false" is not a supported time'],
      [{ a: 1 }, '"{\\"a\\":1}" is not a supported time'],
      ['say "hi"', '"say \\"hi\\"" is not a supported time'],
    ])('echoes %j as a JSON string', (input, expected) => {
      expect(problem(input)).toBe(expected);
    });

    it('cuts a long value after 100 characters', () => {
      expect(problem('x'.repeat(500))).toBe(`"${'x'.repeat(100)}…" is not a supported time`);
    });

    it.each([-1, -1577880000, -0.0005, 4133980800, 99999999999, 4133980800000, 1e300])('rejects epoch %d as out of range', (input) => {
      expect(problem(input)).toBe('must be between 1970-01-01 and 2100-12-31');
    });

    it('reads null as missing', () => {
      expect(problem(null)).toBe('is required');
    });
  });
});
