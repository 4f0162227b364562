import type * as Mysql2 from 'mysql2';

/**
 * Every MySQL session runs in UTC and in strict mode, so an over-long value fails instead of being
 * truncated silently. mysql2 has no init-SQL option; the pool's `connection` event fires before the
 * connection is handed out, and queries on one connection run in order.
 */
const SESSION_SETUP_SQL =
  "SET SESSION time_zone = '+00:00', " +
  "sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_TRANS_TABLES')";

export function strictUtcMysqlDriver(): typeof Mysql2 {
  // Loaded on first use: mysql2 is an optional peer of the package, absent from SQLite-only hosts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mysql2 = require('mysql2') as typeof Mysql2;
  return {
    ...mysql2,
    createPool(config: Mysql2.PoolOptions) {
      const pool = mysql2.createPool(config);
      pool.on('connection', (connection) => {
        connection.query(SESSION_SETUP_SQL);
      });
      return pool;
    },
  } as typeof Mysql2;
}
