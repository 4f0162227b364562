#!/usr/bin/env node
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createDomainDataSource } from '@app/domain';
import { createStandaloneRefresh } from '@app/dora';
import { buildDataSourceOptions } from '../src/config/data-source-options';
import { loadConfig } from '../src/config/app-config';
import { readEnvironment } from '../src/config/environment';

const USAGE = 'usage: devlake-webhook-admin migrate|revert|dora-refresh   (database from DB_URL, default sqlite:./data/devlake.sqlite)';

const COMMANDS: Record<string, (dataSource: DataSource) => Promise<void>> = {
  async migrate(dataSource) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(`applied ${applied.length} migration(s)${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
  },
  async revert(dataSource) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    process.stdout.write('reverted the last migration\n');
  },
  /** Rebuilds the derived tables of every project (spec metrics.md §4.5). */
  async 'dora-refresh'(dataSource) {
    if (await dataSource.showMigrations()) {
      throw new Error('the database has pending migrations: run `devlake-webhook-admin migrate` (or `npm run migration:run`) first');
    }
    const started = Date.now();
    const summaries = await createStandaloneRefresh(dataSource).refreshAll();
    for (const s of summaries) {
      process.stdout.write(
        `${s.projectName}: ${s.incidentLinks} incident links, ${s.prMetrics} PR metrics (${s.written} rows written, ${s.deleted} deleted)\n`,
      );
    }
    process.stdout.write(`refreshed ${summaries.length} project(s) in ${Date.now() - started} ms\n`);
  },
};

/** Compiled admin commands (no ts-node): the package's `devlake-webhook-admin` bin and the root npm scripts. */
async function main(name: string | undefined): Promise<void> {
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new Error(USAGE);
  const database = loadConfig(readEnvironment()).database;
  const dataSource = await createDomainDataSource(buildDataSourceOptions(database)).initialize();
  try {
    await command(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`devlake-webhook-admin ${process.argv[2] ?? ''}: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
