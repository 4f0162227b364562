import { codePointLength, coerceScalar, decimalText, ScalarFieldSpec } from './coerce-value';

const base = { name: 'f', seed: 'f' };
const stringField: ScalarFieldSpec = { ...base, type: 'string' };
const integerField: ScalarFieldSpec = { ...base, type: 'integer' };
const numberField: ScalarFieldSpec = { ...base, type: 'number' };
const booleanField: ScalarFieldSpec = { ...base, type: 'boolean' };
const enumField: ScalarFieldSpec = { ...base, type: 'enum', values: ['OPEN', 'CLOSED', 'MERGED'] };
const timeField: ScalarFieldSpec = { ...base, type: 'time' };

describe('coerceScalar (spec api.md §4.2)', () => {
  it.each<[string, ScalarFieldSpec, unknown, unknown]>([
    ['number → shortest decimal string', stringField, 123, '123'],
    ['fraction → shortest decimal string', stringField, 45.5, '45.5'],
    ['big number → no exponent', stringField, 1e21, '1000000000000000000000'],
    ['true → "1"', stringField, true, '1'],
    ['false → "0"', stringField, false, '0'],
    ['string kept as sent', stringField, '  Mixed Case ', '  Mixed Case '],
    ['empty string kept', stringField, '', ''],
    ['"3.5" → 3.5', numberField, '3.5', 3.5],
    ['"10" → 10', integerField, '10', 10],
    ['"-1e2" → -100', integerField, '-1e2', -100],
    ['12.7 → 12', integerField, 12.7, 12],
    ['-12.7 → -12', integerField, -12.7, -12],
    ['"12.7" → 12', integerField, '12.7', 12],
    ['-0.5 → 0', integerField, -0.5, 0],
    ['true', booleanField, true, true],
    ['false', booleanField, false, false],
    ['"true"', booleanField, 'true', true],
    ['"FALSE"', booleanField, 'FALSE', false],
    ['"1"', booleanField, '1', true],
    ['"0"', booleanField, '0', false],
    ['non-zero number', booleanField, 2, true],
    ['zero', booleanField, 0, false],
    ['enum any case → upper case', enumField, 'merged', 'MERGED'],
    ['time string', timeField, '2020-01-01', new Date('2020-01-01T00:00:00Z')],
  ])('%s', (_label, spec, raw, expected) => {
    expect(coerceScalar(spec, raw)).toEqual({ kind: 'value', value: expected });
  });

  it.each<[ScalarFieldSpec, unknown, string]>([
    [stringField, {}, 'must be a string'],
    [stringField, [], 'must be a string'],
    [integerField, 'ten', 'must be an integer'],
    [integerField, '0x10', 'must be an integer'],
    [integerField, ' 10', 'must be an integer'],
    [integerField, true, 'must be an integer'],
    [integerField, 1e300, 'must be an integer'],
    [numberField, {}, 'must be a number'],
    [numberField, 'NaN', 'must be a number'],
    [booleanField, 'yes', 'must be a boolean'],
    [booleanField, [], 'must be a boolean'],
    [enumField, 'DRAFT', 'must be one of OPEN, CLOSED, MERGED'],
    [enumField, 1, 'must be one of OPEN, CLOSED, MERGED'],
    [timeField, '', 'must not be empty'],
    [timeField, false, '"false" is not a supported time'],
  ])('%j: %j → %s', (spec, raw, problem) => {
    expect(coerceScalar(spec, raw)).toEqual({ kind: 'problem', problem });
  });

  it('says "is required" for "" in a required field of any type', () => {
    for (const spec of [stringField, integerField, booleanField, enumField, timeField]) {
      expect(coerceScalar({ ...spec, required: true }, '')).toEqual({ kind: 'problem', problem: 'is required' });
    }
    expect(coerceScalar({ ...timeField, required: true }, '  ')).toEqual({ kind: 'problem', problem: 'is required' });
  });

  it('reads "" as absent in optional numbers, booleans and enumerations', () => {
    for (const spec of [integerField, numberField, booleanField, enumField]) {
      expect(coerceScalar(spec, '')).toEqual({ kind: 'absent' });
    }
  });

  it('checks lengths in code points, after coercion', () => {
    const short: ScalarFieldSpec = { ...stringField, maxLength: 3 };
    expect(coerceScalar(short, '😀😀😀')).toEqual({ kind: 'value', value: '😀😀😀' });
    expect(coerceScalar(short, 'abcd')).toEqual({ kind: 'problem', problem: 'must be at most 3 characters' });
    expect(coerceScalar(short, 1234)).toEqual({ kind: 'problem', problem: 'must be at most 3 characters' });
  });

  it('checks minimums', () => {
    expect(coerceScalar({ ...integerField, min: 1 }, 0)).toEqual({ kind: 'problem', problem: 'must be a positive integer' });
    expect(coerceScalar({ ...integerField, min: 1 }, '8')).toEqual({ kind: 'value', value: 8 });
    expect(coerceScalar({ ...integerField, min: 0 }, -1)).toEqual({ kind: 'problem', problem: 'must not be negative' });
    expect(coerceScalar({ ...numberField, min: 0 }, 0)).toEqual({ kind: 'value', value: 0 });
  });
});

describe('decimalText', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [123, '123'],
    [45.5, '45.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [-2.5e-7, '-0.00000025'],
    [1e-7, '0.0000001'],
  ])('%d → %s', (n, text) => {
    expect(decimalText(n)).toBe(text);
  });
});

describe('codePointLength', () => {
  it('counts an astral character once', () => {
    expect(codePointLength('a😀é')).toBe(3);
  });
});
