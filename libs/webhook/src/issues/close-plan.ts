import { IssueEntity } from '@app/domain';
import { JsonObject, normalizeFields } from '../common/body';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { IngestionPlan } from '../ingestion/ingestion-runner';
import { CloseIssueByPathDto, CloseIssueDto } from './dto/close-issue.dto';
import { CLOSE_BY_BODY_FIELDS, CLOSE_BY_PATH_FIELDS } from './issue-fields';
import { leadTimeBetween, leadTimePathsInStyle, leadTimeWarning } from './issue-plan';

/** The close columns a request can set, by column. */
const CLOSED_FIELD_OF_COLUMN: Record<string, string> = { resolution_date: 'resolutionDate', original_status: 'originalStatus' };

export interface ClosePlan extends IngestionPlan {
  issueKey: string;
  /** Where a 404 cause points: `issueKey` for the path, the body's key as sent. */
  issueKeyPath: string;
  resolutionDate?: Date;
  originalStatus?: string;
  warnings: string[];
  leadTimeWarning: string;
}

/** Columns a close writes, on the issue and on its incident (spec api.md §10). */
export interface ClosedColumns {
  status: string;
  originalStatus: string;
  resolutionDate: Date;
  leadTimeMinutes: number;
}

/**
 * Decodes a close body (spec api.md §10). `pathKey` is the key of `…/issue/:issueKey/close`;
 * without it the body must name the issue.
 */
export function planClose(body: JsonObject, pathKey: string | undefined): ClosePlan {
  const byBody = pathKey === undefined;
  const input = byBody
    ? normalizeFields<unknown, CloseIssueDto>(body, CLOSE_BY_BODY_FIELDS, { dto: CloseIssueDto })
    : normalizeFields<unknown, CloseIssueByPathDto>(body, CLOSE_BY_PATH_FIELDS, { dto: CloseIssueByPathDto });
  if (input.causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: input.causes });
  const dto: Partial<CloseIssueDto> = input.dto;
  return {
    issueKey: pathKey ?? (dto.issueKey as string),
    issueKeyPath: byBody ? input.locate('issueKey').path : 'issueKey',
    resolutionDate: dto.resolutionDate,
    originalStatus: dto.originalStatus,
    warnings: input.warnings,
    leadTimeWarning: leadTimeWarning(leadTimePathsInStyle(input.style)),
    fieldOfColumn: (column) => {
      const name = CLOSED_FIELD_OF_COLUMN[column];
      return name ? input.locate(name).path : undefined;
    },
  };
}

/**
 * The closed state of a stored issue: resolution given, else kept, else now (so a second close
 * keeps the first one's date); lead time recomputed from it.
 */
export function closeIssue(stored: IssueEntity, plan: ClosePlan, now: Date): { columns: ClosedColumns; warnings: string[] } {
  const resolutionDate = plan.resolutionDate ?? stored.resolutionDate ?? now;
  const lead = leadTimeBetween(stored.createdDate, resolutionDate);
  return {
    columns: { status: 'DONE', originalStatus: plan.originalStatus ?? '', resolutionDate, leadTimeMinutes: lead.minutes },
    warnings: lead.negative ? [...plan.warnings, plan.leadTimeWarning] : plan.warnings,
  };
}
