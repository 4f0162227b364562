import type { IncomingMessage } from 'http';
import { WebhookRequest } from '../http/webhook-request';

/** What the request log and the HTTP metrics say about a request once it is answered. */
export interface RequestSummary {
  /** The route template, mount included (`/rest/plugins/webhook/:connectionId/deployments`), or `unmatched`. */
  route: string;
  connection?: Record<string, string>;
  outcome?: string;
  items?: Partial<Record<string, number>>;
}

/** Reads what the library learnt while serving the request; usable by any logger of the host. */
export function summarizeRequest(request: IncomingMessage): RequestSummary {
  const req = request as WebhookRequest;
  const context = req.webhook;
  const ingestion = context?.ingestion;
  if (ingestion) {
    return { route: context.mount + ingestion.route, connection: ingestion.target.ref, outcome: ingestion.outcome, items: ingestion.items };
  }
  const matched = (req.route as { path?: unknown } | undefined)?.path;
  return { route: typeof matched === 'string' ? (context?.mount ?? '') + matched : 'unmatched' };
}
