import { Inject, Logger, MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { AUDIT_LOG_CONTROLLERS, AUDIT_LOG_PROVIDERS, AuditLogMiddleware } from './audit-log';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator';
import { ApiKeyMountMiddleware } from './auth/api-key-mount.middleware';
import { HostAdminGuard } from './auth/host-admin-guard';
import { KeyScope } from './auth/key-scope';
import { RateLimiter } from './auth/rate-limiter';
import { AuthFailureThrottle } from './auth/auth-failure-throttle';
import { WebhookAuthGuard } from './auth/webhook-auth.guard';
import { TransactionRunner } from './common/database';
import { HostBodyShield } from './http/host-body-shield';
import { RawBodyInterceptor } from './http/raw-body.interceptor';
import { WebhookMountMiddleware } from './http/webhook-mount.middleware';
import { ApiKeysController } from './connections/api-keys.controller';
import { ApiKeysRepository } from './connections/api-keys.repository';
import { ConnectionPurgeRepository } from './connections/connection-purge.repository';
import { ConnectionResolver } from './connections/connection-resolver';
import { ConnectionsController } from './connections/connections.controller';
import { ConnectionsRepository } from './connections/connections.repository';
import { ConnectionsService } from './connections/connections.service';
import { ConsoleController } from './console/console.controller';
import { DEPLOYMENT_CONTROLLERS, DEPLOYMENT_PROVIDERS } from './deployments';
import { ISSUE_CONTROLLERS, ISSUE_PROVIDERS } from './issues';
import { METRICS_CONTROLLERS, METRICS_PROVIDERS } from './metrics';
import { PrometheusMiddleware, RequestObserverMiddleware, WebhookMetrics } from './observability';
import { DerivedDataCatchUp } from './ingestion/derived-data-catch-up';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsRepository } from './projects/projects.repository';
import { ProjectsService } from './projects/projects.service';
import { resolveWebhookOptions, ResolvedWebhookOptions, WebhookModuleOptions } from './webhook-options';
import { DataSource } from 'typeorm';
import { WEBHOOK_MODULE_OPTIONS, WebhookConfigurableModule } from './webhook.module-definition';
import { WEBHOOK_RESOLVED_OPTIONS } from './webhook.tokens';

/**
 * The incoming-webhook plugin. The host owns TypeORM (`TypeOrmModule.forRoot*` with
 * `DOMAIN_ENTITIES`) and passes the library its options through `forRoot` / `forRootAsync`.
 */
@Module({
  controllers: [
    ...AUDIT_LOG_CONTROLLERS,
    ConnectionsController, ApiKeysController, ProjectsController, ...DEPLOYMENT_CONTROLLERS, ...ISSUE_CONTROLLERS, ...METRICS_CONTROLLERS, ConsoleController],
  providers: [
    {
      provide: WEBHOOK_RESOLVED_OPTIONS,
      inject: [WEBHOOK_MODULE_OPTIONS],
      useFactory: (options: WebhookModuleOptions) => resolveWebhookOptions(options),
    },
    {
      provide: TransactionRunner,
      inject: [DataSource, WEBHOOK_RESOLVED_OPTIONS],
      useFactory: (dataSource: DataSource, options: ResolvedWebhookOptions) => TransactionRunner.withDeadline(dataSource, options.transactionDeadlineMs),
    },
    RawBodyInterceptor,
    WebhookAuthGuard,
    HostAdminGuard,
    HostBodyShield,
    ApiKeyAuthenticator,
    KeyScope,
    RateLimiter,
    AuthFailureThrottle,
    ApiKeysRepository,
    ConnectionsRepository,
    ConnectionPurgeRepository,
    ConnectionResolver,
    ConnectionsService,
    ProjectsRepository,
    ProjectsService,
    ...AUDIT_LOG_PROVIDERS,
    ...DEPLOYMENT_PROVIDERS,
    ...ISSUE_PROVIDERS,
    ...METRICS_PROVIDERS,
    WebhookMetrics,
    DerivedDataCatchUp,
  ],
  exports: [WEBHOOK_RESOLVED_OPTIONS, WebhookMetrics],
})
export class WebhookModule extends WebhookConfigurableModule implements NestModule, OnApplicationBootstrap {
  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions) {
    super();
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestObserverMiddleware, PrometheusMiddleware, WebhookMountMiddleware, AuditLogMiddleware, ApiKeyMountMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }

  onApplicationBootstrap(): void {
    if (!this.options.adminCredentials && !this.options.adminGuard) {
      new Logger('WebhookModule').warn(
        'ADMIN_USERNAME/ADMIN_PASSWORD are not set: the admin routes (connections, keys, metrics) are open to anyone who can reach them',
      );
    }
  }
}
