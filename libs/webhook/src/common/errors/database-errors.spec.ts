import { classifyDatabaseError, DatabaseDeadlineExceeded, withDatabaseDeadline } from './database-errors';

describe('classifyDatabaseError', () => {
  it.each(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'ECONNREFUSED'])(
    '%s: the database cannot take writes (503)',
    (code) => {
      expect(classifyDatabaseError({ driverError: { code } })).toBe('unavailable');
    },
  );

  it.each([
    ['ER_LOCK_DEADLOCK', 'retryable'], // 1213, also Galera's certification conflicts
    ['ER_LOCK_WAIT_TIMEOUT', 'retryable'], // 1205
    ['ER_UNKNOWN_COM_ERROR', 'unavailable'], // 1047: Galera node outside the primary component
    ['SQLITE_BUSY', 'retryable'],
    ['SQLITE_BUSY_SNAPSHOT', 'retryable'], // WAL: another process wrote since this transaction's read began
    ['SQLITE_LOCKED_SHAREDCACHE', 'retryable'],
    ['ER_DUP_ENTRY', 'unique-violation'],
  ])('%s is %s', (code, kind) => {
    expect(classifyDatabaseError(Object.assign(new Error(code), { code }))).toBe(kind);
    expect(classifyDatabaseError({ driverError: { code } })).toBe(kind);
  });

  it('a client-side deadline counts as unavailable', () => {
    expect(classifyDatabaseError(new DatabaseDeadlineExceeded('lookup', 10))).toBe('unavailable');
  });
});

describe('withDatabaseDeadline', () => {
  it('passes the answer through when it comes in time', async () => {
    await expect(withDatabaseDeadline(Promise.resolve(42), 1000, 'read')).resolves.toBe(42);
  });

  it('gives up on a call that never answers', async () => {
    await expect(withDatabaseDeadline(new Promise(() => undefined), 10, 'read')).rejects.toBeInstanceOf(DatabaseDeadlineExceeded);
  });
});
