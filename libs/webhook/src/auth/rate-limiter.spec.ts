import { WebhookException } from '../common/errors';
import { resolveWebhookOptions } from '../webhook-options';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  const limited = () => new RateLimiter(resolveWebhookOptions({ encryptionSecret: 's', rateLimit: { requestsPerMinute: 2 } }));

  it('allows the configured number per minute, then answers 429 with Retry-After', () => {
    const sut = limited();
    sut.take('key:1', 0);
    sut.take('key:1', 1000);
    try {
      sut.take('key:1', 20_000);
      throw new Error('expected a 429');
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookException);
      expect((error as WebhookException).status).toBe(429);
      expect((error as WebhookException).headers).toEqual({ 'Retry-After': '40' });
    }
  });

  it('counts clients separately and starts a new window after a minute', () => {
    const sut = limited();
    sut.take('key:1', 0);
    sut.take('key:1', 0);
    expect(() => sut.take('key:2', 0)).not.toThrow();
    expect(() => sut.take('key:1', 60_000)).not.toThrow();
  });

  it('is off by default', () => {
    const sut = new RateLimiter(resolveWebhookOptions({ encryptionSecret: 's' }));
    for (let i = 0; i < 1000; i++) sut.take('key:1', 0);
  });
});
