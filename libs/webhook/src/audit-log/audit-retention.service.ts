import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { AuditLogRepository } from './audit-log.repository';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Deletes audit rows older than the retention at start and hourly, also while recording is off. */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditRetention');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly repository: AuditLogRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.purgeExpired();
    this.timer = setInterval(() => void this.purgeExpired(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purgeExpired(now = new Date()): Promise<void> {
    const cutoff = new Date(now.getTime() - this.options.auditLog.retentionDays * DAY_MS);
    try {
      await this.repository.deleteOlderThan(cutoff);
    } catch (error) {
      this.logger.warn(`audit retention failed: ${(error as Error).message}`);
    }
  }
}
