import { AuditLogController } from './audit-log.controller';
import { AuditLogMiddleware } from './audit-log.middleware';
import { AuditLogRepository } from './audit-log.repository';
import { AuditRetentionService } from './audit-retention.service';

export const AUDIT_LOG_CONTROLLERS = [AuditLogController];
export const AUDIT_LOG_PROVIDERS = [AuditLogRepository, AuditLogMiddleware, AuditRetentionService];
export { AuditLogMiddleware };
