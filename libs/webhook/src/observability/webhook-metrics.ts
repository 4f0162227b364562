import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { TransactionRunner } from '../common/database';
import { databasePoolUsage } from './database-pool';

export type RejectionReason = 'auth' | 'validation' | 'not_found' | 'conflict' | 'rate_limit' | 'too_large' | 'other';

/**
 * The library's Prometheus metrics, on a registry of its own (never prom-client's global one, so
 * two apps in one process do not collide). Hosts read `registry`; the standalone server serves it
 * at `GET /metrics` (the `prometheus` module option).
 */
@Injectable()
export class WebhookMetrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'webhook_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly duration = new Histogram({
    name: 'webhook_http_request_duration_seconds',
    help: 'Time from arrival to the end of the response',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly ingested = new Counter({
    name: 'webhook_ingested_total',
    help: 'Ingested items (a batch counts each item), by resource and outcome',
    labelNames: ['resource', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly rejected = new Counter({
    name: 'webhook_rejected_total',
    help: 'Ingestion requests answered with a client error, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  private readonly derivedRefresh = new Histogram({
    name: 'webhook_derived_data_refresh_duration_seconds',
    help: "Time spent bringing a project's derived DORA tables up to date with the writes recorded for it",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(transactions: TransactionRunner) {
    const usage = () => databasePoolUsage(transactions);
    new Gauge({
      name: 'webhook_db_pool_connections_in_use',
      help: 'Database connections checked out of the pool (SQLite: 0)',
      registers: [this.registry],
      collect() {
        this.set(usage().inUse);
      },
    });
    new Gauge({
      name: 'webhook_db_pool_waiting',
      help: 'Requests waiting for a database connection (SQLite: queued transactions)',
      registers: [this.registry],
      collect() {
        this.set(usage().waiting);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }

  countIngested(resource: string, outcome: string, items = 1): void {
    if (items > 0) this.ingested.inc({ resource, outcome }, items);
  }

  countRejected(reason: RejectionReason): void {
    this.rejected.inc({ reason });
  }

  /** One application of a project's pending derived-data changes that applied some. */
  observeDerivedRefresh(seconds: number): void {
    this.derivedRefresh.observe(seconds);
  }
}

export function rejectionReason(status: number): RejectionReason {
  if (status === 401 || status === 403) return 'auth';
  if (status === 400 || status === 422) return 'validation';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limit';
  if (status === 413) return 'too_large';
  return 'other';
}
