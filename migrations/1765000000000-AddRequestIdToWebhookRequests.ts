import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = '_tool_webhook_requests';
const COLUMN = 'request_id';

/** The audit row keeps the request id the client received in `x-request-id` (issue 15). */
export class AddRequestIdToWebhookRequests1765000000000 implements MigrationInterface {
  name = 'AddRequestIdToWebhookRequests1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasTable(TABLE)) || (await queryRunner.hasColumn(TABLE, COLUMN))) return;
    const q = quoter(queryRunner);
    await queryRunner.query(`ALTER TABLE ${q(TABLE)} ADD COLUMN ${q(COLUMN)} varchar(128) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasTable(TABLE)) || !(await queryRunner.hasColumn(TABLE, COLUMN))) return;
    const q = quoter(queryRunner);
    await queryRunner.query(`ALTER TABLE ${q(TABLE)} DROP COLUMN ${q(COLUMN)}`);
  }
}

function quoter(queryRunner: QueryRunner): (identifier: string) => string {
  const type = queryRunner.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb' ? (id) => `\`${id}\`` : (id) => `"${id}"`;
}
