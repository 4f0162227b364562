import { TransactionRunner } from '../common/database';

interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * Connections in use and callers waiting. mysql2 has no public API for this, so its pool's
 * internal lists are read (zero if a future version renames them); SQLite has one shared
 * connection and reports the transactions queued behind it.
 */
export function databasePoolUsage(transactions: TransactionRunner): { inUse: number; waiting: number } {
  if (transactions.isSqlite) return { inUse: 0, waiting: transactions.queuedTransactions };
  const pool = transactions.driverPool as Mysql2PoolInternals | undefined;
  const all = pool?._allConnections?.length ?? 0;
  const free = pool?._freeConnections?.length ?? 0;
  return { inUse: Math.max(0, all - free), waiting: pool?._connectionQueue?.length ?? 0 };
}
