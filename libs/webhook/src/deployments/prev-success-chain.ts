/**
 * `prev_success_deployment_commit_id` (spec metrics.md §4.1): a chain is one (`cicd_scope_id`,
 * `repo_url`, `environment`); its members are the successful rows with a finish time, ordered by
 * `finished_date` then `id`; each member points at the member before it, the first at `''`.
 */

/** The columns of a commit row the chain rule reads. */
export interface ChainRow {
  id: string;
  commitSha: string;
  cicdScopeId: string | null;
  repoUrl: string | null;
  environment: string | null;
  result: string | null;
  finishedDate: Date | null;
  prevSuccessDeploymentCommitId: string | null;
}

export interface Chain {
  cicdScopeId: string;
  repoUrl: string;
  environment: string;
}

/** A chain and the earliest and latest finish times among the rows a write puts into it or takes out of it. */
export interface TouchedChain {
  chain: Chain;
  from: Date;
  to: Date;
}

export interface PrevUpdate {
  id: string;
  commitSha: string;
  prev: string;
}

export function isChainMember(row: ChainRow): boolean {
  return row.result === 'SUCCESS' && row.finishedDate !== null && !!row.environment && !!row.repoUrl && !!row.cicdScopeId;
}

export function chainOf(row: ChainRow): Chain {
  return { cicdScopeId: row.cicdScopeId ?? '', repoUrl: row.repoUrl ?? '', environment: row.environment ?? '' };
}

export function sameChain(a: Chain, b: Chain): boolean {
  return a.cicdScopeId === b.cicdScopeId && a.repoUrl === b.repoUrl && a.environment === b.environment;
}

/**
 * Chains whose links a write can change: those of every written row as a member, before and after.
 * Below `from` nothing moved, so members finished earlier keep their links; past `to`, only the
 * first member after it can get a new predecessor.
 */
export function touchedChains(rowsBefore: readonly ChainRow[], rowsAfter: readonly ChainRow[]): TouchedChain[] {
  const touched = new Map<string, TouchedChain>();
  for (const row of [...rowsBefore, ...rowsAfter]) {
    if (!isChainMember(row)) continue;
    const chain = chainOf(row);
    const key = chainKey(chain);
    const finished = row.finishedDate as Date;
    const known = touched.get(key);
    if (!known) touched.set(key, { chain, from: finished, to: finished });
    else if (finished < known.from) known.from = finished;
    else if (finished > known.to) known.to = finished;
  }
  return [...touched.values()];
}

export function chainKey(chain: Chain): string {
  return JSON.stringify([chain.cicdScopeId, chain.repoUrl, chain.environment]);
}

/**
 * The links of one touched chain after a write, computed before it. `stored` holds the chain's
 * members as stored, from the last finish before `from` to the first finish after `to` (ties
 * included); `written` the members the write stores in this chain (final values); `writtenKeys`
 * the keys of every row it stores, whose stored versions no longer count. Returns the new link of
 * every written member whose link is not `''`, and of every stored member whose link changes.
 */
export function linkWrite({ from }: TouchedChain, stored: readonly ChainRow[], written: readonly ChainRow[], writtenKeys: ReadonlySet<string>): PrevUpdate[] {
  return relinkFrom([...stored.filter((row) => !writtenKeys.has(rowKey(row))), ...written], from);
}

/** A commit row's primary key as text, exact (no collation); the length prefix keeps it unambiguous. */
export function rowKey(row: { id: string; commitSha: string }): string {
  return `${row.id.length}:${row.id}${row.commitSha}`;
}

/**
 * The new links of a chain's members from `from` on. `members` holds the chain's members finished
 * at or after `from`, plus those of the last finish time before it (the predecessors), any order.
 * Returns only the rows whose stored value differs.
 */
export function relinkFrom(members: readonly ChainRow[], from: Date): PrevUpdate[] {
  const ordered = members.filter(isChainMember).sort(compareChainOrder);
  const updates: PrevUpdate[] = [];
  let previous: ChainRow | undefined;
  for (const row of ordered) {
    if ((row.finishedDate as Date) >= from) {
      const prev = previous?.id ?? '';
      if (row.prevSuccessDeploymentCommitId !== prev) updates.push({ id: row.id, commitSha: row.commitSha, prev });
    }
    previous = row;
  }
  return updates;
}

function compareChainOrder(a: ChainRow, b: ChainRow): number {
  const byFinish = (a.finishedDate as Date).getTime() - (b.finishedDate as Date).getTime();
  if (byFinish !== 0) return byFinish;
  return compareText(a.id, b.id) || compareText(a.commitSha, b.commitSha);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
