import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth } from '@nestjs/swagger';
import { WebhookAuthGuard } from '../auth/webhook-auth.guard';
import { WebhookExceptionFilter } from '../common/errors';
import { ADMIN_SCHEME, ApiEnvelopeResponses } from '../openapi/api-docs.decorators';
import { PLUGIN_PATH } from './webhook-request';
import { RawBodyInterceptor } from './raw-body.interceptor';

/**
 * A controller of the library: under `/plugins/webhook` (served on every mount by the mount
 * middleware), behind the auth guard, reading raw bodies itself and answering errors with the
 * envelope whatever the host installed globally.
 */
export function WebhookController(path: string = PLUGIN_PATH): ClassDecorator {
  return applyDecorators(
    Controller(path),
    UseGuards(WebhookAuthGuard),
    UseInterceptors(RawBodyInterceptor),
    UseFilters(WebhookExceptionFilter),
    ApiBasicAuth(ADMIN_SCHEME),
    ApiEnvelopeResponses(),
  );
}
