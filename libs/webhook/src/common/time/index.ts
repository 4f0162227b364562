export { formatDbDatetime, formatIsoMillis } from './format-time';
export { echoValue, parseTimeValue } from './parse-time-value';
export type { ParseTimeOptions, TimeParseResult } from './parse-time-value';
export { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from './time-range';
