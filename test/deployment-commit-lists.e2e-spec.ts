import { createHash } from 'crypto';
import request from 'supertest';
import { createTestApp, TestApp } from './utils/create-test-app';
import { deployR1 as deploy, R1, rowId } from './utils/deployment-fixtures';
import { API, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';


describe.each(testDrivers())('deployments: shipped commit lists (issue 18) on %s', (driver) => {
  let t: TestApp;
  let c1: TestConnection;

  beforeEach(async () => {
    t = await createTestApp(driver, 'deployment_commit_lists');
    c1 = await createConnection(t, 'ci');
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: object, path = 'deployments') => postWithKey(t, c1.key, `${API}/1/${path}`, body);

  it.each([
    ['seed single, not an array', deploy('a', '2024-03-01T10:00:00Z', { commit_shas: 'abc' }), ['commit_shas: must be an array']],
    [
      'seed single, bad elements',
      deploy('a', '2024-03-01T10:00:00Z', { commit_shas: ['ok', {}, '', 'x'.repeat(256), null, 7] }),
      ['commit_shas[1]: must be a string', 'commit_shas[2]: is required', 'commit_shas[3]: must be at most 255 characters', 'commit_shas[4]: is required'],
    ],
    [
      'seed multi',
      { start_time: '2024-03-01', deploymentCommits: [{ repo_url: R1, commit_sha: 'a', commit_shas: ['a', 'b', 'c', ['d']] }] },
      ['deploymentCommits[0].commit_shas[3]: must be a string'],
    ],
    [
      '1.x, camelCase',
      { id: 'd', startedDate: '2024-03-01', deploymentCommits: [{ repoUrl: R1, commitSha: 'a', commitShas: [true, false, {}] }] },
      ['deploymentCommits[0].commitShas[2]: must be a string'],
    ],
    [
      'more than 10 000',
      deploy('a', '2024-03-01T10:00:00Z', { commit_shas: Array.from({ length: 10001 }, (_, i) => `s${i}`) }),
      ['commit_shas: must contain at most 10000 commit SHAs'],
    ],
  ])('%s → 400 with causes, nothing written', async (_label, body, causes) => {
    const res = await post(body).expect(400);
    expect(res.body.causes).toEqual(causes);
    expect(await selectRows(t, 'SELECT COUNT(*) AS n FROM cicd_deployment_commits')).toEqual([{ n: 0 }]);
  });

  const lists = () =>
    selectRows(t, 'SELECT deployment_commit_id, deployment_commit_sha, sorting_index, commit_sha, diff_old_commit_sha FROM _tool_webhook_deployment_commit_shas ORDER BY deployment_commit_id, deployment_commit_sha, sorting_index');
  const diffs = () => selectRows(t, 'SELECT new_commit_sha, old_commit_sha, commit_sha, sorting_index FROM commits_diffs ORDER BY new_commit_sha, old_commit_sha, sorting_index');
  const diff = (newSha: string, oldSha: string, shas: string[]) => shas.map((sha, i) => ({ new_commit_sha: newSha, old_commit_sha: oldSha, commit_sha: sha, sorting_index: i + 1 }));
  const listed = (sha: string, shas: string[], diffOld: string | null, id = rowId(sha)) =>
    shas.map((commit, i) => ({ deployment_commit_id: id, deployment_commit_sha: sha, sorting_index: i + 1, commit_sha: commit, diff_old_commit_sha: diffOld }));

  it('stores the list of a row and its commits_diffs pair against the previous successful row', async () => {
    await post(deploy('a0', '2024-03-01T10:00:00Z')).expect(200);
    await post(deploy('c3', '2024-03-02T10:00:00Z', { commit_shas: ['c2', 'c1', 'c2'] })).expect(200);
    expect(await lists()).toEqual(listed('c3', ['c2', 'c1', 'c2'], 'a0'));
    // the row's own sha first, each sha once
    expect(await diffs()).toEqual(diff('c3', 'a0', ['c3', 'c2', 'c1']));
  });

  it('the first row of a chain pairs with an empty old sha; the 1.x and multi forms list per commit', async () => {
    await post({
      id: 'd1',
      startedDate: '2024-03-01T09:00:00Z',
      finishedDate: '2024-03-01T10:00:00Z',
      deploymentCommits: [
        { repoUrl: R1, commitSha: 'h1', commitShas: ['h1', 'g1'] },
        { repoUrl: 'https://github.com/acme/r2', commitSha: 'h2' },
      ],
    }).expect(200);
    const [row] = await selectRows(t, 'SELECT id FROM cicd_deployment_commits WHERE commit_sha = ?', ['h1']);
    expect(await lists()).toEqual(listed('h1', ['h1', 'g1'], '', row.id as string));
    expect(await diffs()).toEqual(diff('h1', '', ['h1', 'g1']));
  });

  it('a re-post replaces the list whole, and a re-post without one removes it', async () => {
    await post(deploy('a0', '2024-03-01T10:00:00Z')).expect(200);
    await post(deploy('c3', '2024-03-02T10:00:00Z', { commit_shas: ['c3', 'c2', 'c1'] })).expect(200);
    await post(deploy('c3', '2024-03-02T10:00:00Z', { commit_shas: ['c3', 'c1'] })).expect(200);
    expect(await lists()).toEqual(listed('c3', ['c3', 'c1'], 'a0'));
    expect(await diffs()).toEqual(diff('c3', 'a0', ['c3', 'c1']));

    await post(deploy('c3', '2024-03-02T10:00:00Z')).expect(200);
    expect(await lists()).toEqual([]);
    expect(await diffs()).toEqual([]);
  });

  it('a late deployment re-orders the chain: the commits_diffs pair of the next row follows it', async () => {
    await post(deploy('a', '2024-03-01T10:00:00Z', { commit_shas: ['a'] })).expect(200);
    await post(deploy('c', '2024-03-03T10:00:00Z', { commit_shas: ['c', 'b'] })).expect(200);
    expect(await diffs()).toEqual([...diff('a', '', ['a']), ...diff('c', 'a', ['c', 'b'])]);

    await post(deploy('b', '2024-03-02T10:00:00Z')).expect(200);
    expect(await diffs()).toEqual([...diff('a', '', ['a']), ...diff('c', 'b', ['c', 'b'])]);
    expect(await lists()).toEqual([...listed('a', ['a'], ''), ...listed('c', ['c', 'b'], 'b')]);

    // b fails after all: c points at a again
    await post(deploy('b', '2024-03-02T10:00:00Z', { result: 'FAILURE' })).expect(200);
    expect(await diffs()).toEqual([...diff('a', '', ['a']), ...diff('c', 'a', ['c', 'b'])]);
  });

  it("leaves a git plugin's pair alone and does not add to it", async () => {
    await post(deploy('a', '2024-03-01T10:00:00Z')).expect(200);
    await t.dataSource.query('INSERT INTO commits_diffs (new_commit_sha, old_commit_sha, commit_sha, sorting_index) VALUES (?, ?, ?, ?)', ['c', 'a', 'x', 1]);
    await post(deploy('c', '2024-03-03T10:00:00Z', { commit_shas: ['c', 'b'] })).expect(200);
    expect(await diffs()).toEqual(diff('c', 'a', ['x']));
    expect(await lists()).toEqual(listed('c', ['c', 'b'], null));

    // re-posted or relinked, the plugin's rows stay as they are
    await post(deploy('c', '2024-03-03T10:00:00Z', { commit_shas: ['c'] })).expect(200);
    await post(deploy('b', '2024-03-02T10:00:00Z')).expect(200);
    expect(await diffs()).toEqual([...diff('c', 'a', ['x']), ...diff('c', 'b', ['c'])]);
  });

  it('a dry run shows the list and commits_diffs rows and stores nothing', async () => {
    await post(deploy('a', '2024-03-01T10:00:00Z')).expect(200);
    const res = await post(deploy('c', '2024-03-03T10:00:00Z', { commit_shas: ['c', 'b'] }), 'deployments?dryRun=1').expect(200);
    expect(res.body.data.rows._tool_webhook_deployment_commit_shas).toEqual(listed('c', ['c', 'b'], 'a'));
    expect(res.body.data.rows.commits_diffs).toEqual(diff('c', 'a', ['c', 'b']));
    expect(await lists()).toEqual([]);
    expect(await diffs()).toEqual([]);
  });

  it('a batch writes each item\'s list, the later item of a row winning', async () => {
    const res = await post([deploy('a', '2024-03-01T10:00:00Z', { commit_shas: ['a', 'z'] }), deploy('a', '2024-03-01T10:00:00Z', { commit_shas: ['a'] })], 'deployments/batch').expect(200);
    expect(res.body.success).toBe(true);
    expect(await lists()).toEqual(listed('a', ['a'], ''));
    expect(await diffs()).toEqual(diff('a', '', ['a']));
  });

  it('takes a list of 10 000 SHAs whole', async () => {
    const shas = Array.from({ length: 10000 }, (_, i) => createHash('sha1').update(String(i)).digest('hex'));
    await post(deploy('a', '2024-03-01T10:00:00Z')).expect(200);
    await post(deploy(shas[0], '2024-03-02T10:00:00Z', { commit_shas: shas })).expect(200);
    expect(await selectRows(t, 'SELECT COUNT(*) AS n, MAX(sorting_index) AS last FROM _tool_webhook_deployment_commit_shas')).toEqual([{ n: 10000, last: 10000 }]);
    expect(await selectRows(t, "SELECT COUNT(*) AS n FROM commits_diffs WHERE old_commit_sha = 'a'")).toEqual([{ n: 10000 }]);
  });

  it('a batch item reports its list causes at its own path', async () => {
    const res = await post([deploy('a', '2024-03-01T10:00:00Z'), deploy('b', '2024-03-02T10:00:00Z', { commit_shas: [{}] })], 'deployments/batch');
    expect(JSON.stringify(res.body)).toContain('commit_shas[0]: must be a string');
  });

  it('documents commit_shas in OpenAPI, on the body and on each commit', async () => {
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, { type?: string; maxItems?: number }> }>;
    const withList = Object.entries(schemas).filter(([, schema]) => schema.properties?.commit_shas);
    expect(withList.map(([name]) => name).sort()).toEqual(['DeploymentCommitDto', 'DeploymentCommitV1xDto', 'SeedDeploymentDto'].sort());
    for (const [, schema] of withList) expect(schema.properties?.commit_shas).toMatchObject({ type: 'array', maxItems: 10000 });
  });
});
