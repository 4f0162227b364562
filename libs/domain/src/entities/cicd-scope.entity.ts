import { Column, Entity, Index } from 'typeorm';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'cicd_scopes' })
@Index('idx_cicd_scopes_raw_data_params', ['rawDataParams'])
export class CicdScopeEntity extends DevlakeDomainColumns {
  @Column({ name: 'name', type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ name: 'description', type: 'longtext', nullable: true })
  description: string | null;

  @Column({ name: 'url', type: 'varchar', length: 255, nullable: true })
  url: string | null;

  @Column({ name: 'created_date', type: 'datetime', precision: 3, nullable: true })
  createdDate: Date | null;

  @Column({ name: 'updated_date', type: 'datetime', precision: 3, nullable: true })
  updatedDate: Date | null;
}
