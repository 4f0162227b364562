import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { WebhookConnectionEntity } from '@app/domain';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { parseConnectionId, parseConnectionName, parseProjectName, PROJECT_ROUTE_MAX_NAME } from '../connections/connection-params';
import type { WebhookRequest } from '../http/webhook-request';
import type { PathConnectionRef } from './ingestion-path';


/** The same reference once validated (spec api.md §2.2, forms A–D). */
export type IngestionTarget = { connectionId: number } | { connectionName: string } | { projectName: string };

/**
 * The one parse of an ingestion request's connection reference, made when the request arrives and
 * shared by the key-scope check, the target guard, the handler and the audit log. `error` is the
 * 400 (or 404 for a reserved segment) the target guard answers once the key is known to cover
 * the route.
 */
export type ParsedTarget = { target: IngestionTarget; error?: undefined } | { target?: undefined; error: WebhookException };

export function parseIngestionTarget(ref: PathConnectionRef): ParsedTarget {
  try {
    if ('connectionId' in ref) return { target: { connectionId: parseConnectionId(ref.connectionId) } };
    if ('connectionName' in ref) return { target: { connectionName: parseConnectionName(ref.connectionName) } };
    return { target: { projectName: parseProjectName(ref.projectName, PROJECT_ROUTE_MAX_NAME) } };
  } catch (error) {
    if (error instanceof WebhookException) return { error };
    throw error;
  }
}

/** The target of an ingestion request (set by the audit-log middleware for every ingestion path). */
export function requestTargetOf(req: WebhookRequest): RequestTarget {
  const target = req.webhook?.ingestion?.target;
  if (!target) throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
  return target;
}

/** The validated target of the request; only reached once the target guard has let it through. */
/** Handler parameter: the request's ingestion target, validated by the target guard before the handler runs. */
export const Target = createParamDecorator((_data: unknown, context: ExecutionContext): RequestTarget =>
  requestTargetOf(context.switchToHttp().getRequest<WebhookRequest>()),
);

type ConnectionLookup = (target: IngestionTarget) => Promise<WebhookConnectionEntity | null>;

/**
 * The request's connection reference: as the path wrote it (for logs), parsed once, and the
 * connection row it names looked up at most once (by the key-scope check or by the handler,
 * whichever comes first; the audit log records the id found).
 */
export class RequestTarget {
  readonly parsed: ParsedTarget;
  private lookup?: Promise<WebhookConnectionEntity | null>;
  private found?: WebhookConnectionEntity | null;

  constructor(readonly ref: PathConnectionRef) {
    this.parsed = parseIngestionTarget(ref);
  }

  /** The connection row the valid target names (a project's `<p>_deployments` connection for form D), or null. */
  connection(find: ConnectionLookup): Promise<WebhookConnectionEntity | null> {
    if (!this.parsed.target) return Promise.resolve(null);
    this.lookup ??= find(this.parsed.target).then((connection) => (this.found = connection));
    return this.lookup;
  }

  /** The id of the connection found so far, if any. */
  get knownConnectionId(): number | undefined {
    return this.found?.id;
  }
}
