import { HttpCode, Param, Put, Req } from '@nestjs/common';
import { actorOf, AuthenticatedRequest } from '../auth/auth-principal';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { WebhookController } from '../http/webhook-controller.decorator';
import { API_KEYS_PATH } from '../http/webhook-request';
import { toApiKeyResponse } from './connection.response';
import { ConnectionsService } from './connections.service';

/** DevLake's core rotation route `PUT <mount>/api-keys/:apiKeyId`, for webhook keys only. */
@WebhookController(API_KEYS_PATH)
export class ApiKeysController {
  constructor(private readonly connections: ConnectionsService) {}

  @Put(':apiKeyId')
  @HttpCode(200)
  async rotate(@Param('apiKeyId') rawId: string, @Req() req: AuthenticatedRequest) {
    if (!/^\d+$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) {
      throw new WebhookException(WebhookErrorCode.INVALID_API_KEY_ID);
    }
    const { key, plaintextKey } = await this.connections.rotateKeyById(Number(rawId), actorOf(req.principal));
    return toApiKeyResponse(key, plaintextKey);
  }
}
