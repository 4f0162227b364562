import { JsonObject, normalizeFields, NormalizedRecord, renderCauses } from '../../common/body';
import { deploymentFieldsFor, deploymentFormOf } from './deployment-fields';

/** What the deployment endpoint does first: pick the form, normalise with its fields. */
function normalizeDeployment(body: JsonObject) {
  const form = deploymentFormOf(body);
  return normalizeFields(body, deploymentFieldsFor(form), { camelCase: form === 'v1x' });
}

const E5 = {
  id: 'deploy-2024-06-01-1',
  displayTitle: 'Deploy #1',
  createdDate: '2024-06-01T09:55:00Z',
  startedDate: '2024-06-01T10:00:00Z',
  finishedDate: '2024-06-01T10:05:00Z',
  deploymentCommits: [
    {
      repoUrl: 'https://github.com/apache/incubator-devlake/',
      commitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      refName: 'main',
      commitMsg: 'feat: x',
      displayTitle: 'api',
      startedDate: '2024-06-01T10:00:00Z',
      finishedDate: '2024-06-01T10:03:00Z',
    },
  ],
};

describe('deployment fields (spec api.md §8)', () => {
  describe('E7 field-level causes', () => {
    it.each([
      [{ repo_url: 'https://github.com/apache/incubator-devlake/', commit_sha: '015e3d3b' }, ['start_time: is required']],
      [{ repo_url: 'x', start_time: '2020-01-01T12:00:00Z' }, ['commit_sha: is required']],
      [{ start_time: '2020-01-01', deploymentCommits: [] }, ['deploymentCommits: must contain at least one commit']],
      [{ start_time: '2020-01-01', deploymentCommits: [{ commit_sha: '1111' }] }, ['deploymentCommits[0].repo_url: is required']],
      [
        { repo_url: 'x', commit_sha: 'y', start_time: '2020-01-01', environment: 'PROD', result: 'OK' },
        [
          'environment: must be one of PRODUCTION, STAGING, TESTING, DEVELOPMENT',
          'result: must be one of SUCCESS, FAILURE, ABORT, MANUAL',
        ],
      ],
      [{ repo_url: 'x', commit_sha: 'y', start_time: '2024-02-30' }, ['start_time: "2024-02-30" is not a valid date']],
      [{ id: 'd', startedDate: '2024-01-01' }, ['deploymentCommits: is required']],
    ])('%j → %j', (body, causes) => {
      expect(normalizeDeployment(body).causes).toEqual(causes);
    });
  });

  it('reads E1 (seed, single) with no cause or warning', () => {
    const sut = normalizeDeployment({
      pipeline_id: 'optional-pipeline-id',
      environment: 'PRODUCTION',
      repo_url: 'https://github.com/apache/incubator-devlake/',
      repo_id: 'optional-repo-id',
      name: 'optional-deployment-name',
      ref_name: 'optional-release-v0.17',
      commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      commit_msg: 'optional-commit-message',
      create_time: '2020-01-01T11:00:00+00:00',
      start_time: '2020-01-01T12:00:00+00:00',
      end_time: '2020-01-02T13:00:00+00:00',
      result: 'FAILURE',
    });
    expect(sut).toMatchObject({ causes: [], warnings: [], style: 'seed' });
    expect(sut.values).toMatchObject({
      pipelineId: 'optional-pipeline-id',
      environment: 'PRODUCTION',
      result: 'FAILURE',
      startTime: new Date('2020-01-01T12:00:00Z'),
      commitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
    });
  });

  it('reads E5 (1.x) with no cause or warning, commits as records', () => {
    const sut = normalizeDeployment(E5);
    expect(deploymentFormOf(E5)).toBe('v1x');
    expect(sut).toMatchObject({ causes: [], warnings: [], style: 'camel' });
    const [commit] = sut.values.deploymentCommits as NormalizedRecord[];
    expect(commit.values).toEqual({
      repoUrl: 'https://github.com/apache/incubator-devlake/',
      commitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      refName: 'main',
      commitMsg: 'feat: x',
      displayTitle: 'api',
      startTime: new Date('2024-06-01T10:00:00Z'),
      endTime: new Date('2024-06-01T10:03:00Z'),
    });
    expect(commit.path).toBe('deploymentCommits[0]');
    expect(commit.locate('repoId').path).toBe('deploymentCommits[0].repoId');
  });

  it('accepts "production" and keeps the original spelling', () => {
    const sut = normalizeDeployment({ repo_url: 'x', commit_sha: 'y', start_time: '2020-01-01T12:00:00', environment: 'production', result: 'Failure' });
    expect(sut.causes).toEqual([]);
    expect(sut.values).toMatchObject({ environment: 'PRODUCTION', result: 'FAILURE' });
    expect(sut.sent).toMatchObject({ environment: 'production', result: 'Failure' });
  });

  describe('ignored keys', () => {
    it('reports 1.x keys in the seed form, at any depth', () => {
      const sut = normalizeDeployment({
        start_time: '2020-01-01',
        displayTitle: 'x',
        deploymentCommits: [{ repo_url: 'u', commit_sha: 's', status: 'DONE', result: null }],
      });
      expect(sut.causes).toEqual([]);
      expect(sut.warnings).toEqual([
        'ignored key: displayTitle (used only when "id" is present)',
        'ignored key: deploymentCommits[0].status (used only when "id" is present)',
      ]);
      expect(sut.values.displayTitle).toBeUndefined();
    });

    it('reports top-level commit keys in multi mode and pipeline_id in the 1.x form', () => {
      expect(normalizeDeployment({ start_time: '2020-01-01', repo_url: 'u', deploymentCommits: { repo_url: 'u', commit_sha: 's' } }).warnings).toEqual([
        'ignored key: repo_url (deploymentCommits is present)',
      ]);
      expect(normalizeDeployment({ ...E5, pipelineId: 'p', commit_sha: 'c' }).warnings).toEqual([
        'ignored key: pipelineId ("id" is the deployment id)',
        'ignored key: commit_sha (the 1.x form reads deploymentCommits)',
      ]);
    });

    it('mixes unknown and ignored keys in request order', () => {
      expect(normalizeDeployment({ foo: 1, start_time: '2020-01-01', displayTitle: 'x', deploymentCommits: [{ repo_url: 'u', commit_sha: 's', bar: 2 }] }).warnings).toEqual([
        'unknown key: foo',
        'ignored key: displayTitle (used only when "id" is present)',
        'unknown key: deploymentCommits[0].bar',
      ]);
    });
  });

  describe('missing keys in the request style', () => {
    it('spells missing keys in camelCase in the 1.x form, elements by their own keys', () => {
      expect(normalizeDeployment({ id: 'd', deploymentCommits: [{ name: 'n' }, { commit_sha: 'c' }] }).causes).toEqual([
        'startedDate: is required',
        'deploymentCommits[0].repoUrl: is required',
        'deploymentCommits[0].commitSha: is required',
        'deploymentCommits[1].repo_url: is required',
      ]);
    });

    it('spells missing keys in camelCase when a camelCase key was sent', () => {
      expect(normalizeDeployment({ repoUrl: 'x', START_TIME: '2020-01-01' }).causes).toEqual(['commitSha: is required']);
      expect(normalizeDeployment({ deploymentCommits: [{ commitSha: 'a', repoUrl: 'u' }] }).causes).toEqual(['startedDate: is required']);
    });

    it('is not made camelCase by deploymentCommits or single-word keys', () => {
      expect(normalizeDeployment({ name: 'n', result: 'SUCCESS', deploymentCommits: [{ name: 'n' }] }).causes).toEqual([
        'start_time: is required',
        'deploymentCommits[0].repo_url: is required',
        'deploymentCommits[0].commit_sha: is required',
      ]);
    });
  });

  it('orders key causes depth-first, then missing fields outer level first', () => {
    const sut = normalizeDeployment({
      deploymentCommits: [{ repo_url: 'x' }, { commit_sha: 'y', name: {} }, { repo_url: 'z', commit_sha: 'w', ref_name: 7 }],
      result: 'nope',
      finishedDate: 'later',
      endTime: 1,
    });
    expect(sut.causes).toEqual([
      'deploymentCommits[1].name: must be a string',
      'result: must be one of SUCCESS, FAILURE, ABORT, MANUAL',
      'finishedDate: "later" is not a supported time',
      'startedDate: is required',
      // each element spells its missing keys as its own keys do
      'deploymentCommits[0].commit_sha: is required',
      'deploymentCommits[1].repo_url: is required',
    ]);
    expect(sut.warnings).toEqual(['unknown key: endTime']);
  });

  it('lets the endpoint add its own causes at a field', () => {
    const sut = normalizeDeployment({ result: 'nope', start_time: 'x', deploymentCommits: [{ repo_url: 'u', commit_sha: 'c' }] });
    const added = [
      { ...sut.locate('deploymentCommits'), problem: 'must contain at most 1 commits' },
      { ...(sut.values.deploymentCommits as NormalizedRecord[])[0].locate('commitSha'), problem: 'the resulting id would exceed 255 characters' },
      { ...sut.locate('pipelineId'), problem: 'something later' },
    ];
    expect(renderCauses([...sut.fieldCauses, ...added])).toEqual([
      'result: must be one of SUCCESS, FAILURE, ABORT, MANUAL',
      'start_time: "x" is not a supported time',
      'deploymentCommits: must contain at most 1 commits',
      'deploymentCommits[0].commit_sha: the resulting id would exceed 255 characters',
      'pipeline_id: something later',
    ]);
  });

  it('reads deployment_commits and a single commit object', () => {
    const sut = normalizeDeployment({ start_time: '2020-01-01', deployment_commits: { repo_url: 'u' } });
    expect(sut.causes).toEqual(['deployment_commits[0].commit_sha: is required']);
  });

  it('counts at most 1000 commits', () => {
    const commits = Array.from({ length: 1001 }, (_, i) => ({ repo_url: 'u', commit_sha: String(i) }));
    expect(normalizeDeployment({ start_time: '2020-01-01', deploymentCommits: commits }).causes).toEqual([
      'deploymentCommits: must contain at most 1000 commits',
    ]);
  });
});
