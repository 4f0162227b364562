import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeCommonColumns } from './common/devlake-common-columns';

@Entity({ name: 'incident_assignees' })
@Index('idx_incident_assignees_raw_data_params', ['rawDataParams'])
export class IncidentAssigneeEntity extends DevlakeCommonColumns {
  @PrimaryColumn({ name: 'incident_id', type: 'varchar', length: 255 })
  incidentId: string;

  @PrimaryColumn({ name: 'assignee_id', type: 'varchar', length: 255 })
  assigneeId: string;

  @Column({ name: 'assignee_name', type: 'varchar', length: 255, nullable: true })
  assigneeName: string | null;
}
