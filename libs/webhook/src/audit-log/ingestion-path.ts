/** The connection a path names, as the audit log resolves it when it writes the row. */
export type PathConnectionRef = { connectionId: string } | { connectionName: string } | { projectName: string };

const RESOURCE = String.raw`(?:deployments(?:/batch)?|issues(?:/batch)?|pull_requests(?:/batch)?|issue/close|issue/[^/]+/close)`;
const FORMS: [RegExp, (segment: string) => PathConnectionRef][] = [
  [new RegExp(String.raw`^/plugins/webhook/connections/by-name/([^/]+)/${RESOURCE}/?$`), (s) => ({ connectionName: s })],
  [new RegExp(String.raw`^/plugins/webhook/projects/([^/]+)/(?:deployments|issues|pull_requests)(?:/batch)?/?$`), (s) => ({ projectName: s })],
  [new RegExp(String.raw`^/plugins/webhook/connections/([^/]+)/${RESOURCE}/?$`), (s) => ({ connectionId: s })],
  [new RegExp(String.raw`^/plugins/webhook/([^/]+)/${RESOURCE}/?$`), (s) => ({ connectionId: s })],
];

/**
 * Matches a POST to an ingestion route (spec api.md §2.2) by its path below the mount, so requests
 * rejected before routing (authentication) are recorded too. Undefined for any other path.
 */
export function matchIngestionPath(method: string, pathname: string): PathConnectionRef | undefined {
  if (method !== 'POST') return undefined;
  for (const [pattern, toRef] of FORMS) {
    const match = pattern.exec(pathname);
    if (match) return toRef(safeDecode(match[1]));
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
