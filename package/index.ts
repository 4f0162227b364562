/**
 * The npm package's public door: the Nest module, DevLake's tables as entities, the migrations
 * and the metrics services, with helpers to build the DataSource they need.
 */
export * from '@app/webhook';
export * from '@app/domain';
export * from '@app/dora';
export { MIGRATIONS } from '../migrations';
export { buildDataSourceOptions, MIGRATIONS_TABLE } from '../src/config/data-source-options';
export { DatabaseUrlError, parseDatabaseUrl } from '../src/config/database-url';
export type { DatabaseTarget } from '../src/config/database-url';
export { runWebhookMigrations } from './run-migrations';
