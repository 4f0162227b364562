import { Injectable } from '@nestjs/common';
import { formatDbDatetime } from '@app/domain';
import { raw, sql } from '../sql/sql';
import { DbSession, SqlRunner } from '../sql/sql-runner';
import { DerivedChange, parseChange, serializeChange } from './derived-change';

/** Migration CreateDerivedPending; the name needs no quoting on either driver. */
const TABLE = raw('_webhook_derived_pending');

export interface PendingChanges {
  ids: number[];
  /** One per row; undefined asks for a rebuild of the project. */
  changes: (DerivedChange | undefined)[];
}

/** `_webhook_derived_pending`: the writes whose derived rows are still to update, per project. */
@Injectable()
export class PendingChangesRepository {
  constructor(private readonly db: SqlRunner) {}

  /**
   * Inside a write's transaction: one row per project mapped to one of these scope ids, found
   * and written in one statement. The number of rows written (0 for a connection in no project).
   */
  record(session: DbSession, scopeIds: readonly string[], change: DerivedChange | undefined, now: Date): Promise<number> {
    return this.db.execute(
      sql`INSERT INTO ${TABLE} (project_name, derived_change, created_at)
          SELECT DISTINCT project_name, ${serializeChange(change)}, ${formatDbDatetime(now)} FROM project_mapping WHERE row_id IN (${[...scopeIds]})`,
      session,
    );
  }

  async projectsWithPending(): Promise<string[]> {
    const rows = await this.db.query<{ project_name: string }>(sql`SELECT DISTINCT project_name FROM ${TABLE}`);
    return rows.map((row) => row.project_name).sort();
  }

  /** The id of the project's newest pending row; 0 when none is pending. */
  async newestId(projectName: string): Promise<number> {
    const rows = await this.db.query<{ id: unknown }>(sql`SELECT MAX(id) AS id FROM ${TABLE} WHERE project_name = ${projectName}`);
    return Number(rows[0]?.id ?? 0);
  }

  /** The project's oldest `limit` pending rows (up to id `upToId`), read in the transaction that will apply and delete them. */
  async oldest(projectName: string, limit: number, session: DbSession, upToId = Number.MAX_SAFE_INTEGER): Promise<PendingChanges> {
    const rows = await this.db.query<{ id: unknown; derived_change: string | null }>(
      sql`SELECT id, derived_change FROM ${TABLE} WHERE project_name = ${projectName} AND id <= ${upToId} ORDER BY id LIMIT ${limit}`,
      session,
    );
    return { ids: rows.map((row) => Number(row.id)), changes: rows.map((row) => parseChange(row.derived_change)) };
  }

  /** The ids of the project's pending rows this transaction sees (a rebuild in it covers them). */
  async idsOf(projectName: string, session: DbSession): Promise<number[]> {
    const rows = await this.db.query<{ id: unknown }>(sql`SELECT id FROM ${TABLE} WHERE project_name = ${projectName}`, session);
    return rows.map((row) => Number(row.id));
  }

  /** By primary key only: a range delete would also lock the gap new writes insert into. */
  async delete(ids: readonly number[], session: DbSession): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) await this.db.execute(sql`DELETE FROM ${TABLE} WHERE id IN (${ids.slice(i, i + 500)})`, session);
  }
}
