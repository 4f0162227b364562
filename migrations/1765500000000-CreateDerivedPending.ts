import { MigrationInterface, QueryRunner } from 'typeorm';

export const DERIVED_PENDING_TABLE = '_webhook_derived_pending';

/**
 * One row per ingestion write and project it touched, holding what the write changed (issue 10).
 * The write inserts it in its own transaction; the project's derived rows are brought up to date
 * from it right after the commit, or before the project's next read, and the row deleted.
 * `derived_change` NULL asks for a rebuild of the whole project.
 */
export class CreateDerivedPending1765500000000 implements MigrationInterface {
  name = 'CreateDerivedPending1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable(DERIVED_PENDING_TABLE)) return;
    const type = queryRunner.connection.driver.options.type;
    if (type === 'mysql' || type === 'mariadb') {
      await queryRunner.query(
        `CREATE TABLE \`${DERIVED_PENDING_TABLE}\` (
           \`id\` bigint NOT NULL AUTO_INCREMENT,
           \`project_name\` varchar(255) NOT NULL,
           \`derived_change\` mediumtext NULL,
           \`created_at\` datetime(3) NOT NULL,
           PRIMARY KEY (\`id\`),
           KEY \`idx_webhook_derived_pending_project\` (\`project_name\`, \`id\`)
         ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      );
    } else {
      await queryRunner.query(
        `CREATE TABLE "${DERIVED_PENDING_TABLE}" ("id" integer PRIMARY KEY AUTOINCREMENT, "project_name" varchar(255) NOT NULL,
           "derived_change" text NULL, "created_at" datetime NOT NULL)`,
      );
      await queryRunner.query(`CREATE INDEX "idx_webhook_derived_pending_project" ON "${DERIVED_PENDING_TABLE}" ("project_name", "id")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable(DERIVED_PENDING_TABLE)) await queryRunner.dropTable(DERIVED_PENDING_TABLE);
  }
}
