import { TextField, TimeField, WebhookBody } from '../../common/validation';
import { CLOSE_BY_BODY_FIELDS, CLOSE_BY_PATH_FIELDS } from '../issue-fields';

/** Body of `…/issue/:issueKey/close` (spec api.md §10): the path names the issue. */
@WebhookBody(CLOSE_BY_PATH_FIELDS)
export class CloseIssueByPathDto {
  @TimeField()
  resolutionDate?: Date;

  @TextField({ maxLength: 100 })
  originalStatus?: string;
}

/** Body of `…/issue/close`: the body names the issue. */
@WebhookBody(CLOSE_BY_BODY_FIELDS)
export class CloseIssueDto extends CloseIssueByPathDto {
  @TextField({ required: true })
  issueKey: string;
}
