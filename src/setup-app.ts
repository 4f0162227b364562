import { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import { setupWebhookOpenApi, WebhookExceptionFilter } from '@app/webhook';

/**
 * Everything main.ts does to the app besides listening; e2e tests call it too. The app must be
 * created with `bodyParser: false` (see createApp): the webhook library reads raw bodies itself,
 * as JSON whatever the Content-Type.
 */
export function setupApp(app: INestApplication): INestApplication {
  app.use(helmet());
  app.useGlobalFilters(new WebhookExceptionFilter());
  // OpenAPI document at /api/docs-json, Swagger UI at /api/docs (assets served locally).
  setupWebhookOpenApi(app, 'api/docs');
  return app;
}
