import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { IngestionSummary, WebhookRequest } from '../http/webhook-request';
import { ensureRequestId } from '../observability/request-id';
import { rejectionReason, WebhookMetrics } from '../observability/webhook-metrics';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { AuditLogRepository } from './audit-log.repository';
import { presentedCredentials, redactUrl } from '../common/auth/credential-redaction';
import { MAX_AUDIT_BODY_BYTES, MAX_AUDIT_PATH_CHARS, MAX_UNAUTHENTICATED_BODY_BYTES, MAX_UNAUTHENTICATED_HEADERS_CHARS, recordableBody, recordableHeaders, ResponseSummary, summarizeResponse } from './audit-row';
import { matchIngestion } from '../ingestion/ingestion-path';
import { RequestTarget } from '../ingestion/ingestion-target';

type EndArgs = Parameters<Response['end']>;

/**
 * The longest the response waits for its audit row: a database that blocks writes must not turn
 * the answer (a 503 among others) into a hang. A row still pending is written or logged later.
 */
const AUDIT_HOLD_MS = 750;

/**
 * Records every ingestion request in `_tool_webhook_requests` (spec api.md §14), whatever answered
 * it — the auth middleware, a guard, the body reader or the handler — by holding back the end of
 * the response until its row is inserted (at most AUDIT_HOLD_MS). A failed insert is logged (method and path only) and
 * never changes the response. The same summary of the answer (outcome, item counts) feeds the
 * ingestion metrics and the request log, with or without the audit log.
 */
@Injectable()
export class AuditLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('AuditLog');

  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly repository: AuditLogRepository,
    private readonly metrics: WebhookMetrics,
  ) {}

  use(req: WebhookRequest, res: Response, next: NextFunction): void {
    const context = req.webhook;
    const match = context ? matchIngestion(req.method, req.path) : undefined;
    if (!context || !match) return next();
    const ingestion: IngestionSummary = { route: match.route, target: new RequestTarget(match.connection) };
    context.ingestion = ingestion;
    if (!match.audited) return next();
    const requestId = ensureRequestId(req, res);

    const originalEnd = res.end.bind(res) as (...args: EndArgs) => Response;
    let recorded = false;
    res.end = ((...args: EndArgs) => {
      if (recorded) return originalEnd(...args);
      recorded = true;
      const durationMs = Date.now() - context.arrivedAt;
      const responseBody = typeof args[0] === 'string' || Buffer.isBuffer(args[0]) ? args[0].toString() : '';
      const summary = summarizeResponse(res.statusCode, responseBody);
      ingestion.outcome = summary.outcome;
      ingestion.items = summary.items;
      this.count(match.route, res.statusCode, summary);
      if (!this.options.auditLog.enabled) return originalEnd(...args);
      const authenticated = Boolean((req as WebhookRequest & { principal?: unknown }).principal);
      const { body, truncated } = recordableBody(req.rawBody, authenticated ? MAX_AUDIT_BODY_BYTES : MAX_UNAUTHENTICATED_BODY_BYTES);
      const credentials = presentedCredentials(req.headers, context.receivedPath);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearTimeout(holdLimit);
        originalEnd(...args);
      };
      const holdLimit = setTimeout(end, AUDIT_HOLD_MS);
      this.repository
        .insert({
          createdAt: new Date(context.arrivedAt),
          target: ingestion.target,
          method: req.method,
          path: redactUrl(context.receivedPath, credentials).slice(0, MAX_AUDIT_PATH_CHARS),
          status: res.statusCode,
          outcome: summary.outcome,
          causes: summary.causes,
          body,
          bodyTruncated: truncated,
          headers: recordableHeaders(req.headers, credentials, authenticated ? Infinity : MAX_UNAUTHENTICATED_HEADERS_CHARS),
          durationMs,
          requestId,
        })
        .catch(() => this.logger.warn(`could not record ${req.method} ${context.receivedPath.slice(0, 200)}`))
        .finally(end);
      return res;
    }) as Response['end'];
    next();
  }

  private count(route: string, status: number, summary: ResponseSummary): void {
    if (status >= 400 && status < 500) return this.metrics.countRejected(rejectionReason(status));
    const resource = resourceOf(route);
    for (const [outcome, items] of Object.entries(summary.items ?? {})) this.metrics.countIngested(resource, outcome, items);
  }
}

/** `deployments`, `issues`, `pull_requests` or `issue_close`, from a route template. */
function resourceOf(route: string): string {
  if (route.includes('/issue/')) return 'issue_close';
  return /\/(deployments|issues|pull_requests)(?:\/batch)?$/.exec(route)?.[1] ?? 'other';
}
