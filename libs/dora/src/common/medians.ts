/** Ascending with NULLs first, as both databases sort. */
function sortNullsFirst(values: readonly (number | null)[]): (number | null)[] {
  return [...values].sort((a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : a - b));
}

/**
 * B3, DevLake's "median": the element at 0-based position ⌊(n − 1) / 2⌋ of the ascending list
 * (NULLs first); the lower middle for even n, never an average. Empty input, or a NULL at that
 * position, gives NULL.
 */
export function lowerMedian(values: readonly (number | null)[]): number | null {
  if (values.length === 0) return null;
  return sortNullsFirst(values)[Math.floor((values.length - 1) / 2)];
}

/**
 * B4, the strict upper median: n ≤ 1 → NULL; else the first value at or after 0-based position
 * ⌈(n − 1) / 2⌉ that starts a new run of equal values (its predecessor differs); none → NULL.
 */
export function strictUpperMedian(values: readonly (number | null)[]): number | null {
  const n = values.length;
  if (n <= 1) return null;
  const sorted = sortNullsFirst(values);
  for (let i = Math.ceil((n - 1) / 2); i < n; i++) {
    if (sorted[i] !== sorted[i - 1]) return sorted[i];
  }
  return null;
}
