import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { WebhookRequest } from '../common/http/webhook-request';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { AuditLogRepository } from './audit-log.repository';
import { MAX_AUDIT_PATH_CHARS, recordableBody, recordableHeaders, summarizeResponse } from './audit-row';
import { matchIngestionPath } from './ingestion-path';

type EndArgs = Parameters<Response['end']>;

/**
 * Records every ingestion request in `_tool_webhook_requests` (spec api.md §14), whatever answered
 * it — the auth middleware, a guard, the body reader or the handler — by holding back the end of
 * the response until its row is inserted. A failed insert is logged (method and path only) and
 * never changes the response.
 */
@Injectable()
export class AuditLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('AuditLog');

  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly repository: AuditLogRepository,
  ) {}

  use(req: WebhookRequest, res: Response, next: NextFunction): void {
    const context = req.webhook;
    const connection = context && this.options.auditLog.enabled ? matchIngestionPath(req.method, req.path) : undefined;
    if (!context || !connection) return next();

    const originalEnd = res.end.bind(res) as (...args: EndArgs) => Response;
    let recorded = false;
    res.end = ((...args: EndArgs) => {
      if (recorded) return originalEnd(...args);
      recorded = true;
      const durationMs = Date.now() - context.arrivedAt;
      const responseBody = typeof args[0] === 'string' || Buffer.isBuffer(args[0]) ? args[0].toString() : '';
      const { causes, outcome } = summarizeResponse(res.statusCode, responseBody);
      const { body, truncated } = recordableBody(req.rawBody);
      this.repository
        .insert({
          createdAt: new Date(context.arrivedAt),
          connection,
          method: req.method,
          path: context.receivedPath.slice(0, MAX_AUDIT_PATH_CHARS),
          status: res.statusCode,
          outcome,
          causes,
          body,
          bodyTruncated: truncated,
          headers: recordableHeaders(req.headers),
          durationMs,
        })
        .catch(() => this.logger.warn(`could not record ${req.method} ${context.receivedPath.slice(0, 200)}`))
        .finally(() => originalEnd(...args));
      return res;
    }) as Response['end'];
    next();
  }
}
