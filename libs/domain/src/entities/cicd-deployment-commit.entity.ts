import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'cicd_deployment_commits' })
@Index('idx_cicd_deployment_commits_raw_data_params', ['rawDataParams'])
@Index('idx_cicd_deployment_commits_cicd_scope_id', ['cicdScopeId'])
@Index('idx_cicd_deployment_commits_repo_url', ['repoUrl'])
export class CicdDeploymentCommitEntity extends DevlakeDomainColumns {
  @Column({ name: 'cicd_scope_id', type: 'varchar', length: 255, nullable: true })
  cicdScopeId: string | null;

  @Column({ name: 'cicd_deployment_id', type: 'varchar', length: 255, nullable: true })
  cicdDeploymentId: string | null;

  @Column({ name: 'name', type: 'varchar', length: 255, nullable: true })
  name: string | null;

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

  @PrimaryColumn({ name: 'commit_sha', type: 'varchar', length: 255 })
  commitSha: string;

  @Column({ name: 'ref_name', type: 'varchar', length: 255, nullable: true })
  refName: string | null;

  @Column({ name: 'repo_id', type: 'varchar', length: 255, nullable: true })
  repoId: string | null;

  @Column({ name: 'repo_url', type: 'varchar', length: 500, nullable: true })
  repoUrl: string | null;

  @Column({ name: 'prev_success_deployment_commit_id', type: 'varchar', length: 255, nullable: true })
  prevSuccessDeploymentCommitId: string | null;

  @Column({ name: 'commit_msg', type: 'longtext', nullable: true })
  commitMsg: string | null;

  @Column({ name: 'subtask_name', type: 'varchar', length: 255, nullable: true })
  subtaskName: string | null;

  @Column({ name: 'display_title', type: 'longtext', nullable: true })
  displayTitle: string | null;

  @Column({ name: 'url', type: 'longtext', nullable: true })
  url: string | null;
}
