import { applyDecorators, CanActivate, ExecutionContext, HttpCode, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery } from '@nestjs/swagger';
import { IngestionRoute } from '../auth/ingestion-route.decorator';
import { API_KEY_SCHEME } from '../openapi/api-docs.decorators';
import { parseProjectName, PROJECT_ROUTE_MAX_NAME } from '../connections/connection-params';
import { ConnectionResolver } from '../connections/connection-resolver';
import { WebhookRequest } from '../http/webhook-request';

/** Path parameters naming the connection of an ingestion route (spec api.md §2.2, forms A–D). */
export interface IngestionTarget {
  connectionId?: string;
  connectionName?: string;
  projectName?: string;
}

/**
 * Checks the path parameters naming the connection (400, step 5 of spec api.md §5.3): after the
 * auth guard's scope check, before the body is read.
 */
@Injectable()
export class IngestionTargetGuard implements CanActivate {
  constructor(private readonly resolver: ConnectionResolver) {}

  canActivate(context: ExecutionContext): boolean {
    const target = context.switchToHttp().getRequest<WebhookRequest>().params as IngestionTarget;
    if (target.projectName !== undefined) parseProjectName(target.projectName, PROJECT_ROUTE_MAX_NAME);
    else this.resolver.parse(target);
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
