/** Every error the webhook answers with; the filter maps each to its status and message. */
export enum WebhookErrorCode {
  BODY_NOT_JSON = 'BODY_NOT_JSON',
  BODY_NOT_OBJECT = 'BODY_NOT_OBJECT',
  BODY_NOT_ARRAY = 'BODY_NOT_ARRAY',
  BAD_PATH = 'BAD_PATH',
  INVALID_CONNECTION_ID = 'INVALID_CONNECTION_ID',
  INVALID_CONNECTION_NAME = 'INVALID_CONNECTION_NAME',
  INVALID_PROJECT_NAME = 'INVALID_PROJECT_NAME',
  INVALID_API_KEY_ID = 'INVALID_API_KEY_ID',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  CONNECTION_NAME_TAKEN = 'CONNECTION_NAME_TAKEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  ISSUE_NOT_FOUND = 'ISSUE_NOT_FOUND',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  DEPLOYMENT_ID_CONFLICT = 'DEPLOYMENT_ID_CONFLICT',
  BODY_TOO_LARGE = 'BODY_TOO_LARGE',
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
  UNAVAILABLE = 'UNAVAILABLE',
}

export interface ErrorCodeInfo {
  status: number;
  /** Default message; codes with several texts (auth, name taken) take theirs from the exception. */
  message: string;
}

export function describeErrorCode(code: WebhookErrorCode): ErrorCodeInfo {
  switch (code) {
    case WebhookErrorCode.BODY_NOT_JSON:
      return { status: 400, message: 'request body is not valid JSON (400)' };
    case WebhookErrorCode.BODY_NOT_OBJECT:
      return { status: 400, message: 'request body must be a JSON object (400)' };
    case WebhookErrorCode.BODY_NOT_ARRAY:
      return { status: 400, message: 'request body must be a JSON array (400)' };
    case WebhookErrorCode.BAD_PATH:
      return { status: 400, message: 'request path is not valid (400)' };
    case WebhookErrorCode.INVALID_CONNECTION_ID:
      return { status: 400, message: 'invalid connectionId (400)' };
    case WebhookErrorCode.INVALID_CONNECTION_NAME:
      return { status: 400, message: 'invalid connectionName (400)' };
    case WebhookErrorCode.INVALID_PROJECT_NAME:
      return { status: 400, message: 'invalid projectName (400)' };
    case WebhookErrorCode.INVALID_API_KEY_ID:
      return { status: 400, message: 'bad apiKeyId format supplied (400)' };
    case WebhookErrorCode.VALIDATION_FAILED:
      return { status: 400, message: 'input json error (400)' };
    case WebhookErrorCode.CONNECTION_NAME_TAKEN:
      return { status: 400, message: 'the connection name already exists (400)' };
    case WebhookErrorCode.UNAUTHENTICATED:
      return { status: 401, message: 'token is missing' };
    case WebhookErrorCode.FORBIDDEN:
      return { status: 403, message: 'api key is invalid' };
    case WebhookErrorCode.NOT_FOUND:
      return { status: 404, message: 'record not found (404)' };
    case WebhookErrorCode.ISSUE_NOT_FOUND:
      return { status: 404, message: 'issue not found (404)' };
    case WebhookErrorCode.ROUTE_NOT_FOUND:
      return { status: 404, message: 'route not found (404)' };
    case WebhookErrorCode.DEPLOYMENT_ID_CONFLICT:
      return { status: 409, message: 'deployment id is used by another connection (409)' };
    case WebhookErrorCode.BODY_TOO_LARGE:
      return { status: 413, message: 'request body too large (413)' };
    case WebhookErrorCode.BATCH_TOO_LARGE:
      return { status: 413, message: 'too many items in batch (413)' };
    case WebhookErrorCode.RATE_LIMITED:
      return { status: 429, message: 'too many requests (429)' };
    case WebhookErrorCode.INTERNAL:
      return { status: 500, message: 'internal error (500)' };
    case WebhookErrorCode.UNAVAILABLE:
      return { status: 503, message: 'service unavailable (503)' };
  }
}
