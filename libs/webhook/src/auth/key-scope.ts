import { Injectable } from '@nestjs/common';
import { ApiKeyEntity } from '@app/domain';
import { WEBHOOK_KEY_TYPE } from '../connections/api-keys.repository';
import { ConnectionResolver } from '../connections/connection-resolver';
import type { RequestTarget } from '../ingestion/ingestion-target';

export interface ScopedRoute {
  /** The connection an ingestion route names; undefined on every other route. */
  target?: RequestTarget;
  /** Path without the mount, e.g. `/plugins/webhook/connections/1/deployments`. */
  routePath: string;
}

/** Check 7 of spec api.md §3.2: does the key cover this route? (§3.3) */
@Injectable()
export class KeyScope {
  constructor(private readonly resolver: ConnectionResolver) {}

  async covers(key: ApiKeyEntity, route: ScopedRoute): Promise<boolean> {
    if (key.type !== WEBHOOK_KEY_TYPE) return matchesAllowedPath(key.allowedPath, route.routePath);
    const keyConnectionId = parseKeyConnectionId(key.extra);
    const target = route.target?.parsed.target;
    if (!target || keyConnectionId === undefined) return false;
    if ('connectionId' in target) return target.connectionId === keyConnectionId;
    const connection = await route.target?.connection((parsed) => this.resolver.findRecent(parsed));
    return connection?.id === keyConnectionId;
  }
}

function parseKeyConnectionId(extra: string | null): number | undefined {
  const match = /^connectionId:(\d+)$/.exec(extra ?? '');
  return match ? Number(match[1]) : undefined;
}

/** DevLake's rule for other keys: `allowed_path` as an unanchored regular expression. */
function matchesAllowedPath(allowedPath: string | null, routePath: string): boolean {
  if (!allowedPath) return false;
  try {
    return new RegExp(allowedPath).test(routePath);
  } catch {
    return false;
  }
}
