import { WebhookException } from '../common/errors';
import { buildDeploymentRows, md5Prefix16 } from './deployment-rows';
import { readDeploymentInput } from './dto/deployment-input';

const NOW = new Date('2024-06-01T10:04:12.345Z');
const build = (body: Record<string, unknown>, connection: number | '?' = 1) => buildDeploymentRows(readDeploymentInput(body), connection, NOW);

describe('buildDeploymentRows (spec api.md §8.3, §8.4)', () => {
  it('hashes repo_url as sent: md5_16 of the seed document URL', () => {
    expect(md5Prefix16('https://github.com/apache/incubator-devlake/')).toBe('c47dd68db2cd4548');
    expect(md5Prefix16('the repo URL of the deployment commit')).toBe('572cabe5eec9adec');
  });

  it('seed single mode: E4 defaults (now as end, start as create time, whole seconds)', () => {
    const sut = build({ commit_sha: '8a3f', repo_url: 'git@github.com:acme/api.git', start_time: '2024-06-01T10:00:00+0000' });
    const id = 'webhook:1:a7e46ef0b1db6689:8a3f';
    expect(sut.deploymentId).toBe(id);
    expect(sut.commits).toEqual([
      expect.objectContaining({
        id,
        cicdDeploymentId: id,
        name: 'deployment for 8a3f',
        result: 'SUCCESS',
        originalResult: 'SUCCESS',
        environment: 'PRODUCTION',
        originalEnvironment: 'PRODUCTION',
        createdDate: new Date('2024-06-01T10:00:00Z'),
        finishedDate: NOW,
        durationSec: 252,
        repoId: null,
        refName: '',
        commitMsg: '',
        displayTitle: '',
      }),
    ]);
    expect(sut.deployment).toMatchObject({ id, name: 'deployment for 8a3f', status: 'DONE', displayTitle: '', createdAt: NOW, updatedAt: NOW });
    expect(sut.warnings).toEqual([]);
  });

  it('seed form: enumerations stored upper-case, originals as sent; request repo_id on every commit', () => {
    const sut = build({
      start_time: '2024-01-01',
      environment: 'staging',
      result: 'Failure',
      repo_id: 'r',
      deploymentCommits: [
        { repo_url: 'u', commit_sha: 'a', name: 'first' },
        { repo_url: 'u', commit_sha: 'b' },
      ],
    });
    expect(sut.commits.map((c) => [c.name, c.result, c.originalResult, c.environment, c.originalEnvironment, c.repoId])).toEqual([
      ['first', 'FAILURE', 'Failure', 'STAGING', 'staging', 'r'],
      ['deployment for b', 'FAILURE', 'Failure', 'STAGING', 'staging', 'r'],
    ]);
    expect(sut.deployment.name).toBe('deployment for a,b');
  });

  it('1.x form: E6 commits inherit the request result; the deployment takes the first commit status and original result', () => {
    const sut = build({
      id: 'dep-42',
      result: 'FAILURE',
      startedDate: '2024-05-01T10:00:00Z',
      finishedDate: '2024-05-01T10:05:30Z',
      deploymentCommits: [
        { repoUrl: 'https://github.com/acme/api', commitSha: 'aaa111', status: 'partial' },
        { repoUrl: 'https://github.com/acme/web', commitSha: 'bbb222', result: 'success' },
      ],
    });
    expect(sut.commits.map((c) => [c.id, c.result, c.originalResult, c.status, c.originalEnvironment])).toEqual([
      ['webhook:1:dep-42:bc73a8e1292e0db5:aaa111', 'FAILURE', 'FAILURE', 'partial', ''],
      ['webhook:1:dep-42:1354bd50b950794a:bbb222', 'SUCCESS', 'success', 'DONE', ''],
    ]);
    expect(sut.deployment).toMatchObject({ name: 'deploy aaa111,bbb222 to PRODUCTION', result: 'FAILURE', originalResult: 'FAILURE', status: 'partial', durationSec: 330 });
  });

  it('writes ? for a connection a dry run has not created', () => {
    expect(build({ repo_url: 'u', commit_sha: 's', start_time: '2024-01-01' }, '?').deployment.cicdScopeId).toBe('webhook:?');
  });

  it('warns about a negative duration and never stores -0', () => {
    const base = { repo_url: 'u', commit_sha: 's', start_time: '2024-01-01T00:00:01Z' };
    expect(build({ ...base, end_time: '2024-01-01T00:00:00.600Z' })).toMatchObject({ warnings: ['duration_sec: end time is before start time'] });
    expect(Object.is(build({ ...base, end_time: '2024-01-01T00:00:00.600Z' }).deployment.durationSec, -0)).toBe(false);
  });

  it('rejects a generated id over 255 characters, naming the field that made it long', () => {
    const seed = () => build({ repo_url: 'u', commit_sha: 's'.repeat(230), start_time: '2024-01-01' });
    expect(seed).toThrow(WebhookException);
    expect(causesOf(seed)).toEqual(['commit_sha: the resulting id would exceed 255 characters']);
    const v1x = () => build({ id: 'i'.repeat(240), startedDate: '2024-01-01', deploymentCommits: [{ repoUrl: 'u', commitSha: 's' }, { repoUrl: 'v', commitSha: 't' }] });
    expect(causesOf(v1x)).toEqual(['id: the resulting id would exceed 255 characters']);
  });
});

function causesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as WebhookException).causes;
  }
  throw new Error('expected a WebhookException');
}
