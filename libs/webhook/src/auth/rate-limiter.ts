import { Inject, Injectable } from '@nestjs/common';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed one-minute windows per client (API key, or address for admin credentials), in memory:
 * each process counts on its own (spec README, `rateLimit`).
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions) {}

  /** Counts one request of `client`; throws 429 with Retry-After past the limit. */
  take(client: string, now = Date.now()): void {
    const limit = this.options.rateLimit?.requestsPerMinute;
    if (!limit) return;
    let window = this.windows.get(client);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.forgetExpired(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
      throw new WebhookException(WebhookErrorCode.RATE_LIMITED, { headers: { 'Retry-After': String(retryAfter) } });
    }
  }

  private forgetExpired(now: number): void {
    for (const [client, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(client);
  }
}
