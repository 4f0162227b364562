import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WebhookRequestEntity } from '@app/domain';
import { DataSource } from 'typeorm';
import { formatDbDatetime } from '../common/time';
import { projectConnectionName } from '../connections/connection-params';
import { RequestTarget } from '../ingestion/ingestion-target';

export interface AuditRow {
  createdAt: Date;
  target: RequestTarget;
  method: string;
  path: string;
  status: number;
  outcome: string;
  causes: string[];
  body: string | null;
  bodyTruncated: boolean;
  headers: Record<string, string | string[]>;
  durationMs: number;
  requestId: string;
}

/** `_tool_webhook_requests`. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement: the connection id is looked up inside the insert (NULL when the path names no
   * existing connection), so recording costs a single round trip.
   */
  async insert(row: AuditRow): Promise<void> {
    const { where, value } = connectionLookup(row.target);
    await this.dataSource.query(
      'INSERT INTO _tool_webhook_requests ' +
        '(created_at, connection_id, method, path, status, outcome, causes, body, body_truncated, headers, duration_ms, request_id) ' +
        `SELECT ?, (SELECT MAX(id) FROM _tool_webhook_connections WHERE ${where}), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`,
      [
        formatDbDatetime(row.createdAt),
        value,
        row.method,
        row.path,
        row.status,
        row.outcome,
        JSON.stringify(row.causes),
        row.body,
        row.bodyTruncated ? 1 : 0,
        JSON.stringify(row.headers),
        row.durationMs,
        row.requestId,
      ],
    );
  }

  list(connectionId: number, limit: number, beforeId?: number): Promise<WebhookRequestEntity[]> {
    const query = this.dataSource
      .getRepository(WebhookRequestEntity)
      .createQueryBuilder('r')
      .where('r.connection_id = :connectionId', { connectionId })
      .orderBy('r.id', 'DESC')
      .limit(limit);
    if (beforeId !== undefined) query.andWhere('r.id < :beforeId', { beforeId });
    return query.getMany();
  }

  async deleteOlderThan(cutoff: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM _tool_webhook_requests WHERE created_at < ?', [formatDbDatetime(cutoff)]);
  }
}

/** The id found while answering, else the connection the valid path names as it is now (a project's may be new). */
function connectionLookup(target: RequestTarget): { where: string; value: string | number } {
  const known = target.knownConnectionId;
  if (known !== undefined) return { where: 'id = ?', value: known };
  const parsed = target.parsed.target;
  if (!parsed) return { where: 'id = ?', value: -1 };
  if ('connectionId' in parsed) return { where: 'id = ?', value: parsed.connectionId };
  const name = 'connectionName' in parsed ? parsed.connectionName : projectConnectionName(parsed.projectName);
  return { where: 'name = ?', value: name };
}
