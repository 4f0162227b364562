import { BatchItemResult, JsonObject } from '../body/parse-json-body';
import { describeErrorCode, WebhookErrorCode, WebhookException } from '../errors';
import { ItemWriteFailure } from './item-write-failure';

/** What one successful item reports; `outcome` is the single route's `data.outcome`. */
export interface ItemSuccess {
  outcome: 'created' | 'updated' | 'unchanged' | 'dry_run';
  data: unknown;
}

export interface BatchItemReport {
  index: number;
  outcome: 'created' | 'updated' | 'rejected';
  code: number;
  message: string;
  causes: string[] | null;
  data: unknown;
}

export interface BatchReport {
  created: number;
  updated: number;
  rejected: number;
  items: BatchItemReport[];
}

/**
 * Runs a batch (spec api.md §13): items in order, each through `handleItem` (its own transaction),
 * a rejected item never stopping the others (an ItemWriteFailure included). Other errors (a bug, the
 * database gone) propagate: the whole request then fails as the single route would.
 */
export async function runBatch(
  items: BatchItemResult[],
  maxItems: number,
  handleItem: (item: JsonObject, index: number) => Promise<ItemSuccess>,
): Promise<BatchReport> {
  if (items.length === 0) {
    throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: ['body: must contain at least one item'] });
  }
  if (items.length > maxItems) throw new WebhookException(WebhookErrorCode.BATCH_TOO_LARGE);
  const report: BatchReport = { created: 0, updated: 0, rejected: 0, items: [] };
  for (const [index, item] of items.entries()) {
    const entry = item.ok ? await settle(() => handleItem(item.value, index), index) : rejectedBody(item, index);
    report[entry.outcome] += 1;
    report.items.push(entry);
  }
  return report;
}

async function settle(run: () => Promise<ItemSuccess>, index: number): Promise<BatchItemReport> {
  try {
    const { outcome, data } = await run();
    const reported = outcome === 'created' ? 'created' : 'updated';
    return { index, outcome: reported, code: 0, message: 'success', causes: null, data };
  } catch (error) {
    if (!(error instanceof WebhookException) || (error.status >= 500 && !(error instanceof ItemWriteFailure))) throw error;
    return { index, outcome: 'rejected', code: error.status, message: error.message, causes: error.causes, data: null };
  }
}

function rejectedBody(item: Extract<BatchItemResult, { ok: false }>, index: number): BatchItemReport {
  const { status, message } = describeErrorCode(WebhookErrorCode[item.code]);
  return { index, outcome: 'rejected', code: status, message, causes: item.causes, data: null };
}
