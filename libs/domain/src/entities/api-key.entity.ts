import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from './common/column-transformers';
import { TimestampColumns } from './common/devlake-common-columns';

@Entity({ name: '_devlake_api_keys' })
@Index('idx__devlake_api_keys_name', ['name'], { unique: true })
@Index('idx__devlake_api_keys_api_key', ['apiKey'], { unique: true })
@Index('idx__devlake_api_keys_type', ['type'])
@Index('idx__devlake_api_keys_extra', ['extra'])
export class ApiKeyEntity extends TimestampColumns {
  @PrimaryColumn({ name: 'id', type: 'bigint', unsigned: true, generated: 'increment', transformer: bigintToNumber })
  id: number;

  @Column({ name: 'creator', type: 'varchar', length: 255, nullable: true })
  creator: string | null;

  @Column({ name: 'creator_email', type: 'varchar', length: 255, nullable: true })
  creatorEmail: string | null;

  @Column({ name: 'updater', type: 'varchar', length: 255, nullable: true })
  updater: string | null;

  @Column({ name: 'updater_email', type: 'varchar', length: 255, nullable: true })
  updaterEmail: string | null;

  @Column({ name: 'name', type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ name: 'api_key', type: 'varchar', length: 255, nullable: true })
  apiKey: string | null;

  @Column({ name: 'expired_at', type: 'datetime', precision: 3, nullable: true })
  expiredAt: Date | null;

  @Column({ name: 'allowed_path', type: 'varchar', length: 255, nullable: true })
  allowedPath: string | null;

  @Column({ name: 'type', type: 'varchar', length: 40, nullable: true })
  type: string | null;

  @Column({ name: 'extra', type: 'varchar', length: 255, nullable: true })
  extra: string | null;
}
