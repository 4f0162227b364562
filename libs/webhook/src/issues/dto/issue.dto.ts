import { EnumField, IntegerField, NumberField, TextField, TimeField, WebhookBody } from '../../common/validation';
import { ISSUE_FIELDS, ISSUE_STATUSES } from '../issue-fields';

/** An issue or incident (spec api.md §9.1). `type` INCIDENT also writes an incident. */
@WebhookBody(ISSUE_FIELDS)
export class IssueDto {
  @TextField({ required: true })
  issueKey: string;

  @TextField({ required: true })
  title: string;

  @EnumField(ISSUE_STATUSES, { required: true })
  status: string;

  @TextField({ maxLength: 100 })
  originalStatus?: string;

  @TimeField({ required: true })
  createdDate: Date;

  @TextField({ maxLength: 255 })
  url?: string;

  @TextField()
  description?: string;

  @TextField({ maxLength: 255 })
  epicKey?: string;

  @TextField({ maxLength: 100 })
  type?: string;

  @NumberField()
  storyPoint?: number;

  @TimeField()
  resolutionDate?: Date;

  @TimeField()
  updatedDate?: Date;

  @IntegerField({ min: 0 })
  leadTimeMinutes?: number;

  @TextField()
  parentIssueKey?: string;

  @TextField({ maxLength: 255 })
  priority?: string;

  @IntegerField()
  originalEstimateMinutes?: number;

  @IntegerField()
  timeSpentMinutes?: number;

  @IntegerField()
  timeRemainingMinutes?: number;

  @TextField()
  creatorId?: string;

  @TextField({ maxLength: 255 })
  creatorName?: string;

  @TextField()
  assigneeId?: string;

  @TextField({ maxLength: 255 })
  assigneeName?: string;

  @TextField({ maxLength: 255 })
  severity?: string;

  @TextField({ maxLength: 255 })
  component?: string;
}
