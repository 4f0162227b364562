import { BooleanField, EnumField, IntegerField, TextField, TimeField, WebhookBody } from '../../common/validation';
import { PULL_REQUEST_FIELDS, PULL_REQUEST_STATUSES } from '../pull-request-fields';

/** A pull request (spec api.md §11); `id` and `base_repo_id` are accepted and not used. */
@WebhookBody(PULL_REQUEST_FIELDS)
export class PullRequestDto {
  @IntegerField({ required: true, min: 1 })
  pullRequestKey: number;

  @TextField({ required: true })
  title: string;

  @TimeField({ required: true })
  createdDate: Date;

  @EnumField(PULL_REQUEST_STATUSES)
  status?: string;

  @TextField({ maxLength: 100 })
  originalStatus?: string;

  @TextField({ maxLength: 191 })
  headRepoId?: string;

  @TextField({ maxLength: 255 })
  baseRef?: string;

  @TextField({ maxLength: 255 })
  headRef?: string;

  @TextField({ maxLength: 40 })
  baseCommitSha?: string;

  @TextField({ maxLength: 40 })
  headCommitSha?: string;

  @TextField({ maxLength: 40 })
  mergeCommitSha?: string;

  @TextField()
  description?: string;

  @TextField({ maxLength: 255 })
  url?: string;

  @TextField({ maxLength: 100 })
  authorName?: string;

  @TextField({ maxLength: 100 })
  authorId?: string;

  @TextField({ maxLength: 100 })
  mergedByName?: string;

  @TextField({ maxLength: 100 })
  mergedById?: string;

  @TextField({ maxLength: 100 })
  parentPrId?: string;

  @TextField({ maxLength: 100 })
  type?: string;

  @TextField({ maxLength: 100 })
  component?: string;

  @TimeField()
  mergedDate?: Date;

  @TimeField()
  closedDate?: Date;

  @IntegerField()
  additions?: number;

  @IntegerField()
  deletions?: number;

  @BooleanField()
  isDraft?: boolean;
}
