import { WebhookErrorCode } from './webhook-error-code';
import { WebhookException } from './webhook.exception';

/**
 * A host body parser's error (body-parser's http-errors carry a string `type` such as
 * `entity.too.large` and a 4xx `status`) as the library's envelope: 413, else 400.
 */
export function fromHostParserError(exception: unknown): WebhookException | undefined {
  if (!exception || typeof exception !== 'object') return undefined;
  const { status, type, message } = exception as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return new WebhookException(WebhookErrorCode.BODY_TOO_LARGE, { headers: { Connection: 'close' } });
  return new WebhookException(WebhookErrorCode.BODY_NOT_JSON, { causes: typeof message === 'string' ? [message] : [] });
}
