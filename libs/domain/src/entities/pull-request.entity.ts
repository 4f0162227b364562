import { Column, Entity, Index } from 'typeorm';
import { bigintToNumber, tinyintToBoolean } from './common/column-transformers';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'pull_requests' })
@Index('idx_pull_requests_raw_data_params', ['rawDataParams'])
@Index('idx_pull_requests_base_repo_id', ['baseRepoId'])
@Index('idx_pull_requests_head_repo_id', ['headRepoId'])
@Index('idx_pull_requests_parent_pr_id', ['parentPrId'])
export class PullRequestEntity extends DevlakeDomainColumns {
  @Column({ name: 'base_repo_id', type: 'varchar', length: 191, nullable: true })
  baseRepoId: string | null;

  @Column({ name: 'base_ref', type: 'varchar', length: 255, nullable: true })
  baseRef: string | null;

  @Column({ name: 'base_commit_sha', type: 'varchar', length: 40, nullable: true })
  baseCommitSha: string | null;

  @Column({ name: 'head_repo_id', type: 'varchar', length: 191, nullable: true })
  headRepoId: string | null;

  @Column({ name: 'head_ref', type: 'varchar', length: 255, nullable: true })
  headRef: string | null;

  @Column({ name: 'head_commit_sha', type: 'varchar', length: 40, nullable: true })
  headCommitSha: string | null;

  @Column({ name: 'merge_commit_sha', type: 'varchar', length: 40, nullable: true })
  mergeCommitSha: string | null;

  @Column({ name: 'status', type: 'varchar', length: 100, nullable: true, comment: 'open/closed or other' })
  status: string | null;

  @Column({ name: 'original_status', type: 'varchar', length: 100, nullable: true })
  originalStatus: string | null;

  @Column({ name: 'type', type: 'varchar', length: 100, nullable: true })
  type: string | null;

  @Column({ name: 'component', type: 'varchar', length: 100, nullable: true })
  component: string | null;

  @Column({ name: 'title', type: 'longtext', nullable: true })
  title: string | null;

  @Column({ name: 'description', type: 'longtext', nullable: true })
  description: string | null;

  @Column({ name: 'url', type: 'varchar', length: 255, nullable: true })
  url: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 100, nullable: true })
  authorName: string | null;

  @Column({ name: 'author_id', type: 'varchar', length: 100, nullable: true })
  authorId: string | null;

  @Column({ name: 'parent_pr_id', type: 'varchar', length: 100, nullable: true })
  parentPrId: string | null;

  @Column({ name: 'pull_request_key', type: 'bigint', nullable: true, transformer: bigintToNumber })
  pullRequestKey: number | null;

  @Column({ name: 'created_date', type: 'datetime', precision: 3, nullable: true })
  createdDate: Date | null;

  @Column({ name: 'merged_date', type: 'datetime', precision: 3, nullable: true })
  mergedDate: Date | null;

  @Column({ name: 'closed_date', type: 'datetime', precision: 3, nullable: true })
  closedDate: Date | null;

  @Column({ name: 'additions', type: 'bigint', nullable: true, transformer: bigintToNumber })
  additions: number | null;

  @Column({ name: 'deletions', type: 'bigint', nullable: true, transformer: bigintToNumber })
  deletions: number | null;

  @Column({ name: 'merged_by_name', type: 'varchar', length: 100, nullable: true })
  mergedByName: string | null;

  @Column({ name: 'merged_by_id', type: 'varchar', length: 100, nullable: true })
  mergedById: string | null;

  @Column({ name: 'is_draft', type: 'tinyint', width: 1, nullable: true, transformer: tinyintToBoolean })
  isDraft: boolean | null;
}
