import type { WriteContext } from './ingestion-runner';

/**
 * A `writeMany` for handlers whose plans need no shared planning: each plan written in turn in
 * the one transaction, with its own "now", as single requests arriving one after the other would
 * be. Grouping still saves what a transaction costs once: its locks, its commit and the derived
 * data update (issue 10).
 */
export function writeEachInTurn<TPlan, TData>(write: (context: WriteContext, plan: TPlan) => Promise<TData>) {
  return async (context: WriteContext, plans: TPlan[]): Promise<TData[]> => {
    const written: TData[] = [];
    for (const plan of plans) written.push(await write({ ...context, now: new Date() }, plan));
    return written;
  };
}
