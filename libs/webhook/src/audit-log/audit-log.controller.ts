import { Get, Param, Query } from '@nestjs/common';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { ConnectionResolver } from '../connections/connection-resolver';
import { AuditLogRepository } from './audit-log.repository';
import { toAuditRowResponse } from './audit-row.response';

/** `GET connections/:connectionId/requests` (spec api.md §14); admin credentials. */
@WebhookController()
export class AuditLogController {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly resolver: ConnectionResolver,
  ) {}

  @Get('connections/:connectionId/requests')
  async list(@Param('connectionId') connectionId: string, @Query('limit') limit?: string, @Query('beforeId') beforeId?: string) {
    const connection = await this.resolver.resolve({ connectionId });
    const page = parsePage(limit, beforeId);
    const rows = await this.repository.list(connection.id, page.limit, page.beforeId);
    return successEnvelope(rows.map(toAuditRowResponse));
  }
}

function parsePage(limit: string | undefined, beforeId: string | undefined): { limit: number; beforeId?: number } {
  const causes: string[] = [];
  const parsedLimit = limit === undefined ? 100 : Number(limit);
  if (limit !== undefined && (!/^\d+$/.test(limit) || parsedLimit < 1 || parsedLimit > 1000)) {
    causes.push('limit: must be an integer from 1 to 1000');
  }
  const parsedBefore = beforeId === undefined ? undefined : Number(beforeId);
  if (beforeId !== undefined && (!/^\d+$/.test(beforeId) || parsedBefore! < 1 || !Number.isSafeInteger(parsedBefore))) {
    causes.push('beforeId: must be a positive integer');
  }
  if (causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes });
  return { limit: parsedLimit, beforeId: parsedBefore };
}
