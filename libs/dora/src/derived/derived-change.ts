/**
 * What one committed write can change in the derived tables (issue 10): the deployment commit
 * rows it wrote or relinked, the pull requests and the incidents it wrote. The incremental
 * refresh recomputes only the derived rows these can move.
 */
export interface DerivedChange {
  /** Rows written (with their state as written) or relinked (their finish and result unchanged). */
  commitRows: ChangedCommitRow[];
  /** Finish times the written commit rows had before the write. */
  previousFinishes: Date[];
  pullRequestIds: string[];
  incidentIds: string[];
}

export interface ChangedCommitRow {
  id: string;
  commitSha: string;
  /** A row written as a successful production deployment: its scope and finish. */
  productionFinish?: { cicdScopeId: string; finishedDate: Date };
}

/**
 * Carries a write's DerivedChange on its response `data` without showing in the JSON: a symbol
 * key is skipped by JSON.stringify (the answer stays as the spec defines it) and kept by spreads.
 */
export const DERIVED_CHANGE = Symbol('derivedChange');

export function emptyChange(): DerivedChange {
  return { commitRows: [], previousFinishes: [], pullRequestIds: [], incidentIds: [] };
}

export function withDerivedChange<T extends object>(data: T, change: Partial<DerivedChange>): T {
  Object.defineProperty(data, DERIVED_CHANGE, { value: { ...emptyChange(), ...change }, enumerable: true });
  return data;
}

/** The changes of these written `data`, merged; undefined when one of them carries none (refresh whole projects). */
export function mergedChange(data: readonly object[]): DerivedChange | undefined {
  const changes = data.map((item) => (item as { [DERIVED_CHANGE]?: DerivedChange })[DERIVED_CHANGE]);
  return changes.every((change): change is DerivedChange => change !== undefined) ? mergeChanges(changes) : undefined;
}

/**
 * The changes as one, each row and finish once: a deployment batch gives every item the finishes
 * and relinked rows of the whole batch, so concatenating them would grow with its square.
 */
export function mergeChanges(changes: readonly DerivedChange[]): DerivedChange {
  const rows = new Map<string, ChangedCommitRow>();
  const finishes = new Map<number, Date>();
  const pullRequestIds = new Set<string>();
  const incidentIds = new Set<string>();
  for (const change of changes) {
    for (const row of change.commitRows) {
      const finish = row.productionFinish;
      rows.set(JSON.stringify([row.id, row.commitSha, finish?.cicdScopeId, finish && new Date(finish.finishedDate).getTime()]), row);
    }
    for (const finish of change.previousFinishes) finishes.set(new Date(finish).getTime(), finish);
    for (const id of change.pullRequestIds) pullRequestIds.add(id);
    for (const id of change.incidentIds) incidentIds.add(id);
  }
  return { commitRows: [...rows.values()], previousFinishes: [...finishes.values()], pullRequestIds: [...pullRequestIds], incidentIds: [...incidentIds] };
}

/** A change as stored in `_webhook_derived_pending.derived_change`; NULL stands for "rebuild the project". */
export function serializeChange(change: DerivedChange | undefined): string | null {
  return change === undefined ? null : JSON.stringify(change);
}

export function parseChange(text: string | null): DerivedChange | undefined {
  if (text === null) return undefined;
  const stored = JSON.parse(text) as DerivedChange;
  return {
    commitRows: stored.commitRows.map((row) =>
      row.productionFinish ? { ...row, productionFinish: { ...row.productionFinish, finishedDate: new Date(row.productionFinish.finishedDate) } } : row,
    ),
    previousFinishes: stored.previousFinishes.map((finish) => new Date(finish)),
    pullRequestIds: stored.pullRequestIds,
    incidentIds: stored.incidentIds,
  };
}
