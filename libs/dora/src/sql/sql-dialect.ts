import { raw, Sql, sql } from './sql';

/** The few expressions the two drivers spell differently. Datetimes are UTC on both. */
export interface SqlDialect {
  /** `YYYY-MM-DD` of a datetime. */
  day(expr: Sql): Sql;
  /** `YYYY-MM` of a datetime. */
  month(expr: Sql): Sql;
  /** Whole milliseconds from `from` to `to`. */
  millisBetween(from: Sql, to: Sql): Sql;
  /** One row (`name`) per table of these names in the current database. */
  tablesNamed(names: readonly string[]): Sql;
  /** Creates or bumps a row of `_webhook_locks` (migration CreateLockRows). */
  bumpLockRow(name: string): Sql;
  /** The clause ending an `INSERT … VALUES` that sets `columns` from the new row where its primary key `keys` exists. */
  onConflictUpdate(keys: readonly string[], columns: readonly string[]): Sql;
}

const MYSQL: SqlDialect = {
  day: (expr) => sql`DATE_FORMAT(${expr}, '%Y-%m-%d')`,
  month: (expr) => sql`DATE_FORMAT(${expr}, '%Y-%m')`,
  millisBetween: (from, to) => sql`(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000)`,
  tablesNamed: (names) =>
    sql`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${[...names]})`,
  bumpLockRow: (name) => sql`INSERT INTO _webhook_locks (name, version) VALUES (${name}, 1) ON DUPLICATE KEY UPDATE version = version + 1`,
  onConflictUpdate: (_keys, columns) => raw(`ON DUPLICATE KEY UPDATE ${columns.map((column) => `${column} = VALUES(${column})`).join(', ')}`),
};

/**
 * SQLite keeps datetimes as `YYYY-MM-DD HH:MM:SS.SSS` text: prefixes give the day and month, and
 * julianday differences rounded to the millisecond are exact at that precision.
 */
const SQLITE: SqlDialect = {
  day: (expr) => sql`substr(${expr}, 1, 10)`,
  month: (expr) => sql`substr(${expr}, 1, 7)`,
  millisBetween: (from, to) => sql`CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
  tablesNamed: (names) => sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${[...names]})`,
  bumpLockRow: (name) => sql`INSERT INTO _webhook_locks (name, version) VALUES (${name}, 1) ON CONFLICT (name) DO UPDATE SET version = version + 1`,
  onConflictUpdate: (keys, columns) => raw(`ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`),
};

export function dialectFor(driverType: string): SqlDialect {
  switch (driverType) {
    case 'mysql':
    case 'mariadb':
      return MYSQL;
    case 'better-sqlite3':
    case 'sqlite':
      return SQLITE;
    default:
      throw new Error(`metrics support MySQL/MariaDB and SQLite, not ${driverType}`);
  }
}
