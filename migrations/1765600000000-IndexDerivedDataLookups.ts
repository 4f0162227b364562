import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOwnIndexes, dropIndexes, MetricsIndex } from './1764600000000-AddMetricsIndexes';

/**
 * Lookups of the derived-data maintenance (issue 10) that DevLake's indexes leave to scans:
 * - every write finds the projects its connection is mapped to (`project_mapping` by row id; its
 *   primary key starts with the project name), and locks only those rows;
 * - applying a deployment's change finds a scope's incidents created after a moved finish (with
 *   DevLake's (`table`, scope_id) index alone, every incident of the scope, once per finish).
 */
export const DERIVED_DATA_LOOKUP_INDEXES: readonly MetricsIndex[] = [
  { table: 'project_mapping', name: 'idx_project_mapping_dora_row_id', columns: ['row_id', 'project_name'] },
  { table: 'incidents', name: 'idx_incidents_dora_scope_created', columns: ['table', 'scope_id', 'created_date'] },
];

export class IndexDerivedDataLookups1765600000000 implements MigrationInterface {
  name = 'IndexDerivedDataLookups1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOwnIndexes(queryRunner, DERIVED_DATA_LOOKUP_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, DERIVED_DATA_LOOKUP_INDEXES);
  }
}
