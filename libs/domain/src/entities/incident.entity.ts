import { Column, Entity, Index } from 'typeorm';
import { bigintToNumber } from './common/column-transformers';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'incidents' })
@Index('idx_incidents_raw_data_params', ['rawDataParams'])
@Index('idx_table_scope_id', ['table', 'scopeId'])
export class IncidentEntity extends DevlakeDomainColumns {
  @Column({ name: 'url', type: 'varchar', length: 255, nullable: true })
  url: string | null;

  @Column({ name: 'incident_key', type: 'varchar', length: 255, nullable: true })
  incidentKey: string | null;

  @Column({ name: 'title', type: 'longtext', nullable: true })
  title: string | null;

  @Column({ name: 'description', type: 'longtext', nullable: true })
  description: string | null;

  @Column({ name: 'status', type: 'varchar', length: 100, nullable: true })
  status: string | null;

  @Column({ name: 'original_status', type: 'varchar', length: 100, nullable: true })
  originalStatus: string | null;

  @Column({ name: 'resolution_date', type: 'datetime', precision: 3, nullable: true })
  resolutionDate: Date | null;

  @Column({ name: 'created_date', type: 'datetime', precision: 3, nullable: true })
  createdDate: Date | null;

  @Column({ name: 'updated_date', type: 'datetime', precision: 3, nullable: true })
  updatedDate: Date | null;

  @Column({ name: 'lead_time_minutes', type: 'bigint', unsigned: true, nullable: true, transformer: bigintToNumber })
  leadTimeMinutes: number | null;

  @Column({ name: 'original_estimate_minutes', type: 'bigint', nullable: true, transformer: bigintToNumber })
  originalEstimateMinutes: number | null;

  @Column({ name: 'time_spent_minutes', type: 'bigint', nullable: true, transformer: bigintToNumber })
  timeSpentMinutes: number | null;

  @Column({ name: 'time_remaining_minutes', type: 'bigint', nullable: true, transformer: bigintToNumber })
  timeRemainingMinutes: number | null;

  @Column({ name: 'creator_id', type: 'varchar', length: 255, nullable: true })
  creatorId: string | null;

  @Column({ name: 'creator_name', type: 'varchar', length: 255, nullable: true })
  creatorName: string | null;

  @Column({ name: 'parent_incident_id', type: 'varchar', length: 255, nullable: true })
  parentIncidentId: string | null;

  @Column({ name: 'priority', type: 'varchar', length: 255, nullable: true })
  priority: string | null;

  @Column({ name: 'severity', type: 'varchar', length: 255, nullable: true })
  severity: string | null;

  @Column({ name: 'urgency', type: 'varchar', length: 255, nullable: true })
  urgency: string | null;

  @Column({ name: 'component', type: 'varchar', length: 255, nullable: true })
  component: string | null;

  @Column({ name: 'original_project', type: 'varchar', length: 255, nullable: true })
  originalProject: string | null;

  @Column({ name: 'table', type: 'varchar', length: 255, nullable: true })
  table: string | null;

  @Column({ name: 'scope_id', type: 'varchar', length: 255, nullable: true })
  scopeId: string | null;

  @Column({ name: 'assignee_id', type: 'varchar', length: 255, nullable: true })
  assigneeId: string | null;

  @Column({ name: 'assignee_name', type: 'varchar', length: 255, nullable: true })
  assigneeName: string | null;
}
