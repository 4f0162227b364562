import { Sql, sql } from './sql';

/**
 * B3, DevLake's "median", per bucket: sort ascending with NULLs first (both drivers do so) and take
 * 0-based position ⌊(n − 1) / 2⌋, i.e. row number r with 2r = n (even n) or 2r = n + 1 (odd n).
 * `inner` selects the columns `bucket` and `v`; one row per bucket comes back.
 */
export function lowerMedianByBucket(inner: Sql): Sql {
  return sql`SELECT bucket, v FROM (
      SELECT bucket, v, ROW_NUMBER() OVER (PARTITION BY bucket ORDER BY v) AS rn,
             COUNT(*) OVER (PARTITION BY bucket) AS n
        FROM (${inner}) median_in) median_ranked
     WHERE 2 * rn IN (n, n + 1)`;
}

/**
 * B4, the strict upper median: the smallest value whose run of equal values starts at 0-based
 * position ≥ ⌈(n − 1) / 2⌉ (RANK − 1 is that start, whatever order ties get). n ≤ 1 → NULL.
 * `inner` selects the column `v`; exactly one row comes back.
 */
export function strictUpperMedian(inner: Sql): Sql {
  return sql`SELECT MIN(v) AS v FROM (
      SELECT v, RANK() OVER (ORDER BY v) AS rk, COUNT(*) OVER () AS n
        FROM (${inner}) median_in) median_ranked
     WHERE n > 1 AND 2 * (rk - 1) >= n - 1`;
}
