/** What a driver error means to a client, for MySQL (mysql2) and SQLite (better-sqlite3). */
export type DatabaseErrorKind = 'unavailable' | 'unique-violation' | 'retryable' | 'too-long';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'CR_CONNECTION_ERROR',
  'CR_CONN_HOST_ERROR',
  'POOL_CLOSED',
  // errno 1047: a Galera node outside the primary component ("WSREP has not yet prepared node").
  'ER_UNKNOWN_COM_ERROR',
]);
/** SQLite cannot write the file: disk full, I/O error, read-only file system or file (extended codes included). */
const SQLITE_UNAVAILABLE_PREFIXES = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'];
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
/** SQLite busy or locked, extended codes included (WAL: SQLITE_BUSY_SNAPSHOT when another process wrote since the read began). */
const SQLITE_RETRYABLE_PREFIXES = ['SQLITE_BUSY', 'SQLITE_LOCKED'];
const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const TOO_LONG_CODES = new Set(['ER_DATA_TOO_LONG']);

export function classifyDatabaseError(error: unknown): DatabaseErrorKind | undefined {
  const code = driverErrorCode(error);
  if (!code) return undefined;
  if (UNAVAILABLE_CODES.has(code) || SQLITE_UNAVAILABLE_PREFIXES.some((prefix) => code.startsWith(prefix))) return 'unavailable';
  if (RETRYABLE_CODES.has(code) || SQLITE_RETRYABLE_PREFIXES.some((prefix) => code.startsWith(prefix))) return 'retryable';
  if (UNIQUE_CODES.has(code)) return 'unique-violation';
  if (TOO_LONG_CODES.has(code)) return 'too-long';
  return undefined;
}

/** TypeORM wraps driver errors in QueryFailedError with the original under `driverError`. */
export function driverErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate.driverError?.code ?? candidate.code;
  return typeof code === 'string' ? code : undefined;
}

export function driverErrorMessage(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error);
  const candidate = error as { message?: unknown; driverError?: { message?: unknown } };
  return String(candidate.driverError?.message ?? candidate.message ?? error);
}

/** A database call given up on by the client after its deadline: counts as the database unavailable. */
export class DatabaseDeadlineExceeded extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(what: string, ms: number) {
    super(`${what}: no answer from the database within ${ms} ms`);
  }
}

/**
 * Settles like `work`, or rejects with DatabaseDeadlineExceeded after `ms`. The call itself is not
 * cancelled (a pool connection stays busy until the server answers); the caller no longer waits.
 */
export function withDatabaseDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseDeadlineExceeded(what, ms)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
