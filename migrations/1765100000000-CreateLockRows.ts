import { MigrationInterface, QueryRunner } from 'typeorm';

export const LOCK_ROWS_TABLE = '_webhook_locks';

/**
 * One row per lock name, bumped by every MySQL transaction that holds the lock (issue 17). A row
 * write is what makes two writers of the same key conflict on every node of a multi-primary
 * cluster (Galera certifies write sets; GET_LOCK is node-local there). Unused on SQLite.
 */
export class CreateLockRows1765100000000 implements MigrationInterface {
  name = 'CreateLockRows1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable(LOCK_ROWS_TABLE)) return;
    const type = queryRunner.connection.driver.options.type;
    if (type === 'mysql' || type === 'mariadb') {
      await queryRunner.query(
        `CREATE TABLE \`${LOCK_ROWS_TABLE}\` (\`name\` varchar(64) NOT NULL, \`version\` bigint NOT NULL, PRIMARY KEY (\`name\`))
           ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
      );
    } else {
      await queryRunner.query(`CREATE TABLE "${LOCK_ROWS_TABLE}" ("name" varchar(64) NOT NULL PRIMARY KEY, "version" bigint NOT NULL)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable(LOCK_ROWS_TABLE)) await queryRunner.dropTable(LOCK_ROWS_TABLE);
  }
}
