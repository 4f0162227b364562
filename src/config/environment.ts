/** The only place that reads `process.env`. */
export function readEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
