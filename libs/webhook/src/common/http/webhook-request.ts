import type { Request } from 'express';

export type MountSide = 'admin' | 'apiKey';

/** What the library learns about a request before routing. */
export interface WebhookRequestContext {
  mount: string;
  side: MountSide;
  /** Path as received (mount and query string included), for the audit log. */
  receivedPath: string;
  /** Arrival time in ms, for the audit log's duration. */
  arrivedAt: number;
}

export type WebhookRequest = Request & {
  webhook?: WebhookRequestContext;
  /** The raw body bytes, read by RawBodyInterceptor after authentication. */
  rawBody?: Buffer;
  _body?: boolean;
};

/** Paths below a mount that the library owns. */
export const PLUGIN_PATH = '/plugins/webhook';
export const API_KEYS_PATH = '/api-keys';
