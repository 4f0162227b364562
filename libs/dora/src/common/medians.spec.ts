import { lowerMedian, strictUpperMedian } from './medians';

/** metrics.md §8 M1: input, B3 lower, B4 strict upper. */
const M1: Array<[number[], number | null, number | null]> = [
  [[30, 10, 20, 40], 20, 30],
  [[5, 1, 3], 3, 3],
  [[10, 10, 20, 20], 10, 20],
  [[7], 7, null],
  [[], null, null],
  [[0, 0, 0, 1], 0, 1],
  [[3, 3], 3, null],
  [[2, 5], 2, 5],
  [[0, 2, 5, 5], 2, 5],
];

describe('lowerMedian (B3)', () => {
  it.each(M1)('%j → %p', (input, lower) => {
    expect(lowerMedian(input)).toBe(lower);
  });

  it('sorts NULLs first, so a NULL at the middle position gives NULL (T1)', () => {
    expect(lowerMedian([180, null, 240, null])).toBeNull();
    expect(lowerMedian([180, null, 240])).toBe(180);
  });
});

describe('strictUpperMedian (B4)', () => {
  it.each(M1)('%j → B4 %#', (input, _lower, upper) => {
    expect(strictUpperMedian(input)).toBe(upper);
  });

  it('does not depend on input order', () => {
    expect(strictUpperMedian([5, 2, 5, 0])).toBe(5);
    expect(strictUpperMedian([2, 5, 5, 5])).toBeNull();
  });
});
