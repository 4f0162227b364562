import { IncidentAssigneeEntity, IncidentEntity, IssueAssigneeEntity, IssueEntity } from '@app/domain';
import { codePointLength, FieldCause, JsonObject, KeyStyle, normalizeFields, NormalizeResult, renderCauses } from '../common/body';
import { RowValues } from '../common/database/upsert-rows';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { ConnectionKey, IngestionPlan } from '../ingestion/ingestion-runner';
import { webhookScopeId } from '../connections/connections.repository';
import { IssueDto } from './dto/issue.dto';
import { ISSUE_FIELDS, STANDARD_ISSUE_TYPES } from './issue-fields';

const MAX_ID_LENGTH = 255;

/** Fields whose value becomes part of a `webhook:<c>:<value>` id. */
const ID_FIELDS = ['issueKey', 'parentIssueKey', 'creatorId', 'assigneeId'] as const;

/** Columns whose field is not their seed spelling, for naming a field behind a database error. */
const FIELD_OF_COLUMN: Record<string, string> = {
  id: 'issueKey',
  issue_key: 'issueKey',
  incident_key: 'issueKey',
  parent_issue_id: 'parentIssueKey',
  parent_incident_id: 'parentIssueKey',
};

export interface IssuePlan extends IngestionPlan {
  issue: RowValues<IssueEntity>;
  isIncident: boolean;
  warnings: string[];
}

/** Decodes an issue body for connection `<c>` (spec api.md §9.1): 400 with every cause, else the issue row. */
export function planIssue(body: JsonObject, key: ConnectionKey): IssuePlan {
  const input = normalizeFields<unknown, IssueDto>(body, ISSUE_FIELDS, { dto: IssueDto });
  const dto = input.dto;
  const ids = Object.fromEntries(ID_FIELDS.map((name) => [name, prefixedId(dto[name], key)]));
  const causes: FieldCause[] = [...input.fieldCauses, ...ID_FIELDS.filter((name) => codePointLength(ids[name]) > MAX_ID_LENGTH).map(tooLongId(input))];
  if (causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: renderCauses(causes) });

  const warnings = [...input.warnings];
  let originalStatus = dto.originalStatus;
  if (originalStatus === undefined) {
    originalStatus = String(input.sent.status);
    warnings.push(`${input.locate('originalStatus').path}: missing, stored the value of status`);
  }
  const createdDate = dto.createdDate;
  const resolutionDate = dto.resolutionDate ?? null;
  let leadTimeMinutes = dto.leadTimeMinutes ?? 0;
  if (leadTimeMinutes === 0) {
    const lead = leadTimeBetween(createdDate, resolutionDate);
    leadTimeMinutes = lead.minutes;
    if (lead.negative) warnings.push(leadTimeWarning(pathsOf(input)));
  }
  const type = standardType(dto.type ?? '');
  const issue: RowValues<IssueEntity> = {
    id: ids.issueKey,
    url: dto.url ?? '',
    iconUrl: '',
    issueKey: dto.issueKey,
    title: dto.title,
    description: dto.description ?? '',
    epicKey: dto.epicKey ?? '',
    type,
    originalType: '',
    status: dto.status,
    originalStatus,
    resolutionDate,
    createdDate,
    updatedDate: dto.updatedDate ?? null,
    leadTimeMinutes,
    parentIssueId: ids.parentIssueKey,
    priority: dto.priority ?? '',
    storyPoint: dto.storyPoint ?? 0,
    originalEstimateMinutes: dto.originalEstimateMinutes ?? 0,
    timeSpentMinutes: dto.timeSpentMinutes ?? 0,
    timeRemainingMinutes: dto.timeRemainingMinutes ?? 0,
    creatorId: ids.creatorId,
    creatorName: dto.creatorName ?? '',
    assigneeId: ids.assigneeId,
    assigneeName: dto.assigneeName ?? '',
    severity: dto.severity ?? '',
    component: dto.component ?? '',
    originalProject: '',
    urgency: '',
    isSubtask: false,
    dueDate: null,
    fixVersions: '',
  };
  return { issue, isIncident: type === 'INCIDENT', warnings, fieldOfColumn: fieldOfColumnIn(input) };
}

