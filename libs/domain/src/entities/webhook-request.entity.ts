import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber, tinyintToBoolean } from './common/column-transformers';

@Entity({ name: '_tool_webhook_requests' })
@Index('idx__tool_webhook_requests_connection_id', ['connectionId', 'id'])
@Index('idx__tool_webhook_requests_created_at', ['createdAt'])
export class WebhookRequestEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint', unsigned: true, generated: 'increment', transformer: bigintToNumber })
  id: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: true })
  createdAt: Date | null;

  @Column({ name: 'connection_id', type: 'bigint', unsigned: true, nullable: true, transformer: bigintToNumber })
  connectionId: number | null;

  @Column({ name: 'method', type: 'varchar', length: 10, nullable: true })
  method: string | null;

  @Column({ name: 'path', type: 'varchar', length: 1024, nullable: true })
  path: string | null;

  @Column({ name: 'status', type: 'int', nullable: true })
  status: number | null;

  @Column({ name: 'outcome', type: 'varchar', length: 20, nullable: true })
  outcome: string | null;

  @Column({ name: 'causes', type: 'longtext', nullable: true })
  causes: string | null;

  @Column({ name: 'body', type: 'longtext', nullable: true })
  body: string | null;

  @Column({ name: 'body_truncated', type: 'tinyint', width: 1, nullable: true, transformer: tinyintToBoolean })
  bodyTruncated: boolean | null;

  @Column({ name: 'headers', type: 'longtext', nullable: true })
  headers: string | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;

  /** Added by migration AddRequestIdToWebhookRequests: the request id echoed in `x-request-id`. */
  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;
}
