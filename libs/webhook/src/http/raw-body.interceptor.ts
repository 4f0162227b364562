import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { readRawBody } from './read-raw-body';
import { WebhookRequest } from './webhook-request';

/**
 * Reads the body after the guards ran (so a bad credential is answered before a large body, as
 * spec api.md §5.3 orders the checks), with the batch limit on `…/batch` routes.
 */
@Injectable()
export class RawBodyInterceptor implements NestInterceptor {
  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<WebhookRequest>();
    if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return next.handle();
    const isBatch = /\/batch\/?$/.test(req.path);
    const limit = isBatch ? this.options.maxBatchBodyBytes : this.options.maxBodyBytes;
    return from(readRawBody(req, limit)).pipe(switchMap(() => next.handle()));
  }
}
