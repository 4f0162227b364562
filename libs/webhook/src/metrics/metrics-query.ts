import { DORA_REPORTS, DoraReport, MetricsWindow } from '@app/dora';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { parseTimeValue } from '../common/time';

export interface MetricsQuery {
  window: MetricsWindow;
  report: DoraReport;
}

/**
 * Reads `from`, `to` (api.md §4.3 formats) and, for DORA, `report` (default 2023); other query
 * parameters are ignored. Every problem is reported at once as a 400 (spec metrics.md §1).
 */
export function parseMetricsQuery(
  query: Record<string, unknown>,
  resolveWindow: (from?: Date, to?: Date) => MetricsWindow,
  withReport: boolean,
): MetricsQuery {
  const causes: string[] = [];
  const time = (name: 'from' | 'to'): Date | undefined => {
    if (query[name] === undefined) return undefined;
    const parsed = parseTimeValue(query[name]);
    if (parsed.ok) return parsed.instant;
    causes.push(`${name}: ${parsed.problem}`);
    return undefined;
  };
  const from = time('from');
  const to = time('to');
  const timesValid = causes.length === 0;
  const window = resolveWindow(from, to);
  if (timesValid && window.from.getTime() > window.to.getTime()) causes.push('from: must not be after to');
  const report = withReport ? (query.report ?? '2023') : '2023';
  if (!DORA_REPORTS.includes(report as DoraReport)) causes.push(`report: must be one of ${DORA_REPORTS.join(', ')}`);
  if (causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes });
  return { window, report: report as DoraReport };
}
