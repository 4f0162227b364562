import { PLUGIN_PATH } from '../common/http/webhook-request';
import { ingestionWritePaths } from '../ingestion/ingestion-routes';

/** The connection a path names, as the audit log resolves it when it writes the row. */
export type PathConnectionRef = { connectionId: string } | { connectionName: string } | { projectName: string };

export interface IngestionMatch {
  connection: PathConnectionRef;
  /** The path with its parameters named, e.g. `/plugins/webhook/:connectionId/deployments`: a low-cardinality label. */
  route: string;
}

const CONNECTION_PARAMS = ['connectionId', 'connectionName', 'projectName'] as const;

interface IngestionPattern {
  pattern: RegExp;
  param: (typeof CONNECTION_PARAMS)[number];
  route: string;
}

/** The controllers' ingestion paths as patterns, in their registration order (first match wins, as in routing). */
const PATTERNS = ingestionWritePaths().map(compile);

/**
 * Matches a POST to an ingestion route (spec api.md §2.2) by its path below the mount, so requests
 * rejected before routing (authentication) are recorded too. Undefined for any other path.
 */
export function matchIngestionPath(method: string, pathname: string): PathConnectionRef | undefined {
  return matchIngestion(method, pathname)?.connection;
}

export function matchIngestion(method: string, pathname: string): IngestionMatch | undefined {
  if (method !== 'POST') return undefined;
  for (const { pattern, param, route } of PATTERNS) {
    const match = pattern.exec(pathname);
    if (match) return { connection: { [param]: safeDecode(match[1]) } as PathConnectionRef, route };
  }
  return undefined;
}

/** `connections/:connectionId/issue/:issueKey/close` → a regular expression capturing the connection parameter. */
function compile(path: string): IngestionPattern {
  const param = CONNECTION_PARAMS.find((name) => path.includes(`:${name}/`));
  if (!param) throw new Error(`ingestion path ${path} names no connection`);
  const source = path
    .split('/')
    .map((segment) => (segment === `:${param}` ? '([^/]+)' : segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return { pattern: new RegExp(`^${escapeRegExp(PLUGIN_PATH)}/${source}/?$`), param, route: `${PLUGIN_PATH}/${path}` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
