import { classifyDatabaseError, DatabaseDeadlineExceeded, withDatabaseDeadline } from './database-errors';

describe('classifyDatabaseError', () => {
  it.each(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'ECONNREFUSED'])(
    '%s: the database cannot take writes (503)',
    (code) => {
      expect(classifyDatabaseError({ driverError: { code } })).toBe('unavailable');
    },
  );

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
