/** Controllers and providers the WebhookModule registers for issues, close and pull requests. */
export const ISSUE_CONTROLLERS: (new (...args: never[]) => unknown)[] = [];
export const ISSUE_PROVIDERS: (new (...args: never[]) => unknown)[] = [];
