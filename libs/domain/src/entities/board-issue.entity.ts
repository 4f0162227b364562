import { Entity, Index, PrimaryColumn } from 'typeorm';
import { DevlakeCommonColumns } from './common/devlake-common-columns';

@Entity({ name: 'board_issues' })
@Index('idx_board_issues_raw_data_params', ['rawDataParams'])
export class BoardIssueEntity extends DevlakeCommonColumns {
  @PrimaryColumn({ name: 'board_id', type: 'varchar', length: 255 })
  boardId: string;

  @PrimaryColumn({ name: 'issue_id', type: 'varchar', length: 255 })
  issueId: string;
}
