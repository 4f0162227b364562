import { classifyDatabaseError } from './database-errors';

describe('classifyDatabaseError', () => {
  it.each([
    ['ER_LOCK_DEADLOCK', 'retryable'], // 1213, also Galera's certification conflicts
    ['ER_LOCK_WAIT_TIMEOUT', 'retryable'], // 1205
    ['ER_UNKNOWN_COM_ERROR', 'unavailable'], // 1047: Galera node outside the primary component
    ['ECONNREFUSED', 'unavailable'],
    ['ER_DUP_ENTRY', 'unique-violation'],
  ])('%s is %s', (code, kind) => {
    expect(classifyDatabaseError(Object.assign(new Error(code), { code }))).toBe(kind);
    expect(classifyDatabaseError({ driverError: { code } })).toBe(kind);
  });
});
