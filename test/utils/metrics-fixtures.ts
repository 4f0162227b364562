import request from 'supertest';
import { DoraRefreshService } from '@app/dora';
import { TestApp } from './create-test-app';
import { settleDerivedData } from './settle-derived-data';
import { ADMIN } from './webhook-client';

/**
 * Seeding for the metrics suites: rows written with SQL as the spec's worked examples state them
 * (metrics.md §8), so the metrics are tested apart from the ingestion routes. Times are UTC,
 * `YYYY-MM-DD HH:MM[:SS]`; a date alone means 12:00.
 */
export function dbTime(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const withTime = value.length === 10 ? `${value} 12:00` : value;
  const [date, time] = withTime.split(' ');
  const [hh, mm, ss = '00'] = time.split(':');
  return `${date} ${hh}:${mm}:${ss.includes('.') ? ss : `${ss}.000`}`;
}

export interface DeploymentSeed {
  /** `cicd_deployment_id`. */
  deployment: string;
  finished: string;
  started?: string;
  result?: string;
  environment?: string;
  repo?: string;
  sha?: string;
  /** Row id; default `<deployment>:<sha>`. */
  id?: string;
  prev?: string;
  scope?: string;
}

export async function insertDeployments(t: TestApp, seeds: DeploymentSeed[], connectionId = 1): Promise<void> {
  for (const seed of seeds) {
    const sha = seed.sha ?? `sha-${seed.deployment}`;
    await t.dataSource.query(
      `INSERT INTO cicd_deployment_commits (id, commit_sha, cicd_scope_id, cicd_deployment_id, result, environment,
         started_date, finished_date, repo_url, prev_success_deployment_commit_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        seed.id ?? `${seed.deployment}:${sha}`, sha, seed.scope ?? `webhook:${connectionId}`, seed.deployment,
        seed.result ?? 'SUCCESS', seed.environment ?? 'PRODUCTION', dbTime(seed.started ?? seed.finished),
        dbTime(seed.finished), seed.repo ?? 'https://git.example/r1', seed.prev ?? '',
      ],
    );
  }
}

export interface IncidentSeed {
  id: string;
  created: string;
  resolved?: string | null;
  lead?: number | null;
  table?: string;
  scope?: string;
}

export async function insertIncidents(t: TestApp, seeds: IncidentSeed[], connectionId = 1): Promise<void> {
  for (const seed of seeds) {
    await t.dataSource.query(
      'INSERT INTO incidents (id, `table`, scope_id, created_date, resolution_date, lead_time_minutes) VALUES (?, ?, ?, ?, ?, ?)',
      [seed.id, seed.table ?? 'boards', seed.scope ?? `webhook:${connectionId}`, dbTime(seed.created), dbTime(seed.resolved), seed.lead ?? null],
    );
  }
}

export interface IssueSeed {
  id: string;
  type: string;
  status: string;
  created: string;
  resolved?: string | null;
  lead?: number | null;
  storyPoint?: number | null;
  board?: string;
}

export async function insertIssues(t: TestApp, seeds: IssueSeed[], connectionId = 1): Promise<void> {
  for (const seed of seeds) {
    await t.dataSource.query(
      `INSERT INTO issues (id, type, status, created_date, resolution_date, lead_time_minutes, story_point)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [seed.id, seed.type, seed.status, dbTime(seed.created), dbTime(seed.resolved), seed.lead ?? null, seed.storyPoint === undefined ? 0 : seed.storyPoint],
    );
    await t.dataSource.query('INSERT INTO board_issues (board_id, issue_id) VALUES (?, ?)', [seed.board ?? `webhook:${connectionId}`, seed.id]);
  }
}

export interface PullRequestSeed {
  id: string;
  created: string;
  merged: string | null;
  mergeSha: string;
  author?: string;
  repo?: string;
}

export async function insertPullRequests(t: TestApp, seeds: PullRequestSeed[], connectionId = 1): Promise<void> {
  for (const seed of seeds) {
    await t.dataSource.query(
      `INSERT INTO pull_requests (id, base_repo_id, author_id, merge_commit_sha, created_date, merged_date) VALUES (?, ?, ?, ?, ?, ?)`,
      [seed.id, seed.repo ?? `webhook:${connectionId}`, seed.author ?? 'alice', seed.mergeSha, dbTime(seed.created), dbTime(seed.merged)],
    );
  }
}

const DATA_TABLES = [
  'cicd_deployment_commits', 'incidents', 'issues', 'board_issues', 'pull_requests',
  'project_incident_deployment_relationships', 'project_pr_metrics',
];

/** Empties the tables the examples seed, once earlier writes are applied; connections, projects and mappings stay. */
export async function clearMetricsData(t: TestApp): Promise<void> {
  await settleDerivedData(t);
  for (const table of [...DATA_TABLES, '_webhook_derived_pending']) await t.dataSource.query(`DELETE FROM ${table}`);
}

/** What the webhook's post-write hook does: refresh the projects mapped to the written scope. */
export async function refreshScope(t: TestApp, connectionId = 1): Promise<void> {
  await t.app.get(DoraRefreshService).refreshForScopes([`webhook:${connectionId}`]);
}

/** A connection mapped to each of `projects`; returns its id. */
export async function mappedConnection(t: TestApp, name: string, projects: string[]): Promise<number> {
  const res = await request(t.http).post(`${ADMIN}/connections`).send({ name }).expect(200);
  for (const project of projects) await request(t.http).put(`${ADMIN}/connections/${res.body.id}/projects/${project}`).expect(200);
  return res.body.id;
}

/** `data` of a metrics GET answered 200. */
export async function metricsData(t: TestApp, path: string, query: Record<string, string> = {}) {
  const res = await request(t.http).get(`${ADMIN}/${path}`).query(query);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data;
}