/** The `incidents` row of an INCIDENT issue (spec api.md §9.2). */
export function incidentOf(issue: RowValues<IssueEntity>, scopeId: string): RowValues<IncidentEntity> {
  return {
    id: issue.id,
    url: issue.url,
    incidentKey: issue.issueKey,
    title: issue.title,
    description: issue.description,
    status: issue.status,
    originalStatus: issue.originalStatus,
    resolutionDate: issue.resolutionDate,
    createdDate: issue.createdDate,
    updatedDate: issue.updatedDate,
    leadTimeMinutes: issue.leadTimeMinutes,
    originalEstimateMinutes: issue.originalEstimateMinutes,
    timeSpentMinutes: issue.timeSpentMinutes,
    timeRemainingMinutes: issue.timeRemainingMinutes,
    creatorId: issue.creatorId,
    creatorName: issue.creatorName,
    parentIncidentId: issue.parentIssueId,
    priority: issue.priority,
    severity: issue.severity,
    urgency: '',
    component: issue.component,
    originalProject: '',
    table: 'boards',
    scopeId,
    assigneeId: issue.assigneeId,
    assigneeName: issue.assigneeName,
  };
}

/** The issue's one `issue_assignees` row, or none without an assignee id. */
export function issueAssigneeOf(issue: RowValues<IssueEntity>): RowValues<IssueAssigneeEntity> | null {
  return issue.assigneeId ? { issueId: issue.id, assigneeId: issue.assigneeId, assigneeName: issue.assigneeName } : null;
}

/** An incident keeps exactly one `incident_assignees` row, with `assignee_id` `''` when unassigned. */
export function incidentAssigneeOf(issue: RowValues<IssueEntity>): RowValues<IncidentAssigneeEntity> {
  return { incidentId: issue.id, assigneeId: issue.assigneeId ?? '', assigneeName: issue.assigneeName };
}

export interface LeadTime {
  minutes: number;
  /** The resolution precedes the creation: stored 0, with a warning. */
  negative: boolean;
}

/** Whole minutes from creation to resolution, truncated, never negative; 0 while either is unknown. */
export function leadTimeBetween(created: Date | null, resolved: Date | null): LeadTime {
  if (!created || !resolved) return { minutes: 0, negative: false };
  const elapsedMs = resolved.getTime() - created.getTime();
  return elapsedMs < 0 ? { minutes: 0, negative: true } : { minutes: Math.trunc(elapsedMs / 60_000), negative: false };
}

export interface LeadTimePaths {
  leadTime: string;
  resolution: string;
  created: string;
}

export function leadTimeWarning(paths: LeadTimePaths): string {
  return `${paths.leadTime}: ${paths.resolution} is before ${paths.created}, stored 0`;
}

/** The three field names in a request's style, for requests that cannot spell them (close). */
export function leadTimePathsInStyle(style: KeyStyle): LeadTimePaths {
  return style === 'camel'
    ? { leadTime: 'leadTimeMinutes', resolution: 'resolutionDate', created: 'createdDate' }
    : { leadTime: 'lead_time_minutes', resolution: 'resolution_date', created: 'created_date' };
}

function pathsOf(input: NormalizeResult): LeadTimePaths {
  return {
    leadTime: input.locate('leadTimeMinutes').path,
    resolution: input.locate('resolutionDate').path,
    created: input.locate('createdDate').path,
  };
}

/** `bug` → `BUG`; text that is not a standard type, in any case, is kept as sent. */
function standardType(type: string): string {
  const upper = /^[A-Za-z]+$/.test(type) ? type.toUpperCase() : type;
  return STANDARD_ISSUE_TYPES.includes(upper) ? upper : type;
}

function tooLongId(input: NormalizeResult) {
  return (name: string): FieldCause => ({ ...input.locate(name), problem: 'the resulting id would exceed 255 characters' });
}

function fieldOfColumnIn(input: NormalizeResult) {
  return (column: string): string | undefined => {
    const name = FIELD_OF_COLUMN[column] ?? ISSUE_FIELDS.find((field) => field.seed === column)?.name;
    return name ? input.locate(name).path : undefined;
  };
}

/** `webhook:<c>:<value>`; an absent or empty value stays `''`, never `webhook:<c>:`. */
function prefixedId(value: string | undefined, key: ConnectionKey): string {
  return value ? `${webhookScopeId(key)}:${value}` : '';
}
