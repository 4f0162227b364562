import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DORA_CLOCK, DoraClock } from '@app/dora';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config';
import { setupApp } from '../../src/setup-app';
import { TEST_ENCRYPTION_SECRET, TestApp } from './create-test-app';
import { createEmptyDatabase, dropDatabase, TestDriver } from './test-databases';

/** A clock the test sets; the metrics read "now" from it. */
export class TestClock implements DoraClock {
  private current: Date;

  constructor(iso = '2024-01-01T00:00:00Z') {
    this.current = new Date(iso);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }
}

export interface TestAppWithClock extends TestApp {
  clock: TestClock;
}

/**
 * The production module and setup (`AppModule.register` → `setupApp`, `bodyParser: false`) on a
 * fresh migrated database, with the metrics clock replaced by a settable one.
 */
export async function createTestAppWithClock(
  driver: TestDriver,
  label: string,
  env: Record<string, string> = {},
): Promise<TestAppWithClock> {
  const database = await createEmptyDatabase(driver, label);
  const config: AppConfig = {
    ...loadConfig({ ENCRYPTION_SECRET: TEST_ENCRYPTION_SECRET, LOG_LEVEL: 'error', ...env }),
    database,
  };
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, TEST_ENCRYPTION_SECRET)] })
    .overrideProvider(DORA_CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['fatal', 'error'] });
  setupApp(app);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    database,
    config,
    clock,
    async close() {
      await app.close();
      await dropDatabase(database);
    },
  };
}
