import { bigintToNumber, tinyintToBoolean } from './column-transformers';

describe('bigintToNumber', () => {
  it('reads exact BIGINT strings as numbers and keeps numbers and NULL', () => {
    expect(bigintToNumber.from('42')).toBe(42);
    expect(bigintToNumber.from(7)).toBe(7);
    expect(bigintToNumber.from(null)).toBeNull();
  });

  it('keeps a value beyond 2^53 as its exact string instead of rounding it', () => {
    expect(bigintToNumber.from('18446744073709551615')).toBe('18446744073709551615');
  });
});

describe('tinyintToBoolean', () => {
  it('writes booleans as 0/1 and leaves NULL and undefined alone', () => {
    expect([true, false, null, undefined].map((value) => tinyintToBoolean.to(value))).toEqual([1, 0, null, undefined]);
  });

  it('reads 0/1 (number or string) as booleans and NULL as NULL', () => {
    expect([1, 0, '1', '0', null].map((value) => tinyintToBoolean.from(value))).toEqual([true, false, true, false, null]);
  });
});
