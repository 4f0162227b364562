import { Injectable } from '@nestjs/common';
import { BoardIssueEntity, IncidentAssigneeEntity, IncidentEntity, IssueAssigneeEntity, IssueEntity } from '@app/domain';
import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { RowRecorder } from '../common/database/row-recorder';
import { RowValues, supportsRowLocks, upsertRows } from '../common/database/upsert-rows';

type AssigneeEntity = IssueAssigneeEntity | IncidentAssigneeEntity;

/**
 * `issues`, `board_issues`, `issue_assignees`, `incidents`, `incident_assignees`. Every method runs
 * in the request's transaction; on MySQL the reads lock what they read, so a request that waited
 * for another one sees its committed rows.
 */
@Injectable()
export class IssuesRepository {
  findIssue(manager: EntityManager, id: string): Promise<IssueEntity | null> {
    return manager.getRepository(IssueEntity).findOne({ where: { id }, ...lockingRead(manager) });
  }

  findIncident(manager: EntityManager, id: string): Promise<IncidentEntity | null> {
    return manager.getRepository(IncidentEntity).findOne({ where: { id }, ...lockingRead(manager) });
  }

  upsertIssue(manager: EntityManager, issue: RowValues<IssueEntity>, now: Date): Promise<void> {
    return upsertRows(manager, IssueEntity, [issue], now);
  }

  upsertBoardIssue(manager: EntityManager, boardId: string, issueId: string, now: Date): Promise<void> {
    return upsertRows(manager, BoardIssueEntity, [{ boardId, issueId }], now);
  }

  upsertIncident(manager: EntityManager, incident: RowValues<IncidentEntity>, now: Date): Promise<void> {
    return upsertRows(manager, IncidentEntity, [incident], now);
  }

  /** Leaves the issue with exactly `current` as its assignee row (none when null). */
  replaceIssueAssignee(manager: EntityManager, issueId: string, current: RowValues<IssueAssigneeEntity> | null, now: Date): Promise<void> {
    return this.replaceAssignee(manager, IssueAssigneeEntity, { issueId }, current, now);
  }

  replaceIncidentAssignee(manager: EntityManager, incidentId: string, current: RowValues<IncidentAssigneeEntity>, now: Date): Promise<void> {
    return this.replaceAssignee(manager, IncidentAssigneeEntity, { incidentId }, current, now);
  }

  /** Removes an incident row and its assignees, if any (the issue is no longer an INCIDENT). */
  async deleteIncident(manager: EntityManager, id: string): Promise<void> {
    if (await this.findIncident(manager, id)) await manager.delete(IncidentEntity, { id });
    await this.deleteAssignees(manager, IncidentAssigneeEntity, { incidentId: id }, undefined);
  }

  async updateIssue(manager: EntityManager, id: string, columns: Partial<IssueEntity>, now: Date): Promise<void> {
    await manager.update(IssueEntity, { id }, { ...columns, updatedAt: now });
    RowRecorder.noteWritten(manager, IssueEntity, [{ id }]);
  }

  async updateIncident(manager: EntityManager, id: string, columns: Partial<IncidentEntity>, now: Date): Promise<void> {
    await manager.update(IncidentEntity, { id }, { ...columns, updatedAt: now });
    RowRecorder.noteWritten(manager, IncidentEntity, [{ id }]);
  }

  private async replaceAssignee<E extends AssigneeEntity>(
    manager: EntityManager,
    target: EntityTarget<E>,
    parent: FindOptionsWhere<E>,
    current: RowValues<E> | null,
    now: Date,
  ): Promise<void> {
    await this.deleteAssignees(manager, target, parent, current?.assigneeId);
    if (current) await upsertRows(manager, target, [current], now);
  }

  /**
   * Deletes the parent's assignee rows but `keep`, by primary key, after reading them: a delete
   * by range would take gap locks that deadlock concurrent first posts.
   */
  private async deleteAssignees<E extends AssigneeEntity>(
    manager: EntityManager,
    target: EntityTarget<E>,
    parent: FindOptionsWhere<E>,
    keep: string | undefined,
  ): Promise<void> {
    const rows = await manager.getRepository(target).find({ where: parent, ...lockingRead(manager) });
    for (const row of rows) {
      if (row.assigneeId !== keep) await manager.delete(target, { ...parent, assigneeId: row.assigneeId } as FindOptionsWhere<E>);
    }
  }
}

function lockingRead(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return supportsRowLocks(manager) ? { lock: { mode: 'pessimistic_write' } } : {};
}
