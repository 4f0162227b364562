import { WebhookErrorCode, WebhookException } from '../errors';
import { WebhookRequest } from './webhook-request';

/**
 * Reads the request's bytes up to `limit`, whatever the Content-Type. A body a host parser already
 * consumed is taken from `req.rawBody` (Nest's `rawBody: true`) or, failing that, re-serialised.
 */
export async function readRawBody(req: WebhookRequest, limit: number): Promise<Buffer> {
  if (req.rawBody) return checkSize(req.rawBody, limit);
  if (req._body || req.readableEnded) {
    return checkSize(Buffer.from(req.body === undefined ? '' : JSON.stringify(req.body)), limit);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const body = await collect(req, limit);
  req.rawBody = body;
  return body;
}

function collect(req: WebhookRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function checkSize(body: Buffer, limit: number): Buffer {
  if (body.length > limit) throw tooLarge();
  return body;
}

function tooLarge(): WebhookException {
  return new WebhookException(WebhookErrorCode.BODY_TOO_LARGE, { headers: { Connection: 'close' } });
}
