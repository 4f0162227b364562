import { applyDecorators, CanActivate, ExecutionContext, HttpCode, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery } from '@nestjs/swagger';
import { IngestionRoute } from '../auth/ingestion-route.decorator';
import { API_KEY_SCHEME } from '../openapi/api-docs.decorators';
import { WebhookRequest } from '../http/webhook-request';
import { requestTargetOf } from './ingestion-target';

/**
 * Checks the path parameters naming the connection (400, step 5 of spec api.md §5.3): after the
 * auth guard's scope check, before the body is read.
 */
@Injectable()
export class IngestionTargetGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { error } = requestTargetOf(context.switchToHttp().getRequest<WebhookRequest>()).parsed;
    if (error) throw error;
    return true;
  }
}

/** A `POST` ingestion handler answering 200, in the key scope of its connection, with its target checked. */
export function IngestionEndpoint(paths: string[]): MethodDecorator {
  return applyDecorators(
    Post(paths),
    HttpCode(200),
    IngestionRoute(),
    UseGuards(IngestionTargetGuard),
    ApiBearerAuth(API_KEY_SCHEME),
    ApiQuery({ name: 'dryRun', required: false, description: '`true` or `1`: validate and show the rows, write nothing' }),
  );
}
