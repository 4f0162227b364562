import { Column, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from './column-transformers';

/** Comment DevLake puts on the `id` of its domain tables (spec schema.md §1). */
export const DOMAIN_ID_COMMENT = 'This key is generated based on details from the original plugin';

/** `created_at` / `updated_at`, written explicitly by the repositories (no database defaults). */
export abstract class TimestampColumns {
  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: true })
  createdAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt: Date | null;
}

/** DevLake's `NoPKModel`: the timestamps plus the raw-data origin every domain table carries. */
export abstract class DevlakeCommonColumns extends TimestampColumns {
  @Column({ name: '_raw_data_params', type: 'varchar', length: 255, nullable: true })
  rawDataParams: string | null;

  @Column({ name: '_raw_data_table', type: 'varchar', length: 255, nullable: true })
  rawDataTable: string | null;

  @Column({ name: '_raw_data_id', type: 'bigint', unsigned: true, nullable: true, transformer: bigintToNumber })
  rawDataId: number | null;

  @Column({ name: '_raw_data_remark', type: 'longtext', nullable: true })
  rawDataRemark: string | null;
}

/** DevLake's `DomainEntity`: the commented string `id` in front of the common columns. */
export abstract class DevlakeDomainColumns extends DevlakeCommonColumns {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 255, comment: DOMAIN_ID_COMMENT })
  id: string;
}
