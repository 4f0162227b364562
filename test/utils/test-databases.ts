import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { randomBytes } from 'crypto';
import * as mysql from 'mysql2/promise';
import { DatabaseTarget, parseDatabaseUrl } from '../../src/config/database-url';

export type TestDriver = 'sqlite' | 'mysql';

/** MySQL server the suites use; each suite gets its own fresh database on it. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const MYSQL_AVAILABLE_FLAG = 'DLW_TEST_MYSQL_AVAILABLE';

/** Drivers every e2e suite runs on: SQLite always, MySQL when global setup found it reachable. */
export function testDrivers(): TestDriver[] {
  return process.env[MYSQL_AVAILABLE_FLAG] === '1' ? ['sqlite', 'mysql'] : ['sqlite'];
}

export function mysqlServerTarget(): Extract<DatabaseTarget, { driver: 'mysql' }> {
  const target = parseDatabaseUrl(TEST_MYSQL_URL);
  if (target.driver !== 'mysql') throw new Error('TEST_MYSQL_URL must be a mysql:// URL');
  return target;
}

export async function mysqlAdminConnection(database?: string): Promise<mysql.Connection> {
  const server = mysqlServerTarget();
  return mysql.createConnection({
    host: server.host,
    port: server.port,
    user: server.username,
    password: server.password,
    database,
    multipleStatements: true,
    timezone: 'Z',
  });
}

/** A new, empty database: a temp SQLite file, or a freshly created MySQL database. */
export async function createEmptyDatabase(driver: TestDriver, label: string): Promise<DatabaseTarget> {
  const suffix = randomBytes(4).toString('hex');
  if (driver === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `dlw-${label}-`));
    return { driver: 'sqlite', path: join(dir, 'devlake.sqlite') };
  }
  const name = `dlw_${label.replace(/[^a-z0-9_]/gi, '_')}_${suffix}`.slice(0, 64);
  const admin = await mysqlAdminConnection();
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  return { ...mysqlServerTarget(), database: name };
}

export async function dropDatabase(target: DatabaseTarget): Promise<void> {
  if (target.driver !== 'mysql') return;
  const admin = await mysqlAdminConnection();
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await admin.end();
  }
}
