import { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA_V1_TABLES } from './schema-v1';
import { createMissingTables, dropCreatedTables } from './support/owned-tables';

/**
 * Creates DevLake's domain tables and our own where they are missing. Tables DevLake already made
 * are left exactly as they are; `down` drops only what this `up` recorded as created.
 */
export class CreateDomainTables1764400000000 implements MigrationInterface {
  name = 'CreateDomainTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMissingTables(queryRunner, this.name, SCHEMA_V1_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropCreatedTables(queryRunner, this.name);
  }
}
