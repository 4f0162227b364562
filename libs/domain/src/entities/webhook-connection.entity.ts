import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from './common/column-transformers';
import { TimestampColumns } from './common/devlake-common-columns';

@Entity({ name: '_tool_webhook_connections' })
@Index('idx__tool_webhook_connections_name', ['name'], { unique: true })
export class WebhookConnectionEntity extends TimestampColumns {
  @Column({ name: 'name', type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @PrimaryColumn({ name: 'id', type: 'bigint', unsigned: true, generated: 'increment', transformer: bigintToNumber })
  id: number;
}
