/** DevLake's success envelope (spec api.md §5.1); `data` holds what was written. */
export interface SuccessEnvelope<T> {
  code: 0;
  success: true;
  message: 'success';
  causes: null;
  data: T;
}

export function successEnvelope<T>(data: T): SuccessEnvelope<T> {
  return { code: 0, success: true, message: 'success', causes: null, data };
}

/** `purge`, `dryRun`: true for `true` or `1`, any case; anything else is false. */
export function isTrueFlag(value: unknown): boolean {
  return typeof value === 'string' && /^(true|1)$/i.test(value);
}
