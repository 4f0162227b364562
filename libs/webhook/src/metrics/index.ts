import { Provider, Type } from '@nestjs/common';
import { DORA_PROVIDERS, DORA_TRANSACTION_RUNNER, DoraTransactionRunner } from '@app/dora';
import { LONG_TRANSACTION_DEADLINE_MS, TransactionRunner } from '../common/database';
import { MetricsController } from './metrics.controller';

/** Controllers and providers the WebhookModule registers for the metrics routes. */
export const METRICS_CONTROLLERS: Type[] = [MetricsController];

/**
 * The metrics services, sharing the library's transaction runner so a refresh never overlaps a
 * write; a refresh grows with the project's data, so it gets the long deadline.
 */
export const METRICS_PROVIDERS: Provider[] = [
  ...DORA_PROVIDERS,
  {
    provide: DORA_TRANSACTION_RUNNER,
    inject: [TransactionRunner],
    useFactory: (transactions: TransactionRunner): DoraTransactionRunner => ({
      run: (work) => transactions.run(work, { deadlineMs: LONG_TRANSACTION_DEADLINE_MS }),
    }),
  },
];
