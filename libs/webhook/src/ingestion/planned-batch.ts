import { BatchReport, ItemSuccess, runBatch } from '../common/batch';
import { BatchItemResult, JsonObject } from '../common/body/parse-json-body';
import { WebhookException } from '../common/errors';

/**
 * Thrown by a handler's `writeMany` (or the runner) when the plans cannot be written together;
 * the transaction is rolled back and the batch is written again one item per transaction.
 */
export class WriteItemsOneByOne extends Error {
  constructor(reason: string) {
    super(`batch written item by item: ${reason}`);
  }
}

/** What the batch report shows for an item: its data, or the client error that rejected it. */
export type PlannedOutcome = ItemSuccess | WebhookException;

/**
 * A batch whose valid items are written together (spec api.md §13 as seen from outside): every
 * item is decoded and validated first (400 per item, no database access), then the valid ones are
 * handed to `writeAll` in input order, which must write them as if one after the other and say
 * per item what the single route would have answered. The report is runBatch's, in input order.
 */
export async function runPlannedBatch<TPlan>(
  items: BatchItemResult[],
  maxItems: number,
  plan: (body: JsonObject) => TPlan,
  writeAll: (plans: TPlan[]) => Promise<PlannedOutcome[]>,
): Promise<BatchReport> {
  if (items.length === 0 || items.length > maxItems) return runBatch(items, maxItems, notReached);
  const outcomes = new Map<number, PlannedOutcome>();
  const planned: { index: number; plan: TPlan }[] = [];
  items.forEach((item, index) => {
    if (!item.ok) return;
    try {
      planned.push({ index, plan: plan(item.value) });
    } catch (error) {
      if (!(error instanceof WebhookException) || error.status >= 500) throw error;
      outcomes.set(index, error);
    }
  });
  const written = planned.length > 0 ? await writeAll(planned.map((entry) => entry.plan)) : [];
  planned.forEach(({ index }, position) => outcomes.set(index, written[position]));
  return runBatch(items, maxItems, async (_body, index) => {
    const outcome = outcomes.get(index) as PlannedOutcome;
    if (outcome instanceof WebhookException) throw outcome;
    return outcome;
  });
}

async function notReached(): Promise<ItemSuccess> {
  throw new Error('an empty or oversized batch is answered before any item');
}
