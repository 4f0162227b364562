import { planPullRequest } from './pull-request-plan';

describe('planPullRequest (spec api.md §11)', () => {
  it('builds the row of the spec example with the connection in base_repo_id and its warning', () => {
    const sut = planPullRequest(
      { id: 'ignored', baseRepoId: 'x', headRepoId: 'fork-1', status: 'merged', displayTitle: 'Feat', pullRequestKey: '7', createdDate: '2025-02-20T16:17:36Z', isDraft: 'false' },
      3,
    );
    expect(sut.warnings).toEqual(['ignored key: baseRepoId (base_repo_id is always webhook:3)']);
    expect(sut.pullRequest).toMatchObject({
      id: 'webhook:3:7',
      baseRepoId: 'webhook:3',
      headRepoId: 'fork-1',
      status: 'MERGED',
      originalStatus: '',
      title: 'Feat',
      pullRequestKey: 7,
      mergedDate: null,
      additions: 0,
      isDraft: false,
    });
    expect(sut.fieldOfColumn?.('head_repo_id')).toBe('headRepoId');
    expect(sut.fieldOfColumn?.('title')).toBe('displayTitle');
  });

  it('previews with "?" while the project connection does not exist', () => {
    const sut = planPullRequest({ pull_request_key: 1, title: 't', created_date: '2024-01-01', base_repo_id: 'r' }, '?');
    expect(sut.pullRequest).toMatchObject({ id: 'webhook:?:1', baseRepoId: 'webhook:?' });
    expect(sut.warnings).toEqual(['ignored key: base_repo_id (base_repo_id is always webhook:?)']);
  });
});
