export { addWebhookRoutesToDocument, addWebhookSecuritySchemes, createWebhookOpenApiDocument, setupWebhookOpenApi } from './webhook-openapi';
export { ADMIN_SCHEME, API_KEY_SCHEME, ApiEnvelopeResponses, ApiIngestionBody } from './api-docs.decorators';
export { ErrorEnvelopeSchema, SuccessEnvelopeSchema } from './envelope.schema';
export { PAYLOAD_EXAMPLES } from './payload-examples';
