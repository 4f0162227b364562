import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';

export const REQUEST_ID_HEADER = 'x-request-id';
/** What an incoming id may look like; anything else (too long, spaces, control bytes) is replaced. */
const ACCEPTED_ID = /^[A-Za-z0-9._:@\/+=-]{1,128}$/;

type WithId = IncomingMessage & { id?: unknown };

/**
 * The request's id: the one already assigned (pino-http's genReqId calls this too, so whichever
 * runs first wins), else a valid incoming `x-request-id`, else a new UUID. Echoed in the response.
 */
export function ensureRequestId(req: IncomingMessage, res: ServerResponse): string {
  const request = req as WithId;
  if (typeof request.id === 'string') return request.id;
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
  request.id = id;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
