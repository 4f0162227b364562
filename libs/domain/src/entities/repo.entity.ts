import { Column, Entity, Index } from 'typeorm';
import { tinyintToBoolean } from './common/column-transformers';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'repos' })
@Index('idx_repos_raw_data_params', ['rawDataParams'])
export class RepoEntity extends DevlakeDomainColumns {
  @Column({ name: 'name', type: 'longtext', nullable: true })
  name: string | null;

  @Column({ name: 'url', type: 'longtext', nullable: true })
  url: string | null;

  @Column({ name: 'description', type: 'longtext', nullable: true })
  description: string | null;

  @Column({ name: 'owner_id', type: 'varchar', length: 255, nullable: true })
  ownerId: string | null;

  @Column({ name: 'language', type: 'varchar', length: 255, nullable: true })
  language: string | null;

  @Column({ name: 'forked_from', type: 'longtext', nullable: true })
  forkedFrom: string | null;

  @Column({ name: 'created_date', type: 'datetime', precision: 3, nullable: true })
  createdDate: Date | null;

  @Column({ name: 'updated_date', type: 'datetime', precision: 3, nullable: true })
  updatedDate: Date | null;

  @Column({ name: 'deleted', type: 'tinyint', width: 1, nullable: true, transformer: tinyintToBoolean })
  deleted: boolean | null;
}
