import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSourceOptions } from 'typeorm';
import { createDomainDataSource } from '@app/domain';
import { WebhookModule } from '@app/webhook';
import { AppConfig } from './config/app-config';
import { buildDataSourceOptions } from './config/data-source-options';
import { ConsoleRedirectController } from './console-redirect.controller';
import { HealthModule } from './health/health.module';
import { loggerParams } from './logging/logger-params';

/** The standalone server: one database, the webhook library on DevLake's four mounts, /health, `/` → console. */
@Module({})
export class AppModule {
  static register(config: AppConfig, encryptionSecret: string): DynamicModule {
    return {
      module: AppModule,
      controllers: [ConsoleRedirectController],
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...buildDataSourceOptions(config.database), retryAttempts: 2, retryDelay: 1000 }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = await createDomainDataSource(options!).initialize();
            if (config.migrate) await dataSource.runMigrations();
            return dataSource;
          },
        }),
        WebhookModule.forRoot({
          adminMounts: ['', '/api'],
          apiKeyMounts: ['/rest', '/api/rest'],
          encryptionSecret,
          adminUsername: config.adminUsername,
          adminPassword: config.adminPassword,
          maxBodyBytes: config.maxBodyBytes,
          maxBatchBodyBytes: config.maxBatchBodyBytes,
          maxBatchItems: config.maxBatchItems,
          rateLimit: config.rateLimitPerMinute ? { requestsPerMinute: config.rateLimitPerMinute } : undefined,
          authFailuresPerMinute: config.authFailuresPerMinute,
          transactionDeadlineMs: config.transactionDeadlineMs,
          auditLog: { enabled: config.auditLog, retentionDays: config.auditLogRetentionDays },
          prometheus: { path: '/metrics', public: config.metricsPublic },
        }),
        HealthModule,
      ],
    };
  }
}
