import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOwnIndexes, dropIndexes, MetricsIndex } from './1764600000000-AddMetricsIndexes';

/**
 * Applying a deployment's change (issue 10) looks up a scope's incidents created after a moved
 * finish; with DevLake's (`table`, scope_id) index alone that read walks every incident of the
 * scope, once per finish.
 */
export const INCIDENTS_BY_CREATION_INDEXES: readonly MetricsIndex[] = [
  { table: 'incidents', name: 'idx_incidents_dora_scope_created', columns: ['table', 'scope_id', 'created_date'] },
];

export class IndexIncidentsByCreation1765600000000 implements MigrationInterface {
  name = 'IndexIncidentsByCreation1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOwnIndexes(queryRunner, INCIDENTS_BY_CREATION_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, INCIDENTS_BY_CREATION_INDEXES);
  }
}
