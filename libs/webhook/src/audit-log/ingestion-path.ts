/** The connection a path names, as the audit log resolves it when it writes the row. */
export type PathConnectionRef = { connectionId: string } | { connectionName: string } | { projectName: string };

const RESOURCE = String.raw`(?:deployments(?:/batch)?|issues(?:/batch)?|pull_requests(?:/batch)?|issue/close|issue/[^/]+/close)`;
const FORMS: [RegExp, (segment: string) => PathConnectionRef, string][] = [
  [new RegExp(String.raw`^(/plugins/webhook/connections/by-name/)([^/]+)(/${RESOURCE})/?$`), (s) => ({ connectionName: s }), ':connectionName'],
  [new RegExp(String.raw`^(/plugins/webhook/projects/)([^/]+)(/(?:deployments|issues|pull_requests)(?:/batch)?)/?$`), (s) => ({ projectName: s }), ':projectName'],
  [new RegExp(String.raw`^(/plugins/webhook/connections/)([^/]+)(/${RESOURCE})/?$`), (s) => ({ connectionId: s }), ':connectionId'],
  [new RegExp(String.raw`^(/plugins/webhook/)([^/]+)(/${RESOURCE})/?$`), (s) => ({ connectionId: s }), ':connectionId'],
];

export interface IngestionMatch {
  connection: PathConnectionRef;
  /** The path with its parameters named, e.g. `/plugins/webhook/:connectionId/deployments`: a low-cardinality label. */
  route: string;
}

/**
 * Matches a POST to an ingestion route (spec api.md §2.2) by its path below the mount, so requests
 * rejected before routing (authentication) are recorded too. Undefined for any other path.
 */
export function matchIngestionPath(method: string, pathname: string): PathConnectionRef | undefined {
  return matchIngestion(method, pathname)?.connection;
}

export function matchIngestion(method: string, pathname: string): IngestionMatch | undefined {
  if (method !== 'POST') return undefined;
  for (const [pattern, toRef, param] of FORMS) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const [, prefix, segment, resource] = match;
    const route = prefix + param + resource.replace(/^\/issue\/[^/]+\/close$/, '/issue/:issueKey/close');
    return { connection: toRef(safeDecode(segment)), route };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
