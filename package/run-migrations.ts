import { DataSource, DataSourceOptions } from 'typeorm';
import { createDomainDataSource, DOMAIN_ENTITIES } from '@app/domain';
import { MIGRATIONS } from '../migrations';
import { MIGRATIONS_TABLE } from '../src/config/data-source-options';

/**
 * Applies the library's pending migrations (table `_webhook_migrations`) to the database of an
 * initialized DataSource. A DataSource built with `buildDataSourceOptions` runs them itself; any
 * other (the host's own migrations, entities) gets a short-lived sibling on the same options, so
 * the host's migration history is never touched.
 */
export async function runWebhookMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.migrations === MIGRATIONS) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const sibling = createDomainDataSource({
    ...dataSource.options,
    entities: DOMAIN_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    subscribers: [],
  } as DataSourceOptions);
  await sibling.initialize();
  try {
    await sibling.runMigrations({ transaction: 'each' });
  } finally {
    await sibling.destroy();
  }
}
