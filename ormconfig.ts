import 'reflect-metadata';
import { createDomainDataSource } from '@app/domain';
import { buildDataSourceOptions, loadConfig, readEnvironment } from './src/config';

/** DataSource for the TypeORM CLI (`npm run migration:run`), from the same options as the app. */
export default createDomainDataSource(buildDataSourceOptions(loadConfig(readEnvironment()).database));
