import { Injectable } from '@nestjs/common';
import { ApiKeyEntity } from '@app/domain';
import { WEBHOOK_KEY_TYPE } from '../connections/api-keys.repository';
import { ConnectionsRepository } from '../connections/connections.repository';
import { projectConnectionName } from '../connections/connection-params';

export interface ScopedRoute {
  isIngestion: boolean;
  /** Path parameters as routed (not yet validated). */
  params: Record<string, string>;
  /** Path without the mount, e.g. `/plugins/webhook/connections/1/deployments`. */
  routePath: string;
}

/** Check 7 of spec api.md §3.2: does the key cover this route? (§3.3) */
@Injectable()
export class KeyScope {
  constructor(private readonly connections: ConnectionsRepository) {}

  async covers(key: ApiKeyEntity, route: ScopedRoute): Promise<boolean> {
    if (key.type !== WEBHOOK_KEY_TYPE) return matchesAllowedPath(key.allowedPath, route.routePath);
    const keyConnectionId = parseKeyConnectionId(key.extra);
    if (!route.isIngestion || keyConnectionId === undefined) return false;
    return (await this.connectionIdOf(route.params)) === keyConnectionId;
  }

  private async connectionIdOf(params: Record<string, string>): Promise<number | undefined> {
    if (params.connectionId !== undefined) {
      return /^\d+$/.test(params.connectionId) ? Number(params.connectionId) : undefined;
    }
    const name = params.connectionName ?? (params.projectName !== undefined ? projectConnectionName(params.projectName) : undefined);
    if (name === undefined || name.length === 0 || name.length > 100) return undefined;
    return (await this.connections.findRecentByName(name))?.id;
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
