import { WebhookRequestEntity } from '@app/domain';

/** An element of the audit list (spec api.md §14). */
export function toAuditRowResponse(row: WebhookRequestEntity) {
  return {
    id: row.id,
    createdAt: row.createdAt ? new Date(row.createdAt).toISOString() : null,
    connectionId: row.connectionId,
    method: row.method,
    path: row.path,
    status: row.status,
    outcome: row.outcome,
    causes: parseJson(row.causes, []),
    body: row.body,
    bodyTruncated: Boolean(row.bodyTruncated),
    headers: parseJson(row.headers, {}),
    durationMs: row.durationMs,
    requestId: row.requestId,
  };
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
