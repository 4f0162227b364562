import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Response } from 'express';
import { classifyDatabaseError } from './database-errors';
import { sendErrorEnvelope } from './error-envelope';
import { fromHostParserError } from './host-parser-error';
import { describeErrorCode, WebhookErrorCode } from './webhook-error-code';
import { WebhookException } from './webhook.exception';

/**
 * Renders every error as the one envelope of the spec (api.md §5.2). Library controllers carry it
 * themselves so they behave the same in any host; the standalone server also installs it globally
 * so unknown routes and body errors share the shape.
 */
@Catch()
export class WebhookExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebhookExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const known = isPathDecodeError(exception)
      ? badPath(host.switchToHttp().getRequest<{ originalUrl?: string; url?: string }>())
      : this.toWebhookException(exception);
    sendErrorEnvelope(response, known.status, known.message, known.causes, known.headers);
  }

  private toWebhookException(exception: unknown): WebhookException {
    if (exception instanceof WebhookException) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    const parserError = fromHostParserError(exception);
    if (parserError) return parserError;
    const kind = classifyDatabaseError(exception);
    if (kind === 'unavailable' || kind === 'retryable') {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      return new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } });
    }
    const errorId = randomUUID();
    this.logger.error(`errorId ${errorId}: ${(exception as Error)?.stack ?? String(exception)}`);
    return new WebhookException(WebhookErrorCode.INTERNAL, { causes: [`errorId: ${errorId}`] });
  }
}

/** The router could not percent-decode a path parameter (`%zz`, `%e9` alone). */
function isPathDecodeError(exception: unknown): boolean {
  if (exception instanceof URIError) return true;
  const { status, message } = (exception ?? {}) as { status?: unknown; message?: unknown };
  return status === 400 && typeof message === 'string' && message.startsWith('Failed to decode param');
}

function badPath(req: { originalUrl?: string; url?: string }): WebhookException {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  return new WebhookException(WebhookErrorCode.BAD_PATH, { causes: [`path: malformed %-escape in ${path}`] });
}

function fromHttpException(exception: HttpException): WebhookException {
  const status = exception.getStatus();
  if (status === 404) return new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
  if (status === 413) return new WebhookException(WebhookErrorCode.BODY_TOO_LARGE);
  const code = Object.values(WebhookErrorCode).find((candidate) => describeErrorCode(candidate).status === status);
  return new WebhookException(code ?? WebhookErrorCode.INTERNAL);
}
