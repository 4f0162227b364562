/** Public door of the domain library: DevLake's tables as TypeORM entities, and DataSource helpers. */
export * from './entities';
export { createDomainDataSource } from './database/create-data-source';
export { strictUtcMysqlDriver } from './database/mysql-session';
export { formatDbDatetime } from './database/db-datetime';
