import { column, TableDefinition } from '../support/table-definition';

export const WEBHOOK_CONNECTIONS: TableDefinition = {
  name: '_tool_webhook_connections',
  columns: [
    column('name', 'varchar(100)'),
    { name: 'id', type: 'bigint unsigned', autoIncrement: true },
    column('created_at', 'datetime(3)'),
    column('updated_at', 'datetime(3)'),
  ],
  primaryKey: ['id'],
  indexes: [{ name: 'idx__tool_webhook_connections_name', columns: ['name'], unique: true }],
};

/** Shared with DevLake's core; created only when DevLake has not made it. */
export const API_KEYS: TableDefinition = {
  name: '_devlake_api_keys',
  columns: [
    { name: 'id', type: 'bigint unsigned', autoIncrement: true },
    column('created_at', 'datetime(3)'),
    column('updated_at', 'datetime(3)'),
    column('creator', 'varchar(255)'),
    column('creator_email', 'varchar(255)'),
    column('updater', 'varchar(255)'),
    column('updater_email', 'varchar(255)'),
    column('name', 'varchar(255)'),
    column('api_key', 'varchar(255)'),
    column('expired_at', 'datetime(3)'),
    column('allowed_path', 'varchar(255)'),
    column('type', 'varchar(40)'),
    column('extra', 'varchar(255)'),
  ],
  primaryKey: ['id'],
  indexes: [
    { name: 'idx__devlake_api_keys_name', columns: ['name'], unique: true },
    { name: 'idx__devlake_api_keys_api_key', columns: ['api_key'], unique: true },
    { name: 'idx__devlake_api_keys_type', columns: ['type'] },
    { name: 'idx__devlake_api_keys_extra', columns: ['extra'] },
  ],
};

export const WEBHOOK_REQUESTS: TableDefinition = {
  name: '_tool_webhook_requests',
  columns: [
    { name: 'id', type: 'bigint unsigned', autoIncrement: true },
    column('created_at', 'datetime(3)'),
    column('connection_id', 'bigint unsigned'),
    column('method', 'varchar(10)'),
    column('path', 'varchar(1024)'),
    column('status', 'int'),
    column('outcome', 'varchar(20)'),
    column('causes', 'longtext'),
    column('body', 'longtext'),
    column('body_truncated', 'tinyint(1)'),
    column('headers', 'longtext'),
    column('duration_ms', 'int'),
  ],
  primaryKey: ['id'],
  indexes: [
    { name: 'idx__tool_webhook_requests_connection_id', columns: ['connection_id', 'id'] },
    { name: 'idx__tool_webhook_requests_created_at', columns: ['created_at'] },
  ],
};
