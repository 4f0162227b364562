/** Controllers and providers the WebhookModule registers for this feature. */
export const DEPLOYMENT_CONTROLLERS: (new (...args: never[]) => unknown)[] = [];
export const DEPLOYMENT_PROVIDERS: (new (...args: never[]) => unknown)[] = [];
