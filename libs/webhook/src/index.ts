export { WebhookModule } from './webhook.module';
export { WEBHOOK_MODULE_OPTIONS } from './webhook.module-definition';
export type { WebhookModuleOptions, ResolvedWebhookOptions } from './webhook-options';
export { WebhookExceptionFilter, WebhookException, WebhookErrorCode } from './common/errors';
export { WebhookMetrics, ensureRequestId, summarizeRequest, REQUEST_ID_HEADER } from './observability';
export type { RequestSummary } from './observability';
export { addWebhookRoutesToDocument, addWebhookSecuritySchemes, createWebhookOpenApiDocument, setupWebhookOpenApi } from './openapi';
export { presentedCredentials, redactHeaders, redactUrl, isSecretName } from './common/auth/credential-redaction';
