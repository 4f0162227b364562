/**
 * `YYYY-MM-DD HH:MM:SS.SSS` in UTC: how SQLite stores datetimes and a literal MySQL compares with
 * `datetime(3)`. Parameters are passed in this form on both drivers (better-sqlite3 binds no Dates).
 */
export function formatDbDatetime(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}
