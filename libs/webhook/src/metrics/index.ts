import { Provider, Type } from '@nestjs/common';
import { DORA_PROVIDERS, DORA_TRANSACTION_RUNNER } from '@app/dora';
import { TransactionRunner } from '../common/database';
import { MetricsController } from './metrics.controller';

/** Controllers and providers the WebhookModule registers for the metrics routes. */
export const METRICS_CONTROLLERS: Type[] = [MetricsController];

/** The metrics services, sharing the library's transaction runner so a refresh never overlaps a write. */
export const METRICS_PROVIDERS: Provider[] = [
  ...DORA_PROVIDERS,
  { provide: DORA_TRANSACTION_RUNNER, useExisting: TransactionRunner },
];
