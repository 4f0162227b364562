import { Column, Entity, Index } from 'typeorm';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'cicd_deployments' })
@Index('idx_cicd_deployments_raw_data_params', ['rawDataParams'])
@Index('idx_cicd_deployments_cicd_scope_id', ['cicdScopeId'])
export class CicdDeploymentEntity extends DevlakeDomainColumns {
  @Column({ name: 'cicd_scope_id', type: 'varchar', length: 255, nullable: true })
  cicdScopeId: string | null;

  @Column({ name: 'result', type: 'varchar', length: 100, nullable: true })
  result: string | null;

  @Column({ name: 'original_result', type: 'varchar', length: 100, nullable: true })
  originalResult: string | null;

  @Column({ name: 'status', type: 'varchar', length: 100, nullable: true })
  status: string | null;

  @Column({ name: 'original_status', type: 'varchar', length: 100, nullable: true })
  originalStatus: string | null;

  @Column({ name: 'environment', type: 'varchar', length: 255, nullable: true })
  environment: string | null;

  @Column({ name: 'original_environment', type: 'varchar', length: 255, nullable: true })
  originalEnvironment: string | null;

  @Column({ name: 'created_date', type: 'datetime', precision: 3, nullable: true })
  createdDate: Date | null;

  @Column({ name: 'queued_date', type: 'datetime', precision: 3, nullable: true })
  queuedDate: Date | null;

  @Column({ name: 'queued_duration_sec', type: 'double', nullable: true })
  queuedDurationSec: number | null;

  @Column({ name: 'started_date', type: 'datetime', precision: 3, nullable: true })
  startedDate: Date | null;

  @Column({ name: 'finished_date', type: 'datetime', precision: 3, nullable: true })
  finishedDate: Date | null;

  @Column({ name: 'duration_sec', type: 'double', nullable: true })
  durationSec: number | null;

  @Column({ name: 'subtask_name', type: 'varchar', length: 255, nullable: true })
  subtaskName: string | null;

  @Column({ name: 'display_title', type: 'longtext', nullable: true })
  displayTitle: string | null;

  @Column({ name: 'url', type: 'longtext', nullable: true })
  url: string | null;

  @Column({ name: 'name', type: 'longtext', nullable: true })
  name: string | null;
}
