import { execFileSync } from 'child_process';
import { apiKeyMountOf, buildSnippets, cliUrlOf, endpointsOf, shellJson } from './snippets';

const connection = {
  id: 7,
  postPipelineDeployTaskEndpoint: '/rest/plugins/webhook/connections/7/deployments',
  postIssuesEndpoint: '/rest/plugins/webhook/connections/7/issues',
  closeIssuesEndpoint: '/rest/plugins/webhook/connections/7/issue/:issueKey/close',
  postPullRequestsEndpoint: '/rest/plugins/webhook/connections/7/pull_requests',
};
const ORIGIN = 'https://lake.example.com:8443';
const DEPLOY_URL = `${ORIGIN}/rest/plugins/webhook/connections/7/deployments`;

/** What the shell makes of a `-d '…'` argument: run `printf %s <arg>` through sh with the variables set. */
function shellWord(word: string, env: Record<string, string> = {}): string {
  return execFileSync('sh', ['-c', `printf %s ${word}`], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
}

function dataArgument(code: string): string {
  const start = code.indexOf("-d '");
  const end = code.indexOf("}'", start);
  return code.slice(start + 3, end + 2);
}

describe('endpointsOf', () => {
  it('prefixes every endpoint with the origin the browser used', () => {
    expect(endpointsOf(`${ORIGIN}/`, connection)).toEqual([
      { label: 'Deployments', url: DEPLOY_URL },
      { label: 'Deployments (batch)', url: `${DEPLOY_URL}/batch` },
      { label: 'Issues and incidents', url: `${ORIGIN}/rest/plugins/webhook/connections/7/issues` },
      { label: 'Close an issue', url: `${ORIGIN}/rest/plugins/webhook/connections/7/issue/:issueKey/close` },
      { label: 'Pull requests', url: `${ORIGIN}/rest/plugins/webhook/connections/7/pull_requests` },
    ]);
  });
});

describe('cliUrlOf', () => {
  it('gives the bare origin for /rest and keeps any other API-key mount', () => {
    expect(apiKeyMountOf(connection)).toBe('/rest');
    expect(cliUrlOf(ORIGIN, connection)).toBe(ORIGIN);
    const hooks = { ...connection, postPipelineDeployTaskEndpoint: '/hooks/plugins/webhook/connections/7/deployments' };
    expect(cliUrlOf(ORIGIN, hooks)).toBe(`${ORIGIN}/hooks`);
  });
});

describe('buildSnippets', () => {
  const snippets = buildSnippets(ORIGIN, connection);
  const byId = Object.fromEntries(snippets.map((snippet) => [snippet.id, snippet]));

  it('covers curl in both forms, the four CI systems and the CLI, each with the real URL', () => {
    expect(snippets.map((snippet) => snippet.title)).toEqual([
      'curl (seed form)',
      'curl (DevLake 1.x form)',
      'GitHub Actions',
      'GitLab CI',
      'CircleCI',
      'Jenkins',
      'devlake-webhook CLI',
    ]);
    for (const snippet of snippets.filter((s) => s.id !== 'cli')) expect(snippet.code).toContain(`'${DEPLOY_URL}'`);
    for (const snippet of snippets) expect(snippet.code).toContain('$DEVLAKE_WEBHOOK_KEY');
  });

  it('sends a seed-form body that the shell turns into valid JSON with the current time', () => {
    const body = JSON.parse(shellWord(dataArgument(byId['curl-seed'].code)));
    expect(body).toMatchObject({ pipeline_id: 'deploy-42', environment: 'PRODUCTION', commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d' });
    expect(body.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('sends a 1.x body with id and deploymentCommits', () => {
    const body = JSON.parse(shellWord(dataArgument(byId['curl-1x'].code)));
    expect(body.id).toBe('deploy-42');
    expect(body.deploymentCommits).toEqual([
      { repoUrl: 'https://github.com/acme/api', commitSha: '015e3d3b480e417aede5a1293bd61de9b0fd051d', refName: 'main' },
    ]);
  });

  it('fills the CI bodies from each system’s variables', () => {
    const gitlab = JSON.parse(
      shellWord(dataArgument(byId['gitlab-ci'].code), {
        CI_PIPELINE_ID: '991',
        CI_PROJECT_URL: 'https://gitlab.com/acme/api',
        CI_COMMIT_SHA: 'abc',
        CI_COMMIT_REF_NAME: 'main',
        CI_PIPELINE_CREATED_AT: '2024-06-01T10:00:00Z',
      }),
    );
    expect(gitlab).toEqual({
      pipeline_id: '991',
      repo_url: 'https://gitlab.com/acme/api',
      commit_sha: 'abc',
      ref_name: 'main',
      start_time: '2024-06-01T10:00:00Z',
      environment: 'PRODUCTION',
      result: 'SUCCESS',
    });
    const circle = JSON.parse(shellWord(dataArgument(byId.circleci.code), { CIRCLE_WORKFLOW_ID: 'w1', CIRCLE_SHA1: 'def' }));
    expect(circle).toMatchObject({ pipeline_id: 'w1', commit_sha: 'def' });
    const jenkins = JSON.parse(shellWord(dataArgument(byId.jenkins.code), { BUILD_TAG: 'jenkins-api-12', GIT_COMMIT: '123' }));
    expect(jenkins).toMatchObject({ pipeline_id: 'jenkins-api-12', commit_sha: '123' });
    expect(byId['github-actions'].code).toContain('"commit_sha":"${{ github.sha }}"');
    expect(byId['github-actions'].code).toContain('${{ secrets.DEVLAKE_WEBHOOK_KEY }}');
  });

  it('gives the CLI its --url, --connection and --key', () => {
    expect(byId.cli.code).toContain(`npx devlake-webhook deployment --url '${ORIGIN}' --connection 7`);
    expect(byId.cli.code).toContain('--key "$DEVLAKE_WEBHOOK_KEY" --repo-url https://github.com/acme/api --commit-sha');
  });

  it('quotes JSON for the shell', () => {
    expect(shellWord(shellJson({ a: 'b', c: `'"$X"'` }), { X: 'y' })).toBe('{"a":"b","c":"y"}');
  });
});
