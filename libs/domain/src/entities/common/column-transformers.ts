import { ValueTransformer } from 'typeorm';

/**
 * BIGINT ids and counters as JS numbers. mysql2 (`supportBigNumbers`) already returns a number when
 * it is exact and a string beyond 2^53; such a string is kept rather than rounded.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => {
    if (typeof value !== 'string') return value;
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : value;
  },
};

/** DevLake's `tinyint(1)` flags as booleans; both drivers store 0/1. */
export const tinyintToBoolean: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : value ? 1 : 0),
  from: (value: unknown) => (value === null || value === undefined ? value : Boolean(Number(value))),
};
