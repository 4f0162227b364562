/** Injection token of the options with defaults applied. */
export const WEBHOOK_RESOLVED_OPTIONS = Symbol('WEBHOOK_RESOLVED_OPTIONS');
