import { DataSourceOptions } from 'typeorm';
import { DOMAIN_ENTITIES, strictUtcMysqlDriver } from '@app/domain';
import { MIGRATIONS } from '../../migrations';
import { DatabaseTarget } from './database-url';

export const MIGRATIONS_TABLE = '_webhook_migrations';

/** The one source of database options, shared by the Nest app, the TypeORM CLI and the tests. */
export function buildDataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    entities: DOMAIN_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
  if (target.driver === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.path,
      enableWAL: true,
      timeout: 5000,
    };
  }
  return {
    ...common,
    type: 'mysql',
    driver: strictUtcMysqlDriver(),
    connectorPackage: 'mysql2',
    host: target.host,
    port: target.port,
    username: target.username,
    password: target.password,
    database: target.database,
    charset: 'utf8mb4',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 3000,
    poolSize: 20,
  };
}
