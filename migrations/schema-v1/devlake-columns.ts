import { column, ColumnDefinition, IndexDefinition, TableDefinition } from '../support/table-definition';

/** Comment DevLake puts on the `id` of its domain tables. */
export const DOMAIN_ID_COMMENT = 'This key is generated based on details from the original plugin';

/** DevLake's `NoPKModel`: timestamps and the raw-data origin, present on every domain table. */
export function commonColumns(): ColumnDefinition[] {
  return [
    column('created_at', 'datetime(3)'),
    column('updated_at', 'datetime(3)'),
    column('_raw_data_params', 'varchar(255)'),
    column('_raw_data_table', 'varchar(255)'),
    column('_raw_data_id', 'bigint unsigned'),
    column('_raw_data_remark', 'longtext'),
  ];
}

export function rawDataParamsIndex(indexTable: string): IndexDefinition {
  return { name: `idx_${indexTable}_raw_data_params`, columns: ['_raw_data_params'] };
}

interface DomainTableOptions {
  /** Columns after the common ones. */
  columns: ColumnDefinition[];
  /** Primary key after `id`. */
  extraPrimaryKey?: string[];
  indexes?: IndexDefinition[];
  /** Table name used in the raw-params index name when DevLake kept an older one. */
  rawDataParamsIndexTable?: string;
}

/** The usual DevLake domain table: commented `id`, common columns, own columns, raw-params index. */
export function domainTable(name: string, options: DomainTableOptions): TableDefinition {
  return {
    name,
    columns: [column('id', 'varchar(255)', DOMAIN_ID_COMMENT), ...commonColumns(), ...options.columns],
    primaryKey: ['id', ...(options.extraPrimaryKey ?? [])],
    indexes: [rawDataParamsIndex(options.rawDataParamsIndexTable ?? name), ...(options.indexes ?? [])],
  };
}

/** A DevLake table keyed by its own columns, listed before the common ones. */
export function keyedTable(name: string, leadingColumns: ColumnDefinition[], primaryKey: string[]): TableDefinition {
  return {
    name,
    columns: [...leadingColumns, ...commonColumns()],
    primaryKey,
    indexes: [rawDataParamsIndex(name)],
  };
}
