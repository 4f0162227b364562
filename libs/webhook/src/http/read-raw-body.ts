import { WebhookErrorCode, WebhookException } from '../common/errors';
import { WebhookRequest } from './webhook-request';

/**
 * An oversized body is read and thrown away up to this many bytes before the 413 is sent: a server
 * that answers and closes while the client is still sending makes the client see a connection reset
 * instead of the answer. Past it (or DRAIN_MS) the connection is closed after the answer anyway.
 */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

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
  if (Number.isFinite(declared) && declared > limit) {
    await discardRest(req);
    throw tooLarge();
  }
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
        void discardRest(req).then(() => reject(tooLarge()));
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

/** Reads and drops the rest of the request, bounded in bytes and time; never rejects. */
function discardRest(req: WebhookRequest): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let dropped = 0;
    const timer = setTimeout(finish, DRAIN_MS);
    function onData(chunk: Buffer) {
      dropped += chunk.length;
      if (dropped > DRAIN_MAX_BYTES) finish();
    }
    function finish() {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', finish);
      req.off('error', finish);
      req.off('close', finish);
      resolve();
    }
    req.on('data', onData);
    req.on('end', finish);
    req.on('error', finish);
    req.on('close', finish);
    req.resume();
  });
}

function checkSize(body: Buffer, limit: number): Buffer {
  if (body.length > limit) throw tooLarge();
  return body;
}

function tooLarge(): WebhookException {
  return new WebhookException(WebhookErrorCode.BODY_TOO_LARGE, { headers: { Connection: 'close' } });
}
