import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LastSuccessRow {
  commit_sha: string;
  cicd_deployment_id: string;
  finished_date: Date | string;
}

/**
 * The last member of a previous-success chain (spec metrics.md §4.1): latest `finished_date`, ties
 * by the larger `id`. Chain membership is the deployment writer's (`=` plus equal lengths, so
 * trailing spaces count), so this names the row the next deployment of the chain will point at.
 */
const LAST_MEMBER_SQL =
  'SELECT commit_sha, cicd_deployment_id, finished_date FROM cicd_deployment_commits ' +
  'WHERE cicd_scope_id = ? AND repo_url = ? AND LENGTH(repo_url) = LENGTH(?) AND environment = ? ' +
  "AND result = 'SUCCESS' AND finished_date IS NOT NULL " +
  'ORDER BY finished_date DESC, id DESC LIMIT 1';

@Injectable()
export class LastSuccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lastSuccess(scopeId: string, repoUrl: string, environment: string): Promise<LastSuccessRow | undefined> {
    const rows: LastSuccessRow[] = await this.dataSource.query(LAST_MEMBER_SQL, [scopeId, repoUrl, repoUrl, environment]);
    return rows[0];
  }
}
