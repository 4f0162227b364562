export { formatDbDatetime } from '@app/domain';

/** ISO 8601 in UTC with milliseconds: `2026-05-05T10:00:00.123Z`. */
export function formatIsoMillis(instant: Date): string {
  return instant.toISOString();
}
