import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from './common/column-transformers';

/** DevLake's `commits_diffs`: the commits reachable from `new_commit_sha` but not from `old_commit_sha`. */
@Entity({ name: 'commits_diffs' })
@Index('idx_commits_diffs_commit_sha', ['commitSha'])
export class CommitsDiffEntity {
  @PrimaryColumn({ name: 'new_commit_sha', type: 'varchar', length: 40 })
  newCommitSha: string;

  @PrimaryColumn({ name: 'old_commit_sha', type: 'varchar', length: 40 })
  oldCommitSha: string;

  @PrimaryColumn({ name: 'commit_sha', type: 'varchar', length: 40 })
  commitSha: string;

  @Column({ name: 'sorting_index', type: 'bigint', nullable: true, transformer: bigintToNumber })
  sortingIndex: number | null;
}
