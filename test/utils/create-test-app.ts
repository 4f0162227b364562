import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppConfig, DatabaseTarget, loadConfig } from '../../src/config';
import { createApp } from '../../src/create-app';
import { createEmptyDatabase, dropDatabase, TestDriver } from './test-databases';

export const TEST_ENCRYPTION_SECRET = 'e2e-encryption-secret';

export interface TestApp {
  app: NestExpressApplication;
  /** The HTTP server for supertest. */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  database: DatabaseTarget;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The production app (same createApp → setupApp as main.ts) on a fresh database of the given
 * driver, migrated. `env` takes the server's environment variables (DB_URL is set here).
 */
export async function createTestApp(driver: TestDriver, label: string, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createEmptyDatabase(driver, label);
  const config: AppConfig = {
    // Failed-authentication throttling off unless a test turns it on (many tests send bad credentials).
    ...loadConfig({ ENCRYPTION_SECRET: TEST_ENCRYPTION_SECRET, LOG_LEVEL: 'error', AUTH_FAILURES_PER_MINUTE: '0', ...env }),
    database,
  };
  const app = await createApp(config);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    database,
    config,
    async close() {
      await app.close();
      await dropDatabase(database);
    },
  };
}
