import { describeErrorCode, WebhookErrorCode } from './webhook-error-code';

export interface WebhookExceptionOptions {
  causes?: string[];
  /** Overrides the code's default message (auth texts, the create-time name message). */
  message?: string;
  headers?: Record<string, string>;
}

/** The one exception type of the library; rendered by WebhookExceptionFilter as the error envelope. */
export class WebhookException extends Error {
  readonly status: number;
  readonly causes: string[];
  readonly headers: Record<string, string>;

  constructor(
    readonly code: WebhookErrorCode,
    options: WebhookExceptionOptions = {},
  ) {
    const info = describeErrorCode(code);
    super(options.message ?? info.message);
    this.status = info.status;
    this.causes = options.causes ?? [];
    this.headers = options.headers ?? {};
  }
}
