import { Injectable } from '@nestjs/common';
import { CicdDeploymentCommitEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { requireLocks } from '../common/database/named-locks';
import { WriteItemsOneByOne } from '../ingestion/planned-batch';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { webhookScopeId } from '../connections/connections.repository';
import { deploymentLockKeys } from './deployment-plan';
import { CommitListsRepository, ListedRow } from './commit-lists.repository';
import { DeploymentRows } from './deployment-rows';
import { DeploymentsRepository, padKey, Snapshot } from './deployments.repository';
import { DeploymentInput } from './dto/deployment-input';
import { replacedDeploymentWarnings } from './replaced-deployment-warning';
import { chainKey, chainOf, ChainRow, isChainMember, linkWrite, PrevUpdate, rowKey, TouchedChain, touchedChains } from './prev-success-chain';

/** Primary key of a `cicd_deployment_commits` row. */
export interface CommitKey {
  id: string;
  commitSha: string;
}

export interface DeploymentWrite {
  input: DeploymentInput;
  rows: DeploymentRows;
}

export interface WrittenDeployment {
  outcome: 'created' | 'updated';
  /** The commit rows as written, `repo_id` and `prev_success_deployment_commit_id` resolved. */
  commits: CicdDeploymentCommitEntity[];
  /** Stored rows whose `prev_success_deployment_commit_id` the write changed, written ones included. */
  relinked: CommitKey[];
  /** Warnings about what the write replaced (a seed-form deployment without `pipeline_id`). */
  warnings: string[];
  /** Finish times the written rows had before, when they were chain members (the derived data's incident links may move off them). */
  previousFinishes: Date[];
}

/** A deployment id owned by another connection (409): that request, or batch item, writes nothing. */
export type DeploymentWriteResult = WrittenDeployment | WebhookException;

/**
 * Writes that differ only by trailing spaces in a key: the database takes them for one row, the
 * chain computation for two. The caller writes such a batch one request at a time.
 */
export class WriteOneByOne extends WriteItemsOneByOne {
  constructor() {
    super('deployment ids differing only by trailing spaces');
  }
}

/**
 * The write of deployment requests, in order, inside the caller's transaction (spec api.md §8.5),
 * as if each were written after the one before: one read of everything they touch, the chain
 * links computed before the upserts, each table upserted once, and updates only for stored
 * neighbours whose link moves. On MySQL the transaction holds the named locks of every
 * deployment id and repository written (deploymentLockKeys): writers of one chain or one
 * deployment go one after the other, all others run side by side.
 */
@Injectable()
export class DeploymentWriter {
  constructor(
    private readonly deployments: DeploymentsRepository,
    private readonly commitLists: CommitListsRepository,
  ) {}

  async write(manager: EntityManager, connectionId: number, writes: readonly DeploymentWrite[], now: Date): Promise<DeploymentWriteResult[]> {
    if (writes.length > 1 && keysCollide(writes)) throw new WriteOneByOne();
    requireLocks(manager, writes.flatMap(({ rows }) => deploymentLockKeys(rows.deploymentId, rows.commits.map((commit) => commit.repoUrl as string))));
    const allCommits = writes.flatMap(({ rows }) => rows.commits);
    const windows = touchedChains([], finalVersions(allCommits));
    const snapshot = await this.deployments.readSnapshot(manager, {
      deploymentIds: unique(writes.map(({ rows }) => rows.deploymentId)),
      commitIds: unique(allCommits.map((commit) => commit.id)),
      repoUrls: unique(allCommits.filter((commit) => commit.repoId === null).map((commit) => commit.repoUrl as string)),
      windows,
    });

    const scopeId = webhookScopeId(connectionId);
    const owners = [...snapshot.owners.values()].filter((owner): owner is string => owner !== null && owner !== scopeId);
    const deleted = await this.deployments.scopesOfDeletedConnections(manager, owners);
    const orphaned = (owner: string | null | undefined) => typeof owner === 'string' && deleted.has(owner);
    const seen = new Set<string>();
    const results: DeploymentWriteResult[] = writes.map(({ input, rows }) => {
      const key = padKey(rows.deploymentId);
      const owner = snapshot.owners.get(key);
      const takenOver = owner !== undefined && orphaned(owner) && !seen.has(key);
      if (owner !== undefined && owner !== scopeId && !orphaned(owner)) return idOfAnotherConnection(input, rows.deploymentId);
      const outcome = owner !== undefined || seen.has(key) ? 'updated' : 'created';
      seen.add(key);
      const warnings = takenOver ? [takeOverWarning(input, rows.deploymentId, owner as string)] : [];
      return { outcome, commits: rows.commits.map((commit) => withRepoId(commit, snapshot.repoIds)), relinked: [], warnings, previousFinishes: [] };
    });
    const accepted = results.flatMap((result, index) => (result instanceof WebhookException ? [] : [{ result, write: writes[index] }]));
    if (accepted.length === 0) return results;

    const commits = accepted.flatMap(({ result }) => result.commits);
    const after = finalVersions(commits);
    const keys = new Set(after.map(rowKey));
    const before = snapshot.commits.filter((row) => keys.has(rowKey(row)));
    // A stored row outside the repository its id names (not written by this service) needs that chain's lock too.
    requireLocks(manager, before.filter(isChainMember).map((row) => `repo:${row.repoUrl}`));

    const updates = await this.links(manager, windows, snapshot, before, after);
    const links = new Map(updates.filter((update) => keys.has(rowKey(update))).map((update) => [rowKey(update), update.prev]));
    for (const commit of commits) commit.prevSuccessDeploymentCommitId = links.get(rowKey(commit)) ?? '';
    const neighbours = updates.filter((update) => !keys.has(rowKey(update)));

    await this.deployments.upsert(manager, commits, accepted.map(({ write }) => write.rows.deployment));
    await this.deployments.updatePrevLinks(manager, neighbours, now);
    await this.commitLists.sync(manager, listedRows(accepted.map(({ write }) => write.rows), after, neighbours));
    const warnings = replacedDeploymentWarnings(accepted.map(({ result, write }) => ({ input: write.input, commits: result.commits })), before);
    const previousFinishes = before.flatMap((row) => (row.finishedDate ? [row.finishedDate] : []));
    accepted.forEach(({ result }, index) => {
      result.relinked = [...result.commits, ...neighbours];
      result.previousFinishes = previousFinishes;
      result.warnings = [...result.warnings, ...warnings[index]];
    });
    return results;
  }

  /**
   * Links of every chain the written rows belonged to before or belong to now (spec metrics.md
   * §4.1), from each chain's stored members around the written positions. The first read took
   * the windows of the rows as written; a row that moved out of one is read again.
   */
  private async links(manager: EntityManager, windows: TouchedChain[], snapshot: Snapshot, before: ChainRow[], after: ChainRow[]): Promise<PrevUpdate[]> {
    const read = new Map<string, { window: TouchedChain; stored: ChainRow[] }>();
    windows.forEach((window, index) => read.set(chainKey(window.chain), { window, stored: snapshot.windows[index] }));
    const touched = touchedChains(before, after);
    const missing = touched.filter(({ chain, from, to }) => {
      const known = read.get(chainKey(chain))?.window;
      return !known || from < known.from || to > known.to;
    });
    if (missing.length > 0) {
      const again = await this.deployments.readSnapshot(manager, { deploymentIds: [], commitIds: [], repoUrls: [], windows: missing });
      missing.forEach((window, index) => read.set(chainKey(window.chain), { window, stored: again.windows[index] }));
    }
    const keys = new Set(after.map(rowKey));
    const writtenByChain = new Map<string, ChainRow[]>();
    for (const row of after.filter(isChainMember)) {
      const key = chainKey(chainOf(row));
      const rows = writtenByChain.get(key);
      if (rows) rows.push(row);
      else writtenByChain.set(key, [row]);
    }
    return touched.flatMap((chain) => {
      const key = chainKey(chain.chain);
      return linkWrite(chain, read.get(key)?.stored ?? [], writtenByChain.get(key) ?? [], keys);
    });
  }
}

/** Written rows with the list of their last write, then the neighbours whose previous successful row moved. */
function listedRows(written: readonly DeploymentRows[], after: readonly CicdDeploymentCommitEntity[], neighbours: readonly PrevUpdate[]): ListedRow[] {
  const lists = new Map<string, string[] | undefined>();
  for (const rows of written) for (const [key, shas] of rows.commitShas) lists.set(key, shas);
  return [
    ...after.map((commit) => ({ id: commit.id, commitSha: commit.commitSha, prev: commit.prevSuccessDeploymentCommitId ?? '', list: { shas: lists.get(rowKey(commit)) } })),
    ...neighbours.map((update) => ({ id: update.id, commitSha: update.commitSha, prev: update.prev })),
  ];
}

/** Each commit row once, with the values of its last write (what the upserts leave stored). */
function finalVersions(commits: readonly CicdDeploymentCommitEntity[]): CicdDeploymentCommitEntity[] {
  return [...new Map(commits.map((commit) => [rowKey(commit), commit])).values()];
}

/** `repo_id` from the request, else the smallest `repos.id` with that exact url, else `''` (spec api.md §8.2). */
function withRepoId(commit: CicdDeploymentCommitEntity, repoIds: Map<string, string>): CicdDeploymentCommitEntity {
  return commit.repoId === null ? { ...commit, repoId: repoIds.get(commit.repoUrl as string) ?? '' } : { ...commit };
}

function keysCollide(writes: readonly DeploymentWrite[]): boolean {
  const collides = (keys: { id: string; commitSha: string }[]) =>
    new Set(keys.map(rowKey)).size !== new Set(keys.map((key) => rowKey({ id: padKey(key.id), commitSha: padKey(key.commitSha) }))).size;
  const commits = writes.flatMap(({ rows }) => rows.commits);
  return collides(writes.map(({ rows }) => ({ id: rows.deploymentId, commitSha: '' }))) || collides(commits);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** A deployment id whose owning connection was deleted without purge is the writer's from now on. */
function takeOverWarning(input: DeploymentInput, deploymentId: string, owner: string): string {
  const site = input.locate(input.form === 'v1x' ? 'id' : 'pipelineId');
  return `${site.path}: ${JSON.stringify(deploymentId)} belonged to deleted connection ${owner}, taken over by this connection`;
}

function idOfAnotherConnection(input: DeploymentInput, deploymentId: string): WebhookException {
  const site = input.locate(input.form === 'v1x' ? 'id' : 'pipelineId');
  return new WebhookException(WebhookErrorCode.DEPLOYMENT_ID_CONFLICT, {
    causes: [`${site.path}: ${JSON.stringify(deploymentId)} belongs to another connection`],
  });
}
