import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOwnIndexes, dropIndexes, MetricsIndex } from './1764600000000-AddMetricsIndexes';

/**
 * The incremental refresh (issue 10) finds the PR metrics rows linked to a rewritten deployment
 * commit row; without this index that read scans the project's whole PR history.
 * `deployment_commit_id` is longtext (schema.md), so MySQL indexes its first 255 characters.
 */
export const PR_METRICS_BY_DEPLOYMENT_INDEXES: readonly MetricsIndex[] = [
  {
    table: 'project_pr_metrics',
    name: 'idx_project_pr_metrics_dora_deployment',
    columns: ['project_name', 'deployment_commit_id'],
    prefixLengths: { deployment_commit_id: 255 },
  },
];

export class IndexPrMetricsByDeployment1765400000000 implements MigrationInterface {
  name = 'IndexPrMetricsByDeployment1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOwnIndexes(queryRunner, PR_METRICS_BY_DEPLOYMENT_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, PR_METRICS_BY_DEPLOYMENT_INDEXES);
  }
}
