import { Column, Entity, Index } from 'typeorm';
import { bigintToNumber, tinyintToBoolean } from './common/column-transformers';
import { DevlakeDomainColumns } from './common/devlake-common-columns';

@Entity({ name: 'issues' })
@Index('idx_issues_raw_data_params', ['rawDataParams'])
export class IssueEntity extends DevlakeDomainColumns {
  @Column({ name: 'url', type: 'varchar', length: 255, nullable: true })
  url: string | null;

  @Column({ name: 'icon_url', type: 'varchar', length: 255, nullable: true })
  iconUrl: string | null;

  @Column({ name: 'issue_key', type: 'varchar', length: 255, nullable: true })
  issueKey: string | null;

  @Column({ name: 'title', type: 'longtext', nullable: true })
  title: string | null;

  @Column({ name: 'description', type: 'longtext', nullable: true })
  description: string | null;

  @Column({ name: 'epic_key', type: 'varchar', length: 255, nullable: true })
  epicKey: string | null;

  @Column({ name: 'type', type: 'varchar', length: 100, nullable: true })
  type: string | null;

  @Column({ name: 'original_type', type: 'varchar', length: 500, nullable: true })
  originalType: string | null;

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

  @Column({ name: 'lead_time_minutes', type: 'bigint', nullable: true, transformer: bigintToNumber })
  leadTimeMinutes: number | null;

  @Column({ name: 'parent_issue_id', type: 'varchar', length: 255, nullable: true })
  parentIssueId: string | null;

  @Column({ name: 'priority', type: 'varchar', length: 255, nullable: true })
  priority: string | null;

  @Column({ name: 'story_point', type: 'double', nullable: true })
  storyPoint: number | null;

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

  @Column({ name: 'assignee_id', type: 'varchar', length: 255, nullable: true })
  assigneeId: string | null;

  @Column({ name: 'assignee_name', type: 'varchar', length: 255, nullable: true })
  assigneeName: string | null;

  @Column({ name: 'severity', type: 'varchar', length: 255, nullable: true })
  severity: string | null;

  @Column({ name: 'component', type: 'varchar', length: 255, nullable: true })
  component: string | null;

  @Column({ name: 'original_project', type: 'varchar', length: 255, nullable: true })
  originalProject: string | null;

  @Column({ name: 'urgency', type: 'varchar', length: 255, nullable: true })
  urgency: string | null;

  @Column({ name: 'is_subtask', type: 'tinyint', width: 1, nullable: true, transformer: tinyintToBoolean })
  isSubtask: boolean | null;

  @Column({ name: 'due_date', type: 'datetime', precision: 3, nullable: true })
  dueDate: Date | null;

  @Column({ name: 'fix_versions', type: 'text', nullable: true })
  fixVersions: string | null;
}
