import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeCommonColumns } from './common/devlake-common-columns';

@Entity({ name: 'projects' })
@Index('idx_projects_raw_data_params', ['rawDataParams'])
export class ProjectEntity extends DevlakeCommonColumns {
  @PrimaryColumn({ name: 'name', type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;
}
