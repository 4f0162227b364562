import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { commitRows, countEveryTable, deploymentRows } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

const R1 = 'https://github.com/acme/r1';
const R1_HASH = '33f83bdc209f811a';

/** Item i of the 1000-item batch: every 7th lacks its start, every 11th has a bad result, every 13th repeats item i-1. */
function batchItem(i: number): object {
  if (i % 7 === 3) return { repo_url: R1, commit_sha: `sha-${i}` };
  if (i % 11 === 5) return { id: `dep-${i}`, result: 'GREEN', startedDate: '2024-01-01', deploymentCommits: [{ repoUrl: R1, commitSha: `sha-${i}` }] };
  const n = i % 13 === 12 ? i - 1 : i;
  return { id: `dep-${n}`, startedDate: '2024-01-01T00:00:00Z', finishedDate: new Date(Date.UTC(2024, 0, 1, 1) + n * 60_000).toISOString(), deploymentCommits: [{ repoUrl: R1, commitSha: `sha-${n}` }] };
}

describe.each(testDrivers())('POST …/deployments/batch and ?dryRun=true on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployments_batch');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  const batch = (path: string, body: string | object, contentType?: string) => {
    const call = postWithKey(t, c1.key, path, body);
    return contentType ? call.set('Content-Type', contentType) : call;
  };

  it('acceptance 7: 1000 mixed items → per-item results in input order, exactly the valid rows written', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => batchItem(i));
    const res = await batch(`${API}/1/deployments/batch`, items).expect(200);
    const kinds = items.map((_, i) => (i % 7 === 3 || i % 11 === 5 ? 'rejected' : i % 13 === 12 && (i - 1) % 7 !== 3 && (i - 1) % 11 !== 5 ? 'updated' : 'created'));
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect(res.body.data).toMatchObject({ created: count('created'), updated: count('updated'), rejected: count('rejected') });
    expect(res.body.data.items.map((item: { index: number; outcome: string }) => [item.index, item.outcome])).toEqual(kinds.map((kind, i) => [i, kind]));
    expect(res.body.data.items[3]).toEqual({ index: 3, outcome: 'rejected', code: 400, message: 'input json error (400)', causes: ['start_time: is required'], data: null });
    expect(res.body.data.items[5].causes).toEqual(['result: must be one of SUCCESS, FAILURE, ABORT, MANUAL']);
    expect(res.body.data.items[0]).toEqual({
      index: 0,
      outcome: 'created',
      code: 0,
      message: 'success',
      causes: null,
      data: { connectionId: 1, deploymentId: 'dep-0', deploymentCommitIds: [`webhook:1:dep-0:${R1_HASH}:sha-0`], outcome: 'created', warnings: [] },
    });

    const written = await commitRows(t);
    expect(written).toHaveLength(count('created'));
    expect(await deploymentRows(t)).toHaveLength(count('created'));
    const writtenAs = (i: number) => (i % 13 === 12 ? i - 1 : i);
    const expectedIds = kinds.flatMap((kind, i) => (kind === 'created' ? [`webhook:1:dep-${writtenAs(i)}:${R1_HASH}:sha-${writtenAs(i)}`] : [])).sort();
    expect(written.map((row) => row.id).sort()).toEqual(expectedIds);
    // One chain, each row after the first pointing at the previous success.
    const ordered = [...written].sort((a, b) => String(a.finished_date).localeCompare(String(b.finished_date)));
    expect(ordered.map((row) => row.prev_success_deployment_commit_id)).toEqual(['', ...ordered.slice(0, -1).map((row) => row.id)]);
  }, 120_000);

  it('NDJSON: one object per line, a bad line rejects only its item', async () => {
    const lines = [JSON.stringify({ repo_url: R1, commit_sha: 'a', start_time: '2024-01-01' }), '{"repo_url":', '', JSON.stringify({ repo_url: R1, commit_sha: 'b', start_time: '2024-01-02' })];
    const res = await batch(`${API}/connections/by-name/ci/deployments/batch`, lines.join('\n'), 'application/x-ndjson').expect(200);
    expect(res.body.data).toMatchObject({ created: 2, updated: 0, rejected: 1 });
    expect(res.body.data.items[1]).toEqual({ index: 1, outcome: 'rejected', code: 400, message: 'request body is not valid JSON (400)', causes: ['body: line 2 is not valid JSON'], data: null });
    expect((await commitRows(t)).map((row) => row.commit_sha)).toEqual(['a', 'b']);
  });

  it.each([
    ['1001 items', JSON.stringify(Array.from({ length: 1001 }, () => ({}))), 413, 'too many items in batch (413)', []],
    ['an empty array', '[]', 400, 'input json error (400)', ['body: must contain at least one item']],
    ['an empty body', '', 400, 'input json error (400)', ['body: must contain at least one item']],
    ['an object', '{"start_time":"2024-01-01"}', 400, 'request body must be a JSON array (400)', []],
  ])('a batch of %s is refused as a whole, nothing written', async (_label, body, status, message, causes) => {
    const before = await countEveryTable(t);
    const res = await batch(`${API}/1/deployments/batch`, body).expect(status);
    expect(res.body).toEqual({ code: status, success: false, message, causes, data: null });
    expect(await countEveryTable(t)).toEqual(before);
  });

  it('dry run: validates, returns every row the write would touch (chain neighbours included), writes nothing', async () => {
    const deploy = (sha: string, day: number) => ({ pipeline_id: `p-${sha}`, repo_url: R1, commit_sha: sha, start_time: `2024-03-0${day}T09:00:00Z`, end_time: `2024-03-0${day}T10:00:00Z` });
    await postWithKey(t, c1.key, `${API}/1/deployments`, deploy('a', 1)).expect(200);
    await postWithKey(t, c1.key, `${API}/1/deployments`, deploy('c', 3)).expect(200);
    const before = await countEveryTable(t);
    const stored = await commitRows(t);

    const res = await postWithKey(t, c1.key, `${API}/1/deployments?dryRun=1`, deploy('b', 2)).expect(200);
    const id = (sha: string) => `webhook:1:${R1_HASH}:${sha}`;
    expect(res.body.data).toMatchObject({ connectionId: 1, deploymentId: 'p-b', deploymentCommitIds: [id('b')], outcome: 'created', dryRun: true });
    const rows = res.body.data.rows;
    expect(Object.keys(rows).sort()).toEqual(['cicd_deployment_commits', 'cicd_deployments']);
    expect(rows.cicd_deployments).toEqual([expect.objectContaining({ id: 'p-b', cicd_scope_id: 'webhook:1', started_date: '2024-03-02T09:00:00.000Z', duration_sec: 3600, queued_date: null })]);
    expect(rows.cicd_deployment_commits.map((row: Record<string, unknown>) => [row.id, row.prev_success_deployment_commit_id])).toEqual([
      [id('b'), id('a')],
      [id('c'), id('b')],
    ]);
    expect(Object.keys(rows.cicd_deployment_commits[0])).toHaveLength(31);
    expect(await countEveryTable(t)).toEqual(before);
    expect(await commitRows(t)).toEqual(stored);
  });

  it('dry-run batch: a later item sees the earlier ones as written; nothing is kept', async () => {
    const before = await countEveryTable(t);
    const item = { id: 'same', startedDate: '2024-01-01', deploymentCommits: [{ repoUrl: R1, commitSha: 'x' }] };
    const res = await batch(`${API}/1/deployments/batch?dryRun=true`, [item, { ...item, result: 'FAILURE' }, {}]).expect(200);
    expect(res.body.data).toMatchObject({ created: 1, updated: 1, rejected: 1 });
    expect(res.body.data.items[1].data).toMatchObject({ outcome: 'updated', dryRun: true });
    expect(res.body.data.items[1].data.rows.cicd_deployments[0]).toMatchObject({ result: 'FAILURE' });
    expect(await countEveryTable(t)).toEqual(before);
  });

  it('dry run on a project route whose connection does not exist: connectionId null, ids with ?', async () => {
    const before = await countEveryTable(t);
    const body = { repo_url: R1, commit_sha: 's', start_time: '2024-01-01' };
    const res = await request(t.http).post('/plugins/webhook/projects/shop/deployments?dryRun=true').send(JSON.stringify(body)).expect(200);
    expect(res.body.data).toMatchObject({ connectionId: null, deploymentId: `webhook:?:${R1_HASH}:s`, projectName: 'shop', dryRun: true });
    const { rows } = res.body.data;
    expect(rows._tool_webhook_connections).toEqual([expect.objectContaining({ id: null, name: 'shop_deployments' })]);
    expect(rows.project_mapping.map((row: Record<string, unknown>) => row.row_id)).toEqual(['webhook:?', 'webhook:?', 'webhook:?']);
    expect(rows.cicd_deployment_commits).toEqual([expect.objectContaining({ id: `webhook:?:${R1_HASH}:s`, cicd_scope_id: 'webhook:?' })]);
    expect(await countEveryTable(t)).toEqual(before);
  });

  it('issue 11.3: ids differing only by trailing spaces in one batch → never a 5xx, every item reported', async () => {
    const item = (id: string, sha: string) => ({ id, startedDate: '2024-01-01T00:00:00Z', finishedDate: '2024-01-01T01:00:00Z', deploymentCommits: [{ repoUrl: R1, commitSha: sha }] });
    const res = await batch(`${API}/1/deployments/batch`, [item('d1', 'sha-a'), item('d1 ', 'sha-b')]);
    expect(res.status).toBe(200);
    expect(res.body.data.items.map((it: { outcome: string }) => it.outcome).every((o: string) => o === 'created' || o === 'updated')).toBe(true);
    expect((await deploymentRows(t)).length).toBeGreaterThanOrEqual(1);
  });
});
