import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { BodyError, JsonObject, parseBatchBody, parseJsonBody, BatchItemResult } from '../common/body/parse-json-body';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { WebhookRequest } from './webhook-request';

/** The request body as a JSON object (spec api.md §4); needs RawBodyInterceptor on the route. */
export const JsonObjectBody = createParamDecorator((_data: unknown, context: ExecutionContext): JsonObject => {
  const req = context.switchToHttp().getRequest<WebhookRequest>();
  const result = parseJsonBody(req.rawBody);
  if (!result.ok) throw bodyException(result);
  return result.value;
});

/** A batch body: JSON array, or NDJSON when the Content-Type says so (spec api.md §13). */
export const BatchItemsBody = createParamDecorator((_data: unknown, context: ExecutionContext): BatchItemResult[] => {
  const req = context.switchToHttp().getRequest<WebhookRequest>();
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  const allowNdjson = /application\/(x-ndjson|jsonl)/.test(contentType);
  const result = parseBatchBody(req.rawBody, { allowNdjson });
  if (!result.ok) throw bodyException(result);
  return result.items;
});

export function bodyException(error: BodyError): WebhookException {
  return new WebhookException(WebhookErrorCode[error.code], { causes: error.causes });
}
