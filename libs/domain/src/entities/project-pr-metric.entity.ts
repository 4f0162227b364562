import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from './common/column-transformers';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'project_pr_metrics' })
@Index('idx_project_pr_metrics_raw_data_params', ['rawDataParams'])
export class ProjectPrMetricEntity extends DevlakeDomainColumns {
  @PrimaryColumn({ name: 'project_name', type: 'varchar', length: 100 })
  projectName: string;

  @Column({ name: 'first_commit_sha', type: 'longtext', nullable: true })
  firstCommitSha: string | null;

  @Column({ name: 'pr_coding_time', type: 'bigint', nullable: true, transformer: bigintToNumber })
  prCodingTime: number | null;

  @Column({ name: 'first_review_id', type: 'longtext', nullable: true })
  firstReviewId: string | null;

  @Column({ name: 'pr_pickup_time', type: 'bigint', nullable: true, transformer: bigintToNumber })
  prPickupTime: number | null;

  @Column({ name: 'pr_review_time', type: 'bigint', nullable: true, transformer: bigintToNumber })
  prReviewTime: number | null;

  @Column({ name: 'deployment_commit_id', type: 'longtext', nullable: true })
  deploymentCommitId: string | null;

  @Column({ name: 'pr_deploy_time', type: 'bigint', nullable: true, transformer: bigintToNumber })
  prDeployTime: number | null;

  @Column({ name: 'pr_cycle_time', type: 'bigint', nullable: true, transformer: bigintToNumber })
  prCycleTime: number | null;

  @Column({ name: 'first_commit_authored_date', type: 'datetime', precision: 3, nullable: true })
  firstCommitAuthoredDate: Date | null;

  @Column({ name: 'pr_created_date', type: 'datetime', precision: 3, nullable: true })
  prCreatedDate: Date | null;

  @Column({ name: 'first_comment_date', type: 'datetime', precision: 3, nullable: true })
  firstCommentDate: Date | null;

  @Column({ name: 'pr_merged_date', type: 'datetime', precision: 3, nullable: true })
  prMergedDate: Date | null;

  @Column({ name: 'pr_deployed_date', type: 'datetime', precision: 3, nullable: true })
  prDeployedDate: Date | null;
}
