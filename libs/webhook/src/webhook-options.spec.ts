import { CanActivate } from '@nestjs/common';
import { resolveWebhookOptions } from './webhook-options';

describe('resolveWebhookOptions: adminGuard', () => {
  const guard: CanActivate = { canActivate: () => true };

  it('keeps the host guard and no Basic credentials', () => {
    const sut = resolveWebhookOptions({ encryptionSecret: 's', adminGuard: guard });
    expect([sut.adminGuard, sut.adminCredentials]).toEqual([guard, undefined]);
  });

  it('refuses a host guard together with Basic credentials', () => {
    expect(() => resolveWebhookOptions({ encryptionSecret: 's', adminGuard: guard, adminUsername: 'a', adminPassword: 'b' })).toThrow(
      'WebhookModule: set either adminGuard or adminUsername/adminPassword, not both',
    );
  });
});
