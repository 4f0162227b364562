import { Injectable } from '@nestjs/common';
import { toInstant } from '../common/calendar';
import { ScopeIds } from '../scope/metric-scope';
import { incidentInScope, successfulProduction } from '../sql/scope-sql';
import { joinSql, raw, sql } from '../sql/sql';
import { DbSession, SqlRunner } from '../sql/sql-runner';

/** An incident of a scope and the deployment it is blamed on (§4.4). */
export interface IncidentLink {
  incidentId: string;
  deploymentId: string;
  resolvedAt: Date | null;
}

interface CommitRow {
  id: string;
  deploymentId: string;
}

/** Instants looked up per statement; each is one index dive. */
const LOOKUPS_PER_STATEMENT = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * §4.4 on the database: for each incident, the scope's successful production commit row with the
 * latest `finished_date` strictly before the incident's creation (ties: the largest id).
 *
 * Written as lookups with constant bounds, batched, rather than one correlated subquery: MariaDB
 * plans a correlated `finished_date < outer.created_date` as a scan of every earlier row, while a
 * constant bound makes `MAX(finished_date)` a single index dive on both drivers.
 */
@Injectable()
export class IncidentLinksRepository {
  constructor(private readonly db: SqlRunner) {}

  /** `only`: these incident ids alone (the incremental refresh); all of the scope's otherwise. */
  async incidentLinks(ids: ScopeIds, session?: DbSession, only?: readonly string[]): Promise<IncidentLink[]> {
    const incidents: Record<string, unknown>[] = [];
    for (const part of only ? chunks(only, LOOKUPS_PER_STATEMENT) : [undefined]) {
      if (part?.length === 0) continue;
      incidents.push(
        ...(await this.db.query<Record<string, unknown>>(
          sql`SELECT li.id, li.created_date, li.resolution_date FROM incidents li WHERE ${incidentInScope('li', ids)}${
            part ? sql` AND li.id IN (${part})` : raw('')
          } ORDER BY li.id`,
          session,
        )),
      );
    }
    const created = [...new Set(incidents.map((row) => row.created_date).filter((value) => value !== null && value !== undefined))];
    const latest = await this.latestFinishBefore(ids, created, session);
    const rowsAt = await this.rowsFinishedAt(ids, [...new Set(latest.values())], session);
    const links: IncidentLink[] = [];
    for (const incident of incidents) {
      const finish = latest.get(key(incident.created_date));
      const row = finish === undefined ? undefined : rowsAt.get(key(finish));
      if (row) links.push({ incidentId: String(incident.id), deploymentId: row.deploymentId, resolvedAt: toInstant(incident.resolution_date) });
    }
    return links;
  }

  /** Bound (as the driver returned it) → latest qualifying `finished_date` strictly before it, as returned. */
  private async latestFinishBefore(ids: ScopeIds, bounds: unknown[], session?: DbSession): Promise<Map<string, unknown>> {
    const latest = new Map<string, unknown>();
    // One scope id per lookup keeps every dive on a single index prefix; each statement holds several.
    const pairs = ids.cicdScopeIds.flatMap((scopeId) => bounds.map((bound) => ({ scopeId, bound })));
    for (const part of chunks(pairs, LOOKUPS_PER_STATEMENT)) {
      const lookups = part.map(
        ({ scopeId, bound }, index) => sql`SELECT ${index} AS k, (SELECT MAX(lm.finished_date) FROM cicd_deployment_commits lm
            WHERE lm.cicd_scope_id = ${scopeId} AND ${successfulProduction('lm')} AND lm.finished_date < ${bound}) AS finish`,
      );
      const rows = await this.db.query<{ k: unknown; finish: unknown }>(joinSql(lookups, ' UNION ALL '), session);
      for (const row of rows) {
        if (row.finish === null || row.finish === undefined) continue;
        const bound = key(part[Number(row.k)].bound);
        const known = latest.get(bound);
        if (known === undefined || key(row.finish) > key(known)) latest.set(bound, row.finish);
      }
    }
    return latest;
  }

  /** `finished_date` → the qualifying row finishing exactly then with the largest id. */
  private async rowsFinishedAt(ids: ScopeIds, finishes: unknown[], session?: DbSession): Promise<Map<string, CommitRow>> {
    const rowsAt = new Map<string, CommitRow>();
    for (const part of chunks(finishes, LOOKUPS_PER_STATEMENT)) {
      const rows = await this.db.query<Record<string, unknown>>(
        sql`SELECT rc.finished_date, rc.id, rc.cicd_deployment_id FROM cicd_deployment_commits rc
             WHERE rc.cicd_scope_id IN (${ids.cicdScopeIds}) AND ${successfulProduction('rc')} AND rc.finished_date IN (${part})`,
        session,
      );
      for (const row of rows) {
        const at = key(row.finished_date);
        const known = rowsAt.get(at);
        if (!known || String(row.id) > known.id) rowsAt.set(at, { id: String(row.id), deploymentId: String(row.cicd_deployment_id) });
      }
    }
    return rowsAt;
  }
}

/** A datetime as a comparable map key, whichever driver returned it. */
function key(value: unknown): string {
  return toInstant(value)!.toISOString();
}
