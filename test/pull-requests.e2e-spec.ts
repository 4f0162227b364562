import { createTestApp, TestApp } from './utils/create-test-app';
import { API, countRows, createConnection, postWithKey, selectRows, TestConnection } from './utils/ingestion-client';
import { testDrivers } from './utils/test-databases';

/** Spec api.md §11's example: DevLake 1.x payload. */
const PR7 = {
  id: 'ignored',
  baseRepoId: 'x',
  headRepoId: 'fork-1',
  status: 'MERGED',
  originalStatus: 'OPEN',
  displayTitle: 'Feat',
  pullRequestKey: 7,
  createdDate: '2025-02-20T16:17:36Z',
  mergedDate: '2025-02-20T17:17:36Z',
  closedDate: null,
  additions: 10,
  isDraft: false,
  authorId: 'a1',
  mergeCommitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
};

describe.each(testDrivers())('POST …/pull_requests and …/pull_requests/batch on %s', (driver) => {
  let t: TestApp;
  let c: TestConnection;

  beforeAll(async () => {
    t = await createTestApp(driver, 'pull_requests');
    c = await createConnection(t, 'code-host');
  });
  afterAll(async () => {
    await t.close();
  });

  const prRow = async (key: number) => {
    const rows = await selectRows(t, 'SELECT * FROM pull_requests WHERE id = ?', [`webhook:${c.id}:${key}`]);
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  it('AP5: stores the 1.x example row, then upserts it by pullRequestKey keeping created_at', async () => {
    const res = await postWithKey(t, c.key, `${API}/connections/${c.id}/pull_requests`, PR7).expect(200);
    expect(res.body).toEqual({
      code: 0,
      success: true,
      message: 'success',
      causes: null,
      data: {
        connectionId: c.id,
        pullRequestId: `webhook:${c.id}:7`,
        outcome: 'created',
        warnings: [`ignored key: baseRepoId (base_repo_id is always webhook:${c.id})`],
      },
    });
    const created = await prRow(7);
    const { created_at, updated_at, ...columns } = created;
    expect(created_at).toBe(updated_at);
    expect(columns).toEqual({
      id: `webhook:${c.id}:7`,
      _raw_data_params: '',
      _raw_data_table: '',
      _raw_data_id: 0,
      _raw_data_remark: '',
      base_repo_id: `webhook:${c.id}`,
      base_ref: '',
      base_commit_sha: '',
      head_repo_id: 'fork-1',
      head_ref: '',
      head_commit_sha: '',
      merge_commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      status: 'MERGED',
      original_status: 'OPEN',
      type: '',
      component: '',
      title: 'Feat',
      description: '',
      url: '',
      author_name: '',
      author_id: 'a1',
      parent_pr_id: '',
      pull_request_key: 7,
      created_date: '2025-02-20 16:17:36.000',
      merged_date: '2025-02-20 17:17:36.000',
      closed_date: null,
      additions: 10,
      deletions: 0,
      merged_by_name: '',
      merged_by_id: '',
      is_draft: 0,
    });

    await new Promise((resolve) => setTimeout(resolve, 5));
    const repost = { pull_request_key: '7', title: 'Feat, renamed', created_date: '2025-02-20T16:17:36Z', status: 'closed', is_draft: 'true' };
    const again = await postWithKey(t, c.key, `${API}/${c.id}/pull_requests`, repost).expect(200);
    expect(again.body.data).toEqual({ connectionId: c.id, pullRequestId: `webhook:${c.id}:7`, outcome: 'updated', warnings: [] });
    const updated = await prRow(7);
    expect(updated).toMatchObject({
      created_at,
      title: 'Feat, renamed',
      status: 'CLOSED',
      original_status: '',
      head_repo_id: '',
      merge_commit_sha: '',
      merged_date: null,
      additions: 0,
      author_id: '',
      is_draft: 1,
    });
    expect(updated.updated_at).not.toBe(updated_at);
    expect(await selectRows(t, 'SELECT COUNT(*) AS n FROM pull_requests WHERE pull_request_key = 7')).toEqual([{ n: 1 }]);
  });

  it.each<[string, object, string[]]>([
    ['a 41-character SHA', { ...PR7, pullRequestKey: 41, headCommitSha: 'a'.repeat(41) }, ['headCommitSha: must be at most 40 characters']],
    ['a 64-character merge SHA', { ...PR7, pullRequestKey: 64, mergeCommitSha: 'b'.repeat(64) }, ['mergeCommitSha: must be at most 40 characters']],
    ['key 0', { ...PR7, pullRequestKey: 0 }, ['pullRequestKey: must be a positive integer']],
    ['a bad status', { ...PR7, pullRequestKey: 9, status: 'DRAFT' }, ['status: must be one of OPEN, CLOSED, MERGED']],
    ['an empty body', {}, ['pull_request_key: is required', 'display_title: is required', 'created_date: is required']],
    ['title and displayTitle that differ', { ...PR7, title: 'Other' }, ['title: conflicts with displayTitle']],
  ])('AP5: %s → 400 with its causes and no row', async (_label, body, causes) => {
    const before = await countRows(t, 'pull_requests');
    const res = await postWithKey(t, c.key, `${API}/connections/${c.id}/pull_requests`, body).expect(400);
    expect(res.body).toEqual({ code: 400, success: false, message: 'input json error (400)', causes, data: null });
    expect(await countRows(t, 'pull_requests')).toBe(before);
  });

  it('accepts "title" as the display title and a string key; no other table is written', async () => {
    const before = await Promise.all(['repos', 'issues', 'cicd_deployments'].map((table) => countRows(t, table)));
    await postWithKey(t, c.key, `${API}/connections/by-name/code-host/pull_requests`, {
      pull_request_key: '8',
      title: 'Fix',
      created_date: 1740068256,
      base_commit_sha: 'c'.repeat(40),
    }).expect(200);
    expect(await prRow(8)).toMatchObject({ title: 'Fix', pull_request_key: 8, created_date: '2025-02-20 16:17:36.000', base_commit_sha: 'c'.repeat(40) });
    expect(await Promise.all(['repos', 'issues', 'cicd_deployments'].map((table) => countRows(t, table)))).toEqual(before);
  });

  it('writes valid batch items and rejects the others', async () => {
    const items = [
      { ...PR7, pullRequestKey: 100 },
      { ...PR7, pullRequestKey: 101, mergeCommitSha: 'x'.repeat(41) },
      { ...PR7, pullRequestKey: 100, displayTitle: 'second write' },
    ];
    const res = await postWithKey(t, c.key, `${API}/${c.id}/pull_requests/batch`, items).expect(200);
    expect(res.body.data).toMatchObject({
      created: 1,
      updated: 1,
      rejected: 1,
      items: [
        { index: 0, outcome: 'created', code: 0, data: { pullRequestId: `webhook:${c.id}:100`, outcome: 'created' } },
        { index: 1, outcome: 'rejected', code: 400, message: 'input json error (400)', causes: ['mergeCommitSha: must be at most 40 characters'], data: null },
        { index: 2, outcome: 'updated', code: 0, data: { outcome: 'updated' } },
      ],
    });
    expect(await prRow(100)).toMatchObject({ title: 'second write' });
    expect(await selectRows(t, 'SELECT id FROM pull_requests WHERE id = ?', [`webhook:${c.id}:101`])).toEqual([]);
  });

  it('previews a dry run without writing', async () => {
    const before = await countRows(t, 'pull_requests');
    const res = await postWithKey(t, c.key, `${API}/${c.id}/pull_requests?dryRun=1`, { ...PR7, pullRequestKey: 500 }).expect(200);
    expect(res.body.data).toMatchObject({ pullRequestId: `webhook:${c.id}:500`, outcome: 'created', dryRun: true });
    expect(res.body.data.rows).toEqual({
      pull_requests: [
        expect.objectContaining({
          id: `webhook:${c.id}:500`,
          base_repo_id: `webhook:${c.id}`,
          created_date: '2025-02-20T16:17:36.000Z',
          closed_date: null,
          is_draft: 0,
          created_at: expect.any(String),
        }),
      ],
    });
    expect(await countRows(t, 'pull_requests')).toBe(before);
  });
});
