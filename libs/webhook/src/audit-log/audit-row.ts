import { IncomingHttpHeaders } from 'http';
import { redactHeaders } from '../common/auth/credential-redaction';

export const MAX_AUDIT_BODY_BYTES = 65_536;
/** A request that did not authenticate keeps only this much of its body, so a flood cannot fill the table. */
export const MAX_UNAUTHENTICATED_BODY_BYTES = 1024;
/** The same bound for the JSON of its headers, each value cut to a short prefix. */
export const MAX_UNAUTHENTICATED_HEADERS_CHARS = 1024;
const MAX_UNAUTHENTICATED_HEADER_VALUE_CHARS = 200;
export const MAX_AUDIT_PATH_CHARS = 1024;

export type AuditOutcome = 'error' | 'rejected' | 'dry_run' | 'created' | 'unchanged' | 'updated';

/** A header whose name or value may carry a credential is never recorded as sent (see credential-redaction). */
export function recordableHeaders(headers: IncomingHttpHeaders, credentials: string[] = [], maxChars = Infinity): Record<string, string | string[]> {
  const redacted = redactHeaders(headers, credentials);
  if (JSON.stringify(redacted).length <= maxChars) return redacted;
  // Over budget (an unauthenticated request): each value cut short, headers past the budget left out.
  const kept: Record<string, string | string[]> = {};
  let used = 2;
  for (const [name, value] of Object.entries(redacted)) {
    const short = String(value).slice(0, MAX_UNAUTHENTICATED_HEADER_VALUE_CHARS);
    const cost = JSON.stringify(name).length + JSON.stringify(short).length + 2;
    if (used + cost > maxChars) continue;
    kept[name] = short;
    used += cost;
  }
  return kept;
}

/**
 * The first 64 KiB of the body as text, cut back to a whole UTF-8 character, invalid bytes as
 * U+FFFD; NULL when the body was never read.
 */
export function recordableBody(raw: Buffer | undefined, maxBytes = MAX_AUDIT_BODY_BYTES): { body: string | null; truncated: boolean } {
  if (raw === undefined) return { body: null, truncated: true };
  if (raw.length <= maxBytes) return { body: raw.toString('utf8'), truncated: false };
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so no character is split.
  while (end > 0 && (raw[end] & 0xc0) === 0x80) end--;
  return { body: raw.subarray(0, end).toString('utf8'), truncated: true };
}

interface EnvelopeLike {
  causes?: unknown;
  data?: { outcome?: unknown; dryRun?: unknown; created?: unknown; updated?: unknown; rejected?: unknown; items?: unknown } | null;
}

/** Items of a 2xx answer by outcome (a single request counts as one item). */
export type ItemCounts = Partial<Record<AuditOutcome, number>>;

export interface ResponseSummary {
  causes: string[];
  outcome: AuditOutcome;
  /** Present on a 2xx answer; a batch's items one by one (`dry_run` for each item of a dry run). */
  items?: ItemCounts;
}

/** Causes and outcome of the answer, read back from the envelope the client receives. */
export function summarizeResponse(status: number, responseBody: string): ResponseSummary {
  const envelope = parseEnvelope(responseBody);
  if (status >= 500) return { causes: causesOf(envelope), outcome: 'error' };
  if (status >= 400) return { causes: causesOf(envelope), outcome: 'rejected' };
  const data = envelope?.data ?? undefined;
  if (data && Array.isArray(data.items)) return summarizeBatch(data.items, Boolean(data.dryRun));
  const outcome = data?.dryRun === true ? 'dry_run' : singleOutcome(data?.outcome);
  return { causes: [], outcome, items: { [outcome]: 1 } };
}

function summarizeBatch(items: unknown[], dryRun: boolean): ResponseSummary {
  const causes: string[] = [];
  const counts: ItemCounts = {};
  for (const item of items as { index?: number; outcome?: string; causes?: unknown; data?: { outcome?: unknown } }[]) {
    let outcome: AuditOutcome = 'rejected';
    if (item.outcome === 'rejected') {
      for (const cause of Array.isArray(item.causes) ? item.causes : []) causes.push(cause.startsWith(`items[${item.index}]`) ? cause : `items[${item.index}].${cause}`);
    } else {
      outcome = dryRun ? 'dry_run' : singleOutcome(item.data?.outcome ?? item.outcome);
    }
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return { causes, outcome: batchOutcome(counts, dryRun), items: counts };
}

function batchOutcome(counts: ItemCounts, dryRun: boolean): AuditOutcome {
  const accepted = (Object.keys(counts) as AuditOutcome[]).filter((o) => o !== 'rejected');
  if (accepted.length === 0) return 'rejected';
  if (dryRun) return 'dry_run';
  if (accepted.includes('created')) return 'created';
  return accepted.every((o) => o === 'unchanged') ? 'unchanged' : 'updated';
}

function singleOutcome(outcome: unknown): AuditOutcome {
  return outcome === 'created' || outcome === 'unchanged' ? outcome : 'updated';
}

function causesOf(envelope: EnvelopeLike | undefined): string[] {
  return Array.isArray(envelope?.causes) ? envelope!.causes.filter((c): c is string => typeof c === 'string') : [];
}

function parseEnvelope(text: string): EnvelopeLike | undefined {
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
