import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One SHA of the list a deployment commit row was posted with (`commit_shas`, issue 18), in request order. */
@Entity({ name: '_tool_webhook_deployment_commit_shas' })
@Index('idx__tool_webhook_deployment_commit_shas_commit_sha', ['commitSha'])
export class DeploymentCommitShaEntity {
  @PrimaryColumn({ name: 'deployment_commit_id', type: 'varchar', length: 255 })
  deploymentCommitId: string;

  @PrimaryColumn({ name: 'deployment_commit_sha', type: 'varchar', length: 255 })
  deploymentCommitSha: string;

  @PrimaryColumn({ name: 'sorting_index', type: 'int' })
  sortingIndex: number;

  @Column({ name: 'commit_sha', type: 'varchar', length: 255, nullable: true })
  commitSha: string | null;

  /** Old sha of the `commits_diffs` pair written for the row; NULL when none was (a git plugin's pair). */
  @Column({ name: 'diff_old_commit_sha', type: 'varchar', length: 255, nullable: true })
  diffOldCommitSha: string | null;
}
