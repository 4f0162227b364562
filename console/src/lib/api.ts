import type { MetricsReport } from './metrics-types';
import type { ConnectionEndpoints } from './snippets';

/** An error answer of the API: the envelope's message and field-level causes (spec api.md §5.2). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly causes: string[],
  ) {
    super(message);
  }
}

export interface Connection extends ConnectionEndpoints {
  name: string;
  createdAt: string;
  updatedAt: string;
  apiKey?: ApiKey;
}

export interface ApiKey {
  id: number;
  name: string;
  apiKey?: string;
}

export interface AuditRow {
  id: number;
  createdAt: string;
  method: string;
  path: string;
  status: number;
  outcome: string;
  causes: string[] | null;
  body: string | null;
  bodyTruncated: boolean;
  headers: Record<string, string> | null;
  durationMs: number;
}

export interface Project {
  name: string;
  connectionIds: number[];
}

export interface MetricsQuery {
  from?: string;
  to?: string;
  report?: string;
}

/**
 * The admin API sits one level above the console (`<mount>/plugins/webhook/`); the server's
 * `<base>` makes this right at any depth and under any mount. Same origin only.
 */
function apiUrl(path: string, query: Record<string, string | undefined> = {}): URL {
  const url = new URL(path, new URL('../', document.baseURI));
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  return url;
}

async function call<T>(method: string, path: string, options: { body?: unknown; query?: Record<string, string | undefined> } = {}): Promise<T> {
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers: options.body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json?.message ?? response.statusText, json?.causes ?? []);
  return json as T;
}

const data = async <T>(envelope: Promise<{ data: T }>): Promise<T> => (await envelope).data;
const segment = encodeURIComponent;

export const api = {
  connections: () => call<Connection[]>('GET', 'connections'),
  connection: (id: number) => call<Connection>('GET', `connections/${id}`),
  createConnection: (name: string) => call<Connection>('POST', 'connections', { body: { name } }),
  renameConnection: (id: number, name: string) => call<Connection>('PATCH', `connections/${id}`, { body: { name } }),
  rotateKey: (id: number) => call<ApiKey>('PUT', `connections/${id}/api-key`),
  deleteConnection: (id: number, purge: boolean) =>
    data(call<{ data: { purged: Record<string, number> | null } }>('DELETE', `connections/${id}`, { query: { purge: purge ? 'true' : undefined } })),
  requests: (id: number, beforeId?: number, limit = 50) =>
    data(call<{ data: AuditRow[] }>('GET', `connections/${id}/requests`, { query: { limit: String(limit), beforeId: beforeId ? String(beforeId) : undefined } })),
  projects: () => data(call<{ data: Project[] }>('GET', 'projects')),
  mapProject: (id: number, project: string) => call<unknown>('PUT', `connections/${id}/projects/${segment(project)}`),
  unmapProject: (id: number, project: string) => call<unknown>('DELETE', `connections/${id}/projects/${segment(project)}`),
  dora: (project: string, query: MetricsQuery) =>
    data(call<{ data: MetricsReport }>('GET', `dora/projects/${segment(project)}`, { query: { ...query } })),
  issueMetrics: (project: string, query: MetricsQuery) =>
    data(call<{ data: MetricsReport }>('GET', `metrics/issues/projects/${segment(project)}`, { query: { from: query.from, to: query.to } })),
};

/** One line for an error: the message and its causes. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return [error.message, ...error.causes].join(' — ');
  return error instanceof Error ? error.message : String(error);
}
