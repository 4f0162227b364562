import { withDerivedChange } from '@app/dora';
import { Injectable } from '@nestjs/common';
import { IssueEntity } from '@app/domain';
import { BatchItemResult, JsonObject } from '../common/body';
import { lockConnectionRow } from '../common/database/connection-lock';
import { RowValues } from '../common/database/upsert-rows';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { RequestTarget } from '../ingestion/ingestion-target';
import { IngestionHandler, IngestionRunner, WriteContext } from '../ingestion/ingestion-runner';
import { writeEachInTurn } from '../ingestion/write-each-in-turn';
import { formatIsoMillis } from '../common/time';
import { ConnectionsRepository, webhookScopeId } from '../connections/connections.repository';
import { ClosePlan, closeIssue, planClose } from './close-plan';
import { incidentAssigneeOf, incidentOf, issueAssigneeOf, IssuePlan, planIssue } from './issue-plan';
import { IssuesRepository } from './issues.repository';

/** `data` of `POST …/issues` (spec api.md §5.1). */
export interface IssueData {
  connectionId: number;
  issueId: string;
  boardId: string;
  incidentId: string | null;
  outcome: 'created' | 'updated';
  warnings: string[];
}

/** `data` of the close routes. */
export interface CloseData {
  connectionId: number;
  issueId: string;
  incidentId: string | null;
  resolutionDate: string;
  leadTimeMinutes: number;
  warnings: string[];
}

/** Issues, incidents and their close (spec api.md §9, §10). */
@Injectable()
export class IssuesService {
  private readonly upsertHandler: IngestionHandler<IssuePlan, IssueData> = {
    connectionLock: 'exclusive',
    plan: planIssue,
    write: (context, plan) => this.writeIssue(context, plan),
    writeMany: writeEachInTurn((context: WriteContext, plan: IssuePlan) => this.writeIssue(context, plan)),
  };

  constructor(
    private readonly runner: IngestionRunner,
    private readonly issues: IssuesRepository,
    private readonly connections: ConnectionsRepository,
  ) {}

  upsert(target: RequestTarget, body: JsonObject, dryRun: boolean) {
    return this.runner.single(target, body, dryRun, this.upsertHandler);
  }

  upsertBatch(target: RequestTarget, items: BatchItemResult[], dryRun: boolean) {
    return this.runner.batch(target, items, dryRun, this.upsertHandler);
  }

  /** `pathKey`: the key of `…/issue/:issueKey/close`; undefined when the body names the issue. */
  close(target: RequestTarget, pathKey: string | undefined, body: JsonObject, dryRun: boolean) {
    return this.runner.single(target, body, dryRun, {
      connectionLock: 'exclusive',
      plan: (closeBody) => planClose(closeBody, pathKey),
      write: (context, plan) => this.writeClose(context, plan),
    });
  }

  private async writeIssue(context: WriteContext, plan: IssuePlan): Promise<IssueData> {
    const { manager, connection, now } = context;
    const { issue } = plan;
    const boardId = webhookScopeId(connection.id);
    await lockConnectionRow(manager, connection.id);
    await this.connections.ensureScopeAndBoard(manager, connection.id, connection.name ?? '', now);
    const existed = (await this.issues.findIssue(manager, issue.id)) !== null;
    await this.issues.upsertIssue(manager, issue, now);
    await this.issues.upsertBoardIssue(manager, boardId, issue.id, now);
    const assignee = issueAssigneeOf(issue);
    await this.issues.replaceIssueAssignee(manager, issue.id, assignee, now);
    if (plan.isIncident) await this.writeIncident(context, issue);
    else await this.issues.deleteIncident(manager, issue.id);
    return withDerivedChange({
      connectionId: connection.id,
      issueId: issue.id,
      boardId,
      incidentId: plan.isIncident ? issue.id : null,
      outcome: existed ? ('updated' as const) : ('created' as const),
      warnings: plan.warnings,
    }, { incidentIds: [issue.id] });
  }

  /** The incident row and its single assignee row, both overwritten. */
  private async writeIncident({ manager, connection, now }: WriteContext, issue: RowValues<IssueEntity>): Promise<void> {
    const assignee = incidentAssigneeOf(issue);
    await this.issues.upsertIncident(manager, incidentOf(issue, webhookScopeId(connection.id)), now);
    await this.issues.replaceIncidentAssignee(manager, issue.id, assignee, now);
  }

  private async writeClose(context: WriteContext, plan: ClosePlan): Promise<CloseData> {
    const { manager, connection, now } = context;
    const issueId = `${webhookScopeId(connection.id)}:${plan.issueKey}`;
    await lockConnectionRow(manager, connection.id);
    const stored = await this.issues.findIssue(manager, issueId);
    if (!stored) throw new WebhookException(WebhookErrorCode.ISSUE_NOT_FOUND, { causes: [`${plan.issueKeyPath}: no issue ${issueId}`] });
    const { columns, warnings } = closeIssue(stored, plan, now);
    await this.issues.updateIssue(manager, issueId, columns, now);
    const isIncident = stored.type === 'INCIDENT';
    if (isIncident && (await this.issues.findIncident(manager, issueId))) {
      await this.issues.updateIncident(manager, issueId, columns, now);
    } else if (isIncident) {
      // DevLake rolled the whole close back here; the incident is rebuilt from the issue instead.
      await this.writeIncident(context, { ...stored, ...columns });
    }
    return withDerivedChange({
      connectionId: connection.id,
      issueId,
      incidentId: isIncident ? issueId : null,
      resolutionDate: formatIsoMillis(columns.resolutionDate),
      leadTimeMinutes: columns.leadTimeMinutes,
      warnings,
    }, { incidentIds: [issueId] });
  }
}
