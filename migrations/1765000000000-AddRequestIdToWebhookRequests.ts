import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqliteType } from './support/sqlite-ddl';

const TABLE = '_tool_webhook_requests';
const COLUMN = 'request_id';

/** The audit row keeps the request id the client received in `x-request-id` (issue 15). */
export class AddRequestIdToWebhookRequests1765000000000 implements MigrationInterface {
  name = 'AddRequestIdToWebhookRequests1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasTable(TABLE)) || (await queryRunner.hasColumn(TABLE, COLUMN))) return;
    const mysql = isMysql(queryRunner);
    const q = quoter(mysql);
    const type = mysql ? 'varchar(128) NULL' : sqliteType('varchar(128)');
    await queryRunner.query(`ALTER TABLE ${q(TABLE)} ADD COLUMN ${q(COLUMN)} ${type}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasTable(TABLE)) || !(await queryRunner.hasColumn(TABLE, COLUMN))) return;
    const q = quoter(isMysql(queryRunner));
    await queryRunner.query(`ALTER TABLE ${q(TABLE)} DROP COLUMN ${q(COLUMN)}`);
  }
}

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb';
}

function quoter(mysql: boolean): (identifier: string) => string {
  return mysql ? (id) => `\`${id}\`` : (id) => `"${id}"`;
}
