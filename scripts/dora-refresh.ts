import 'reflect-metadata';
import { createDomainDataSource } from '@app/domain';
import { createStandaloneRefresh } from '@app/dora';
import { buildDataSourceOptions, loadConfig, readEnvironment } from '../src/config';

/**
 * `npm run dora:refresh`: rebuilds `project_incident_deployment_relationships` and
 * `project_pr_metrics` for every project (spec metrics.md §4.5), on the database of `DB_URL`.
 */
async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const dataSource = await createDomainDataSource(buildDataSourceOptions(config.database)).initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new Error('the database has pending migrations: start the server once or run `npm run migration:run`');
    }
    const started = Date.now();
    const summaries = await createStandaloneRefresh(dataSource).refreshAll();
    for (const s of summaries) {
      process.stdout.write(
        `${s.projectName}: ${s.incidentLinks} incident links, ${s.prMetrics} PR metrics (${s.written} rows written, ${s.deleted} deleted)\n`,
      );
    }
    process.stdout.write(`refreshed ${summaries.length} project(s) in ${Date.now() - started} ms\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dora:refresh failed: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
