import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyEntity } from '@app/domain';
import { hashApiKey } from '../common/auth/api-key-crypto';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../common/errors';
import { ApiKeysRepository } from '../connections/api-keys.repository';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';

/** Checks 5 and 6 of spec api.md §3.2: the key's hash is known and the key has not expired. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  async authenticate(token: string): Promise<ApiKeyEntity> {
    const key = await this.lookup(hashApiKey(this.options.encryptionSecret, token));
    if (!key) throw forbidden('api key is invalid');
    if (key.expiredAt && new Date(key.expiredAt).getTime() <= Date.now()) throw forbidden('api key has expired');
    return key;
  }

  private async lookup(hash: string): Promise<ApiKeyEntity | null> {
    try {
      return await this.apiKeys.findRecentByHash(hash);
    } catch (error) {
      if (classifyDatabaseError(error) === 'unavailable') {
        throw new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } });
      }
      throw error;
    }
  }
}

export function forbidden(message: string): WebhookException {
  return new WebhookException(WebhookErrorCode.FORBIDDEN, { message });
}

export function unauthenticated(message: string, headers: Record<string, string> = {}): WebhookException {
  return new WebhookException(WebhookErrorCode.UNAUTHENTICATED, { message, headers });
}
