import { Injectable } from '@nestjs/common';
import { CicdDeploymentCommitEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { lockConnectionRow } from '../common/database/connection-lock';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { webhookScopeId } from '../connections/connections.repository';
import { DeploymentRows } from './deployment-rows';
import { CommitKey, DeploymentsRepository } from './deployments.repository';
import { DeploymentInput } from './dto/deployment-input';
import { ChainRow, relinkFrom, touchedChains } from './prev-success-chain';

export interface WrittenDeployment {
  outcome: 'created' | 'updated';
  /** The commit rows as written, `repo_id` resolved. */
  commits: CicdDeploymentCommitEntity[];
  /** Rows whose `prev_success_deployment_commit_id` the write changed, written ones included. */
  relinked: CommitKey[];
}

/** The write of one deployment request inside the caller's transaction (spec api.md §8.5). */
@Injectable()
export class DeploymentWriter {
  constructor(private readonly deployments: DeploymentsRepository) {}

  async write(manager: EntityManager, input: DeploymentInput, rows: DeploymentRows, connectionId: number, now: Date): Promise<WrittenDeployment> {
    await lockConnectionRow(manager, connectionId);
    const owner = await this.deployments.findDeploymentScope(manager, rows.deploymentId);
    if (owner && owner.cicdScopeId !== webhookScopeId(connectionId)) throw idOfAnotherConnection(input, rows.deploymentId);

    const commits = await this.withRepoIds(manager, rows.commits);
    const before = await this.deployments.findChainRows(manager, commits);
    await this.deployments.upsertCommits(manager, commits, now);
    await this.deployments.upsertDeployment(manager, rows.deployment, now);
    const relinked = await this.relink(manager, before, commits, now);
    return { outcome: owner ? 'updated' : 'created', commits, relinked };
  }

  /** `repo_id` from the request, else the smallest `repos.id` with that exact url, else `''` (spec api.md §8.2). */
  private async withRepoIds(manager: EntityManager, commits: CicdDeploymentCommitEntity[]): Promise<CicdDeploymentCommitEntity[]> {
    const unresolved = commits.filter((commit) => commit.repoId === null).map((commit) => commit.repoUrl as string);
    if (unresolved.length === 0) return commits;
    const found = await this.deployments.findRepoIds(manager, unresolved);
    return commits.map((commit) => (commit.repoId === null ? { ...commit, repoId: found.get(commit.repoUrl as string) ?? '' } : commit));
  }

  /**
   * Recomputes the links of every chain the written rows belonged to before or belong to now
   * (spec metrics.md §4.1). The upsert stored `''`; members get their link here.
   */
  private async relink(manager: EntityManager, before: ChainRow[], after: ChainRow[], now: Date): Promise<CommitKey[]> {
    const relinked: CommitKey[] = [];
    for (const { chain, from } of touchedChains(before, after)) {
      const members = await this.deployments.findChainMembersFrom(manager, chain, from);
      const updates = relinkFrom(members, from);
      await this.deployments.updatePrevLinks(manager, updates, now);
      relinked.push(...updates);
    }
    return relinked;
  }
}

function idOfAnotherConnection(input: DeploymentInput, deploymentId: string): WebhookException {
  const site = input.locate(input.form === 'v1x' ? 'id' : 'pipelineId');
  return new WebhookException(WebhookErrorCode.DEPLOYMENT_ID_CONFLICT, {
    causes: [`${site.path}: ${JSON.stringify(deploymentId)} belongs to another connection`],
  });
}
