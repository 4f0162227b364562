import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import {
  buildDataSourceOptions,
  createDomainDataSource,
  parseDatabaseUrl,
  runWebhookMigrations,
  WebhookModule,
} from 'nestjs-devlake-webhook';
import { HeaderAdminGuard } from './header-admin.guard';
import { HomeController } from './home.controller';

@Module({
  imports: [
    // The host owns the DataSource: DB_URL is sqlite:<file> or mysql://user:pass@host:port/db.
    TypeOrmModule.forRootAsync({
      useFactory: () => buildDataSourceOptions(parseDatabaseUrl(process.env.DB_URL ?? 'sqlite:host.sqlite')),
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await createDomainDataSource(options!).initialize();
        await runWebhookMigrations(dataSource);
        return dataSource;
      },
    }),
    WebhookModule.forRootAsync({
      useFactory: () => ({
        encryptionSecret: process.env.ENCRYPTION_SECRET ?? '',
        adminMounts: ['/admin'], // → /admin/plugins/webhook/connections, …
        apiKeyMounts: ['/hooks'], // → /hooks/plugins/webhook/connections/:id/deployments, …
        adminGuard: HeaderAdminGuard, // the host's own auth instead of Basic credentials
      }),
    }),
  ],
  controllers: [HomeController],
  providers: [HeaderAdminGuard],
})
export class AppModule {}
