import { WebhookErrorCode, WebhookException } from '../common/errors';

/** Most requests written in one group transaction. */
const MAX_GROUP = 200;
/**
 * Longest a request waits for the write ahead of it before it is answered 503: with its own
 * transaction bounded too, a database that blocks writes gets every request a 503 within 5 s.
 */
export const MAX_QUEUE_WAIT_MS = 1000;

interface Waiting<TPlan, TResult> {
  plan: TPlan;
  resolve(result: TResult): void;
  reject(error: unknown): void;
  waitLimit?: NodeJS.Timeout;
}

interface Line<TPlan, TResult> {
  waiting: Waiting<TPlan, TResult>[];
  busy: boolean;
}

/**
 * Group commit for single requests. Per key (one endpoint of one connection), a request that
 * finds no write of that key in progress is written at once, alone; those arriving while one is
 * in progress wait for it and are then written together, in arrival order, by one call of
 * `writeGroup`, which answers each of them. With one client nothing changes; under concurrent
 * load each request shares the round trips of its transaction with the others of its group.
 */
export class WriteQueue<TPlan, TResult> {
  private readonly lines = new Map<string, Line<TPlan, TResult>>();

  constructor(
    private readonly writeGroup: (key: string, plans: TPlan[]) => Promise<(TResult | Error)[]>,
    private readonly maxWaitMs = MAX_QUEUE_WAIT_MS,
  ) {}

  submit(key: string, plan: TPlan): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      let line = this.lines.get(key);
      if (!line) this.lines.set(key, (line = { waiting: [], busy: false }));
      const waiting: Waiting<TPlan, TResult> = { plan, resolve, reject };
      line.waiting.push(waiting);
      if (!line.busy) return void this.drain(key, line);
      const current = line;
      waiting.waitLimit = setTimeout(() => {
        const index = current.waiting.indexOf(waiting);
        if (index < 0) return;
        current.waiting.splice(index, 1);
        reject(new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } }));
      }, this.maxWaitMs);
    });
  }

  private async drain(key: string, line: Line<TPlan, TResult>): Promise<void> {
    line.busy = true;
    while (line.waiting.length > 0) {
      const group = line.waiting.splice(0, MAX_GROUP);
      for (const waiting of group) clearTimeout(waiting.waitLimit);
      try {
        const results = await this.writeGroup(key, group.map((waiting) => waiting.plan));
        group.forEach((waiting, index) => {
          const result = results[index];
          if (result instanceof Error) waiting.reject(result);
          else waiting.resolve(result);
        });
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
      }
    }
    line.busy = false;
    this.lines.delete(key);
  }
}
