/** One ingestion resource below the connection (spec api.md §2.2). */
export interface IngestionResource {
  path: string;
  /** Also served as `projects/:projectName/<path>` (form D). */
  projectRoute: boolean;
  /** A read in the key's scope (GET), neither an ingestion write nor audited; writes are POST. */
  read?: true;
}

/**
 * The route table of ingestion: the controllers register these paths and the audit log recognises
 * requests by them, before routing (so that requests refused by authentication are recorded too).
 */
export const INGESTION_RESOURCES = {
  deployments: { path: 'deployments', projectRoute: true },
  deploymentsBatch: { path: 'deployments/batch', projectRoute: true },
  issues: { path: 'issues', projectRoute: true },
  issuesBatch: { path: 'issues/batch', projectRoute: true },
  closeByBody: { path: 'issue/close', projectRoute: false },
  closeByPath: { path: 'issue/:issueKey/close', projectRoute: false },
  pullRequests: { path: 'pull_requests', projectRoute: true },
  pullRequestsBatch: { path: 'pull_requests/batch', projectRoute: true },
  deploymentsLastSuccess: { path: 'deployments/last-success', projectRoute: false, read: true },
} satisfies Record<string, IngestionResource>;

/**
 * The paths of one ingestion resource in every form, most literal first so that `by-name`,
 * `connections` and `projects` are never read as an id: C, A, D (when the resource has project
 * routes), then the legacy B.
 */
export function ingestionPaths(resource: IngestionResource): string[] {
  return [
    `connections/by-name/:connectionName/${resource.path}`,
    `connections/:connectionId/${resource.path}`,
    ...(resource.projectRoute ? [`projects/:projectName/${resource.path}`] : []),
    `:connectionId/${resource.path}`,
  ];
}

/** Every path in a key's scope (below `/plugins/webhook/`), reads included, in registration order. */
export function allIngestionPaths(): string[] {
  return Object.values(INGESTION_RESOURCES).flatMap(ingestionPaths);
}
