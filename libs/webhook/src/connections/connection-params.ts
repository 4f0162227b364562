import { WebhookErrorCode, WebhookException } from '../common/errors';

const MAX_CONNECTION_ID = Number.MAX_SAFE_INTEGER;
/** Literal segments are never read as an id: `connections/by-name` is a route, not connection "by-name". */
const RESERVED_SEGMENTS = new Set(['connections', 'by-name', 'projects', 'dora', 'metrics']);

/** `:connectionId`: decimal digits, 1 … 2^53−1, leading zeros allowed (spec api.md §2.2). */
export function parseConnectionId(raw: string): number {
  if (RESERVED_SEGMENTS.has(raw)) throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
  if (!/^\d+$/.test(raw)) throw new WebhookException(WebhookErrorCode.INVALID_CONNECTION_ID);
  const value = Number(raw);
  if (value < 1 || value > MAX_CONNECTION_ID) throw new WebhookException(WebhookErrorCode.INVALID_CONNECTION_ID);
  return value;
}

/** `:connectionName`: 1–100 characters, matched exactly. */
export function parseConnectionName(raw: string): string {
  const length = [...raw].length;
  if (length < 1 || length > 100) throw new WebhookException(WebhookErrorCode.INVALID_CONNECTION_NAME);
  return raw;
}

/**
 * `:projectName`: 1–`maxLength` characters, no surrounding whitespace. The project ingestion routes
 * allow 88 so that `<p>_deployments` fits the 100-character connection name.
 */
export function parseProjectName(raw: string, maxLength = 100): string {
  const length = [...raw].length;
  if (length < 1 || length > maxLength || raw.trim() !== raw) throw new WebhookException(WebhookErrorCode.INVALID_PROJECT_NAME);
  return raw;
}

export const PROJECT_ROUTE_MAX_NAME = 88;

/** The connection a project route writes through (spec api.md §12). */
export function projectConnectionName(projectName: string): string {
  return `${projectName}_deployments`;
}
