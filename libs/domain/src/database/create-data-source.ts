import { DataSource, DataSourceOptions } from 'typeorm';

/**
 * Builds a DataSource for the domain entities on either driver. Entities declare DevLake's MySQL
 * types; SQLite stores `longtext` as TEXT, so its driver is told to accept that name.
 */
export function createDomainDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource(options);
  if (options.type === 'better-sqlite3' || options.type === 'sqlite') {
    const supported = dataSource.driver.supportedDataTypes as string[];
    if (!supported.includes('longtext')) supported.push('longtext');
  }
  return dataSource;
}
