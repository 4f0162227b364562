import { WebhookErrorCode, WebhookException } from '../common/errors';

/** Most requests written in one group transaction. */
const MAX_GROUP = 200;
/**
 * A request is answered at the latest this long after the write deadline, counted from its
 * arrival in the queue: it waits for the writes ahead of it while that leaves time, and its own write gets what
 * is left, at most the write deadline. With the 3 s default deadline a database that blocks writes
 * gets every queued request a 503 within 4 s; with a longer one (a cluster that stalls commits while it
 * evicts a node) requests wait behind a slow write instead of being answered 503 after a fixed wait.
 */
export const QUEUE_ALLOWANCE_MS = 1000;

interface Waiting<TPlan, TResult> {
  plan: TPlan;
  /** Date.now() by which the request is answered. */
  answerBy: number;
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

  /**
   * `writeGroup` is given the deadline of its write: `writeDeadlineMs`, or less when the earliest
   * request of the group has less time left (see QUEUE_ALLOWANCE_MS).
   */
  constructor(
    private readonly writeGroup: (key: string, plans: TPlan[], deadlineMs: number) => Promise<(TResult | Error)[]>,
    private readonly writeDeadlineMs: number,
    private readonly allowanceMs = QUEUE_ALLOWANCE_MS,
  ) {}

  submit(key: string, plan: TPlan): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      let line = this.lines.get(key);
      if (!line) this.lines.set(key, (line = { waiting: [], busy: false }));
      const budgetMs = this.writeDeadlineMs + this.allowanceMs;
      const waiting: Waiting<TPlan, TResult> = { plan, answerBy: Date.now() + budgetMs, resolve, reject };
      line.waiting.push(waiting);
      if (!line.busy) return void this.drain(key, line);
      const current = line;
      waiting.waitLimit = setTimeout(() => {
        const index = current.waiting.indexOf(waiting);
        if (index < 0) return;
        current.waiting.splice(index, 1);
        reject(unavailable());
      }, budgetMs);
    });
  }

  private async drain(key: string, line: Line<TPlan, TResult>): Promise<void> {
    line.busy = true;
    while (line.waiting.length > 0) {
      const group = line.waiting.splice(0, MAX_GROUP);
      for (const waiting of group) clearTimeout(waiting.waitLimit);
      const deadlineMs = Math.min(this.writeDeadlineMs, Math.min(...group.map((waiting) => waiting.answerBy)) - Date.now());
      try {
        // A timer that fired late: the earliest request has no time left for a write.
        if (deadlineMs <= 0) throw unavailable();
        const results = await this.writeGroup(key, group.map((waiting) => waiting.plan), deadlineMs);
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

function unavailable(): WebhookException {
  return new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } });
}
