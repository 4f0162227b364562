import { PLUGIN_PATH } from '../http/webhook-request';
import { INGESTION_RESOURCES, IngestionResource, ingestionPaths } from './ingestion-routes';

/** The connection a path names, as the audit log resolves it when it writes the row. */
export type PathConnectionRef = { connectionId: string } | { connectionName: string } | { projectName: string };

export interface IngestionMatch {
  connection: PathConnectionRef;
  /** The path with its parameters named, e.g. `/plugins/webhook/:connectionId/deployments`: a low-cardinality label. */
  route: string;
  audited: boolean;
}

const CONNECTION_PARAMS = ['connectionId', 'connectionName', 'projectName'] as const;

interface IngestionPattern {
  pattern: RegExp;
  param: (typeof CONNECTION_PARAMS)[number];
  route: string;
}

/** The route table's paths as patterns by method, in registration order (first match wins, as in routing). */
const PATTERNS = {
  POST: resourcePatterns((resource) => !resource.read),
  GET: resourcePatterns((resource) => resource.read === true),
};

function resourcePatterns(keep: (resource: IngestionResource) => boolean): IngestionPattern[] {
  return Object.values(INGESTION_RESOURCES)
    .filter((resource: IngestionResource) => keep(resource))
    .flatMap(ingestionPaths)
    .map(compile);
}

/**
 * Matches a request to a route in a key's scope (spec api.md §2.2) by its path below the mount,
 * before routing, so that every step shares its connection reference and requests rejected by
 * authentication are recorded too. `audited`: an ingestion write (POST), which the audit log
 * records; the reads in a key's scope are not. Undefined for any other path.
 */
export function matchIngestion(method: string, pathname: string): IngestionMatch | undefined {
  const patterns = method === 'POST' || method === 'GET' ? PATTERNS[method] : [];
  for (const { pattern, param, route } of patterns) {
    const match = pattern.exec(pathname);
    if (match) return { connection: { [param]: safeDecode(match[1]) } as PathConnectionRef, route, audited: method === 'POST' };
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
