import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'project_incident_deployment_relationships' })
@Index('idx_project_issue_metrics_raw_data_params', ['rawDataParams'])
export class ProjectIncidentDeploymentRelationshipEntity extends DevlakeDomainColumns {
  @PrimaryColumn({ name: 'project_name', type: 'varchar', length: 100 })
  projectName: string;

  @Column({ name: 'deployment_id', type: 'longtext', nullable: true })
  deploymentId: string | null;
}
