/** `YYYY-MM-DD HH:MM:SS.SSS` in UTC, the text form of a MySQL `datetime(3)` value. */
export function formatDbDatetime(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}

/** ISO 8601 in UTC with milliseconds: `2026-05-05T10:00:00.123Z`. */
export function formatIsoMillis(instant: Date): string {
  return instant.toISOString();
}
