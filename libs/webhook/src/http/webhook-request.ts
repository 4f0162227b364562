import type { RequestTarget } from '../ingestion/ingestion-target';
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
  /** Set on an ingestion route (audit-log middleware); read by the request log and the metrics. */
  ingestion?: IngestionSummary;
}

export interface IngestionSummary {
  /** Route template below the mount, e.g. `/plugins/webhook/:connectionId/deployments`. */
  route: string;
  /** The connection as the path names it, parsed once for every step of the request. */
  target: RequestTarget;
  outcome?: string;
  /** Items by outcome once answered (2xx). */
  items?: Partial<Record<string, number>>;
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
