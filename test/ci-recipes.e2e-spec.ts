import { readFileSync } from 'fs';
import { join } from 'path';
import { createTestApp, TestApp } from './utils/create-test-app';
import { portOf, ROOT, runProcess } from './utils/run-process';
import { testDrivers } from './utils/test-databases';
import { count, createConnection, CreatedConnection, rows } from './utils/webhook-client';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const STARTED = '2024-06-01T10:00:00Z';

interface Recipe {
  file: string;
  env: Record<string, string> & { INCIDENT_KEY: string };
  deploymentId: string;
  repoUrl: string;
}

/** Each recipe of examples/ci/ with the variables its CI system would set, and the ids they give. */
const RECIPES: Recipe[] = [
  {
    file: 'github-actions.yml',
    env: { GITHUB_REPOSITORY: 'acme/api', GITHUB_RUN_ID: '9001', GITHUB_SERVER_URL: 'https://github.com', GITHUB_SHA: SHA, GITHUB_REF_NAME: 'main', JOB_STATUS: 'success', DEPLOY_STARTED_AT: STARTED, INCIDENT_KEY: 'deploy-9001' },
    deploymentId: 'github:acme/api:9001',
    repoUrl: 'https://github.com/acme/api',
  },
  {
    file: 'gitlab-ci.yml',
    env: { CI_PIPELINE_ID: '777', CI_PROJECT_URL: 'https://gitlab.com/acme/api', CI_COMMIT_SHA: SHA, CI_COMMIT_SHORT_SHA: SHA.slice(0, 8), CI_COMMIT_REF_NAME: 'main', RESULT: 'SUCCESS', CI_PIPELINE_CREATED_AT: STARTED, CI_PIPELINE_URL: 'https://gitlab.com/acme/api/-/pipelines/777', INCIDENT_KEY: 'deploy-777' },
    deploymentId: 'gitlab:777',
    repoUrl: 'https://gitlab.com/acme/api',
  },
  {
    file: 'circleci.yml',
    env: { PIPELINE_ID: '5b0c3c6e-8d1f-4a53-9a3b-3b5f0c6e7a11', CIRCLE_REPOSITORY_URL: 'git@github.com:acme/api.git', CIRCLE_SHA1: SHA, CIRCLE_BRANCH: 'main', CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/api/12', DEPLOY_STARTED_AT: STARTED, INCIDENT_KEY: 'deploy-5b0c3c6e-8d1f-4a53-9a3b-3b5f0c6e7a11' },
    deploymentId: 'circleci:5b0c3c6e-8d1f-4a53-9a3b-3b5f0c6e7a11',
    repoUrl: 'git@github.com:acme/api.git',
  },
  {
    file: 'Jenkinsfile',
    env: { JOB_NAME: 'api-deploy', BUILD_NUMBER: '42', GIT_URL: 'https://git.example.com/acme/api.git', GIT_COMMIT: SHA, GIT_BRANCH: 'origin/main', RESULT: 'SUCCESS', BUILD_URL: 'https://jenkins.example.com/job/api-deploy/42/', DEPLOY_STARTED_AT: STARTED, INCIDENT_KEY: 'deploy-api-deploy-42' },
    deploymentId: 'jenkins:api-deploy:42',
    repoUrl: 'https://git.example.com/acme/api.git',
  },
];

/** The shell between `# devlake-webhook: <name>` and `# devlake-webhook: end`, dedented. */
function step(file: string, name: string): string {
  const text = readFileSync(join(ROOT, 'examples', 'ci', file), 'utf8');
  const match = new RegExp(String.raw`^([ \t]*)# devlake-webhook: ${name}\n([\s\S]*?)^[ \t]*# devlake-webhook: end$`, 'm').exec(text);
  if (!match) throw new Error(`${file} has no "${name}" step`);
  const indent = match[1];
  return match[2]
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
    .join('\n');
}

describe.each(testDrivers())('CI recipes of examples/ci against the live server on %s', (driver) => {
  let t: TestApp;
  let c: CreatedConnection;
  let secrets: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(driver, 'ci-recipes');
    await t.app.listen(0, '127.0.0.1');
    c = await createConnection(t, 'ci');
    secrets = { DEVLAKE_WEBHOOK_URL: `http://127.0.0.1:${portOf(t.http)}/api/rest`, DEVLAKE_WEBHOOK_CONNECTION: String(c.id), DEVLAKE_WEBHOOK_KEY: c.key };
  });
  afterAll(async () => {
    await t.close();
  });

  const run = (script: string, env: Record<string, string>) => runProcess('bash', ['-e', '-o', 'pipefail', '-c', script], env);

  it.each(RECIPES)('$file: deployment (idempotent re-run), incident, close; a 4xx fails the step at once', async (recipe: Recipe) => {
    const env = { ...recipe.env, ...secrets };
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await run(step(recipe.file, 'deployment'), env);
      expect(res).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(res.stdout)).toMatchObject({ success: true });
    }
    const deployments = await rows(t, 'cicd_deployments', 'id', 'id = ?', [recipe.deploymentId]);
    expect(deployments).toEqual([expect.objectContaining({ result: 'SUCCESS', environment: 'PRODUCTION', started_date: '2024-06-01 10:00:00.000' })]);
    expect(await rows(t, 'cicd_deployment_commits', 'id', 'cicd_deployment_id = ?', [recipe.deploymentId])).toEqual([
      expect.objectContaining({ commit_sha: SHA, repo_url: recipe.repoUrl, ref_name: 'main' }),
    ]);

    expect((await run(step(recipe.file, 'incident'), env)).code).toBe(0);
    const incidentId = `webhook:${c.id}:${recipe.env.INCIDENT_KEY}`;
    expect(await rows(t, 'incidents', 'id', 'id = ?', [incidentId])).toEqual([expect.objectContaining({ status: 'TODO' })]);
    expect((await run(step(recipe.file, 'close'), env)).code).toBe(0);
    expect(await rows(t, 'incidents', 'id', 'id = ?', [incidentId])).toEqual([expect.objectContaining({ status: 'DONE' })]);

    const denialsBefore = await count(t, '_tool_webhook_requests', 'status = 403');
    const denied = await run(step(recipe.file, 'deployment'), { ...env, DEVLAKE_WEBHOOK_KEY: 'not-a-key' });
    expect(denied.code).toBe(22);
    expect(denied.stdout).toContain('api key is invalid');
    expect(await count(t, '_tool_webhook_requests', 'status = 403')).toBe(denialsBefore + 1);
  }, 30_000);
});
