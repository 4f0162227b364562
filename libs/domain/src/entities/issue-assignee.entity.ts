import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeCommonColumns } from './common/devlake-common-columns';

@Entity({ name: 'issue_assignees' })
@Index('idx_issue_assignees_raw_data_params', ['rawDataParams'])
export class IssueAssigneeEntity extends DevlakeCommonColumns {
  @PrimaryColumn({ name: 'issue_id', type: 'varchar', length: 255 })
  issueId: string;

  @PrimaryColumn({ name: 'assignee_id', type: 'varchar', length: 255 })
  assigneeId: string;

  @Column({ name: 'assignee_name', type: 'varchar', length: 255, nullable: true })
  assigneeName: string | null;
}
