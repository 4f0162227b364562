import { Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeCommonColumns } from './common/devlake-common-columns';

@Entity({ name: 'project_mapping' })
@Index('idx_project_mapping_raw_data_params', ['rawDataParams'])
export class ProjectMappingEntity extends DevlakeCommonColumns {
  @PrimaryColumn({ name: 'project_name', type: 'varchar', length: 255 })
  projectName: string;

  @PrimaryColumn({ name: 'table', type: 'varchar', length: 255 })
  table: string;

  @PrimaryColumn({ name: 'row_id', type: 'varchar', length: 255 })
  rowId: string;
}
