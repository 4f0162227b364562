import { DataSource } from 'typeorm';

/** The parts of TypeORM's better-sqlite3 query runner and driver this module has to reach into. */
interface SqliteQueryRunnerState {
  isTransactionActive: boolean;
  transactionDepth: number;
}
interface SqliteDriverState {
  queryRunner?: SqliteQueryRunnerState;
  databaseConnection?: { inTransaction: boolean; exec(sql: string): unknown };
}

/**
 * Brings TypeORM's one shared better-sqlite3 query runner back to "no transaction open".
 *
 * SQLite rolls a transaction back by itself when its COMMIT fails with SQLITE_FULL or an I/O
 * error. TypeORM's ROLLBACK then fails, so its runner still believes a transaction is open and
 * starts the next one as a SAVEPOINT; the first ROLLBACK TO of such a savepoint leaves a real
 * transaction open that nothing ever commits, and every later write is lost while answering 200.
 * The source of truth is the connection's own `inTransaction` flag.
 */
export function resetSqliteTransactionState(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as SqliteDriverState;
  const connection = driver.databaseConnection;
  try {
    if (connection?.inTransaction) connection.exec('ROLLBACK');
  } catch {
    // Still open (e.g. the disk is gone): the next transaction checks and tries again.
    return;
  }
  const runner = driver.queryRunner;
  if (runner) {
    runner.isTransactionActive = false;
    runner.transactionDepth = 0;
  }
}

/** True when TypeORM's runner and the SQLite connection disagree, or a transaction is left open. */
export function sqliteTransactionLeftOpen(dataSource: DataSource): boolean {
  const driver = dataSource.driver as unknown as SqliteDriverState;
  const runner = driver.queryRunner;
  return Boolean(driver.databaseConnection?.inTransaction || runner?.isTransactionActive || runner?.transactionDepth);
}
