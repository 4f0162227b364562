import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOwnIndexes, dropIndexes, MetricsIndex } from './1764600000000-AddMetricsIndexes';

/**
 * Indexes the incremental refresh of the derived tables needs (issue 10): the pull requests that
 * merge a written commit, found without reading a repository's whole PR history.
 */
export const DERIVED_DATA_INDEXES: readonly MetricsIndex[] = [
  { table: 'pull_requests', name: 'idx_pull_requests_dora_merge_commit_sha', columns: ['merge_commit_sha'] },
];

export class AddDerivedDataIndexes1765300000000 implements MigrationInterface {
  name = 'AddDerivedDataIndexes1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOwnIndexes(queryRunner, DERIVED_DATA_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, DERIVED_DATA_INDEXES);
  }
}
