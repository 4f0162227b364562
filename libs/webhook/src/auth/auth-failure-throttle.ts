import { Inject, Injectable, Logger } from '@nestjs/common';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';

const WINDOW_MS = 60_000;
const MAX_TRACKED_ADDRESSES = 10_000;

interface FailureWindow {
  startedAt: number;
  failures: number;
}

/**
 * Slows credential guessing (OWASP API2): counts failed authentications per client address in
 * fixed one-minute windows, in memory; once an address has used up `authFailuresPerMinute`, every
 * request from it is answered 429 until its window ends, whatever credentials it sends.
 */
@Injectable()
export class AuthFailureThrottle {
  private readonly logger = new Logger('AuthFailureThrottle');
  private readonly windows = new Map<string, FailureWindow>();

  constructor(@Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions) {}

  /** Throws 429 with Retry-After when `address` has no failures left in its window. */
  checkAllowed(address: string, now = Date.now()): void {
    const limit = this.options.authFailuresPerMinute;
    if (!limit) return;
    const window = this.windows.get(address);
    if (!window || now - window.startedAt >= WINDOW_MS || window.failures < limit) return;
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
    throw new WebhookException(WebhookErrorCode.RATE_LIMITED, {
      message: 'too many failed authentications (429)',
      headers: { 'Retry-After': String(retryAfter) },
    });
  }

  /** Counts and logs one failed authentication of `address`. */
  recordFailure(address: string, path: string, reason: string, now = Date.now()): void {
    this.logger.warn(`authentication failed from ${address} on ${path}: ${reason}`);
    if (!this.options.authFailuresPerMinute) return;
    let window = this.windows.get(address);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED_ADDRESSES) this.forgetExpired(now);
      window = { startedAt: now, failures: 0 };
      this.windows.set(address, window);
    }
    window.failures += 1;
  }

  /**
   * Runs an authentication for a request: refused early when throttled; a 401/403 it throws is
   * counted as a failure.
   */
  async guard<T>(req: { ip?: string; socket?: { remoteAddress?: string }; originalUrl?: string; url?: string }, authenticate: () => Promise<T>): Promise<T> {
    const address = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
    this.checkAllowed(address);
    try {
      return await authenticate();
    } catch (error) {
      if (error instanceof WebhookException && (error.status === 401 || error.status === 403)) {
        this.recordFailure(address, (req.originalUrl ?? req.url ?? '').split('?')[0], error.message);
      }
      throw error;
    }
  }

  private forgetExpired(now: number): void {
    for (const [address, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(address);
    if (this.windows.size >= MAX_TRACKED_ADDRESSES) this.windows.clear();
  }
}
