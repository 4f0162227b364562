import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectEntity, ProjectMappingEntity } from '@app/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { EMPTY_RAW_COLUMNS, RowRecorder } from '../common/database';
import { webhookScopeId } from '../connections/connections.repository';

/** The three mapping rows that put a connection's data into a project (spec api.md §7.7). */
export const MAPPED_TABLES = ['cicd_scopes', 'boards', 'repos'] as const;

/** `projects` and `project_mapping`. */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertProjectIfMissing(manager: EntityManager, projectName: string, now: Date): Promise<void> {
    await RowRecorder.noteIfMissing(manager, ProjectEntity, { name: projectName });
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectEntity)
      .values({ name: projectName, description: '', createdAt: now, updatedAt: now, ...EMPTY_RAW_COLUMNS })
      .orIgnore()
      .execute();
  }

  async upsertMappings(manager: EntityManager, projectName: string, connectionId: number, now: Date): Promise<void> {
    const rowId = webhookScopeId(connectionId);
    const rows = MAPPED_TABLES.map((table) => ({
      projectName,
      table,
      rowId,
      createdAt: now,
      updatedAt: now,
      ...EMPTY_RAW_COLUMNS,
      rawDataParams: projectName,
    }));
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectMappingEntity)
      .values(rows)
      .orUpdate(['updated_at'], ['project_name', 'table', 'row_id'])
      .execute();
    RowRecorder.noteWritten(manager, ProjectMappingEntity, rows.map(({ table }) => ({ projectName, table, rowId })));
  }

  async deleteMappings(manager: EntityManager, projectName: string, connectionId: number): Promise<number> {
    const result = await manager
      .getRepository(ProjectMappingEntity)
      .delete({ projectName, table: In([...MAPPED_TABLES]), rowId: webhookScopeId(connectionId) });
    return result.affected ?? 0;
  }

  /** Every project, by name, with the webhook connections mapped to it (any of the three rows). */
  async listProjects(): Promise<{ name: string; connectionIds: number[] }[]> {
    const projects = await this.dataSource.getRepository(ProjectEntity).find({ select: { name: true }, order: { name: 'ASC' } });
    const mappings = await this.dataSource
      .getRepository(ProjectMappingEntity)
      .createQueryBuilder('m')
      .select('DISTINCT m.project_name', 'projectName')
      .addSelect('m.row_id', 'rowId')
      .where('m.table IN (:...tables)', { tables: [...MAPPED_TABLES] })
      .andWhere("m.row_id LIKE 'webhook:%'")
      .getRawMany<{ projectName: string; rowId: string }>();
    const ids = new Map<string, Set<number>>();
    for (const { projectName, rowId } of mappings) {
      const match = /^webhook:(\d+)$/.exec(rowId);
      if (match) ids.set(projectName, (ids.get(projectName) ?? new Set()).add(Number(match[1])));
    }
    return projects.map(({ name }) => ({ name, connectionIds: [...(ids.get(name) ?? [])].sort((a, b) => a - b) }));
  }

  async listMappedProjects(connectionId: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(ProjectMappingEntity)
      .createQueryBuilder('m')
      .select('DISTINCT m.project_name', 'projectName')
      .where('m.row_id = :rowId', { rowId: webhookScopeId(connectionId) })
      .andWhere('m.table IN (:...tables)', { tables: [...MAPPED_TABLES] })
      .orderBy('m.project_name', 'ASC')
      .getRawMany<{ projectName: string }>();
    return rows.map((row) => row.projectName);
  }
}
