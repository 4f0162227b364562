import { Column, Entity, Index } from 'typeorm';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'boards' })
@Index('idx_boards_raw_data_params', ['rawDataParams'])
export class BoardEntity extends DevlakeDomainColumns {
  @Column({ name: 'name', type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ name: 'description', type: 'longtext', nullable: true })
  description: string | null;

  @Column({ name: 'url', type: 'varchar', length: 255, nullable: true })
  url: string | null;

  @Column({ name: 'created_date', type: 'datetime', precision: 3, nullable: true })
  createdDate: Date | null;

  @Column({ name: 'type', type: 'varchar', length: 255, nullable: true })
  type: string | null;
}
