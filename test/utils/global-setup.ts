import { mysqlAdminConnection, MYSQL_AVAILABLE_FLAG, TEST_MYSQL_URL } from './test-databases';

/**
 * Decides once whether the MySQL half of the e2e suites runs. Under CI a missing MySQL is a
 * failure, never a skip; elsewhere the suites run on SQLite alone and say so.
 */
export default async function globalSetup(): Promise<void> {
  try {
    const connection = await mysqlAdminConnection();
    await connection.query('SELECT 1');
    await connection.end();
    process.env[MYSQL_AVAILABLE_FLAG] = '1';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true' || process.env.REQUIRE_MYSQL === 'true') {
      throw new Error(`MySQL/MariaDB is required for the e2e suites but ${TEST_MYSQL_URL} is not reachable: ${reason}`);
    }
    process.env[MYSQL_AVAILABLE_FLAG] = '0';
    console.warn(`\nNOTICE: MySQL suites skipped — ${TEST_MYSQL_URL} not reachable (${reason}). Set TEST_MYSQL_URL or start MariaDB.\n`);
  }
}
