import { Logger } from '@nestjs/common';
import { WebhookException } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { AuthFailureThrottle } from './auth-failure-throttle';

const throttle = (authFailuresPerMinute: number) => new AuthFailureThrottle({ authFailuresPerMinute } as ResolvedWebhookOptions);

describe('AuthFailureThrottle', () => {
  it('refuses an address with 429 + Retry-After once its failures are used up, until its minute ends', () => {
    const sut = throttle(2);
    sut.recordFailure('10.0.0.1', '/x', 'api key is invalid', 0);
    sut.checkAllowed('10.0.0.1', 1000);
    sut.recordFailure('10.0.0.1', '/x', 'api key is invalid', 1000);
    let refused: unknown;
    try {
      sut.checkAllowed('10.0.0.1', 20_000);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(WebhookException);
    expect((refused as WebhookException).status).toBe(429);
    expect((refused as WebhookException).headers).toEqual({ 'Retry-After': '40' });
    expect(() => sut.checkAllowed('10.0.0.2', 20_000)).not.toThrow();
    expect(() => sut.checkAllowed('10.0.0.1', 60_000)).not.toThrow();
  });

  it('logs every failure without the credential, and never refuses when off', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const sut = throttle(0);
    for (let i = 0; i < 100; i++) sut.recordFailure('10.0.0.1', '/plugins/webhook/connections', 'invalid username or password', i);
    expect(() => sut.checkAllowed('10.0.0.1', 100)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(100);
    expect(warn).toHaveBeenLastCalledWith('authentication failed from 10.0.0.1 on /plugins/webhook/connections: invalid username or password');
    warn.mockRestore();
  });
});
