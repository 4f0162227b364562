import { ApiKeyEntity, WebhookConnectionEntity } from '@app/domain';

export interface ApiKeyResponse {
  id: number;
  createdAt: string | null;
  updatedAt: string | null;
  creator: string | null;
  creatorEmail: string | null;
  updater: string | null;
  updaterEmail: string | null;
  name: string | null;
  /** Plaintext, present only in the create and rotate responses. */
  apiKey?: string;
  expiredAt: string | null;
  allowedPath: string | null;
  type: string | null;
  extra: string | null;
}

export interface PlainConnectionResponse {
  name: string | null;
  id: number;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ConnectionResponse extends PlainConnectionResponse {
  postIssuesEndpoint: string;
  closeIssuesEndpoint: string;
  postPullRequestsEndpoint: string;
  postPipelineTaskEndpoint: string;
  postPipelineDeployTaskEndpoint: string;
  closePipelineEndpoint: string;
  apiKey?: ApiKeyResponse;
}

export function toPlainConnectionResponse(connection: WebhookConnectionEntity): PlainConnectionResponse {
  return {
    name: connection.name,
    id: connection.id,
    createdAt: isoOrNull(connection.createdAt),
    updatedAt: isoOrNull(connection.updatedAt),
  };
}

/** DevLake's connection object, keys in DevLake's order (spec api.md §7.1). */
export function toConnectionResponse(
  connection: WebhookConnectionEntity,
  endpointMount: string,
  key: ApiKeyEntity | null | undefined,
  plaintextKey?: string,
): ConnectionResponse {
  const base = `${endpointMount}/plugins/webhook/connections/${connection.id}`;
  const response: ConnectionResponse = {
    ...toPlainConnectionResponse(connection),
    postIssuesEndpoint: `${base}/issues`,
    closeIssuesEndpoint: `${base}/issue/:issueKey/close`,
    postPullRequestsEndpoint: `${base}/pull_requests`,
    postPipelineTaskEndpoint: `${base}/cicd_tasks`,
    postPipelineDeployTaskEndpoint: `${base}/deployments`,
    closePipelineEndpoint: `${base}/cicd_pipeline/:pipelineName/finish`,
  };
  if (key) response.apiKey = toApiKeyResponse(key, plaintextKey);
  return response;
}

export function toApiKeyResponse(key: ApiKeyEntity, plaintextKey?: string): ApiKeyResponse {
  const response: ApiKeyResponse = {
    id: key.id,
    createdAt: isoOrNull(key.createdAt),
    updatedAt: isoOrNull(key.updatedAt),
    creator: key.creator,
    creatorEmail: key.creatorEmail,
    updater: key.updater,
    updaterEmail: key.updaterEmail,
    name: key.name,
    expiredAt: isoOrNull(key.expiredAt),
    allowedPath: key.allowedPath,
    type: key.type,
    extra: key.extra,
  };
  if (plaintextKey === undefined) return response;
  // The plaintext sits between name and expiredAt, as in DevLake's object.
  const { expiredAt, allowedPath, type, extra, ...head } = response;
  return { ...head, apiKey: plaintextKey, expiredAt, allowedPath, type, extra };
}

function isoOrNull(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
