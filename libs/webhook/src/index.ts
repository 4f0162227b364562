export { WebhookModule } from './webhook.module';
export { WEBHOOK_MODULE_OPTIONS } from './webhook.module-definition';
export type { WebhookModuleOptions, ResolvedWebhookOptions } from './webhook-options';
export { WebhookExceptionFilter, WebhookException, WebhookErrorCode } from './common/errors';
export { addWebhookRoutesToDocument, addWebhookSecuritySchemes, createWebhookOpenApiDocument, setupWebhookOpenApi } from './openapi';
