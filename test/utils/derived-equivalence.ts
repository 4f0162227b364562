import { createStandaloneRefresh, DoraRefreshService } from '@app/dora';
import { DataSource } from 'typeorm';
import { TestApp } from './create-test-app';
import { settleDerivedData } from './settle-derived-data';

type Query = (statement: string) => Promise<Record<string, unknown>[]>;

/** The derived values as stored, without bookkeeping columns, in a stable order. */
export async function derivedState(query: Query) {
  return {
    prevLinks: await query('SELECT id, commit_sha, prev_success_deployment_commit_id FROM cicd_deployment_commits ORDER BY id, commit_sha'),
    incidentLinks: await query('SELECT project_name, id, deployment_id FROM project_incident_deployment_relationships ORDER BY project_name, id'),
    prMetrics: await query(
      `SELECT project_name, id, first_commit_sha, pr_coding_time, first_review_id, pr_pickup_time, pr_review_time, deployment_commit_id,
              pr_deploy_time, pr_cycle_time, first_commit_authored_date, pr_created_date, first_comment_date, pr_merged_date, pr_deployed_date
         FROM project_pr_metrics ORDER BY project_name, id`,
    ),
  };
}

/** The state the incremental maintenance left once applied, and the one `dora:refresh`'s full rebuild gives. */
export async function incrementalAndRebuilt(t: TestApp) {
  const query: Query = (statement) => t.dataSource.query(statement);
  await settleDerivedData(t);
  const incremental = await derivedState(query);
  await t.app.get(DoraRefreshService).refreshAll();
  return { incremental, rebuilt: await derivedState(query) };
}

/** The same on a database other processes wrote, through `dora:refresh`'s standalone service. */
export async function incrementalAndRebuiltOn(dataSource: DataSource) {
  const query: Query = (statement) => dataSource.query(statement);
  const refresh = createStandaloneRefresh(dataSource);
  // What the processes had not applied yet when they stopped, as any instance would.
  await refresh.applyAllPending();
  const incremental = await derivedState(query);
  await refresh.refreshAll();
  return { incremental, rebuilt: await derivedState(query) };
}
