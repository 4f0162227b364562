import { Injectable } from '@nestjs/common';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { formatIsoMillis } from '../common/time';
import { ConnectionResolver } from '../connections/connection-resolver';
import { RequestTarget } from '../ingestion/ingestion-target';
import { webhookScopeId } from '../connections/connections.repository';
import { DEPLOYMENT_ENVIRONMENTS } from './dto/deployment-keys';
import { LastSuccessRepository } from './last-success.repository';

/** `data` of `GET …/deployments/last-success`. */
export interface LastSuccessData {
  commitSha: string;
  deploymentId: string;
  finishedDate: string;
}

export interface LastSuccessQuery {
  repoUrl: string;
  environment: string;
}

const DEFAULT_ENVIRONMENT = 'PRODUCTION';

/**
 * `repo_url` (or `repoUrl`), required, as stored (exact); `environment` as in a deployment body:
 * any case, default PRODUCTION. Every problem at once, as a 400.
 */
export function parseLastSuccessQuery(query: Record<string, unknown>): LastSuccessQuery {
  const causes: string[] = [];
  const repoUrl = query.repo_url ?? query.repoUrl;
  if (repoUrl === undefined || repoUrl === '') causes.push('repo_url: is required');
  else if (typeof repoUrl !== 'string') causes.push('repo_url: must be a string');
  const sent = query.environment ?? DEFAULT_ENVIRONMENT;
  const environment = typeof sent === 'string' ? sent.toUpperCase() : '';
  if (!(DEPLOYMENT_ENVIRONMENTS as readonly string[]).includes(environment)) {
    causes.push(`environment: must be one of ${DEPLOYMENT_ENVIRONMENTS.join(', ')}`);
  }
  if (causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes });
  return { repoUrl: repoUrl as string, environment };
}

/**
 * The last successful deployment commit of a repository and environment on a connection: what a
 * CI step needs for `git rev-list <commitSha>..HEAD` (issue 18). None → 404.
 */
@Injectable()
export class LastSuccessService {
  constructor(
    private readonly resolver: ConnectionResolver,
    private readonly repository: LastSuccessRepository,
  ) {}

  async lastSuccess(target: RequestTarget, query: Record<string, unknown>): Promise<LastSuccessData> {
    const connection = await this.resolver.resolveTarget(target);
    const { repoUrl, environment } = parseLastSuccessQuery(query);
    const row = await this.repository.lastSuccess(webhookScopeId(connection.id), repoUrl, environment);
    if (!row) {
      throw new WebhookException(WebhookErrorCode.NOT_FOUND, {
        causes: [`repo_url: no successful ${environment} deployment of ${JSON.stringify(repoUrl)} on connection ${connection.id}`],
      });
    }
    return { commitSha: row.commit_sha, deploymentId: row.cicd_deployment_id, finishedDate: formatIsoMillis(toDate(row.finished_date)) };
  }
}

/** mysql2 gives a Date; better-sqlite3 the stored `YYYY-MM-DD HH:MM:SS.SSS` text (UTC). */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
