/** Ready-to-paste calls for one connection, filled with this server's real URLs. */

/** The endpoint strings of a connection object (spec api.md §7.1). */
export interface ConnectionEndpoints {
  id: number;
  postPipelineDeployTaskEndpoint: string;
  postIssuesEndpoint: string;
  closeIssuesEndpoint: string;
  postPullRequestsEndpoint: string;
}

export interface Endpoint {
  label: string;
  url: string;
}

export interface Snippet {
  id: string;
  title: string;
  language: 'sh' | 'yaml' | 'groovy';
  code: string;
}

const KEY_HEADER = '-H "Authorization: Bearer $DEVLAKE_WEBHOOK_KEY"';
const JSON_HEADER = "-H 'Content-Type: application/json'";
const CURL = 'curl -sS --fail-with-body --retry 5 --retry-connrefused -X POST';
/** Shell fragment closing and reopening a single-quoted JSON string around the current UTC time. */
const NOW = `'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'`;
const EXAMPLE_REPO = 'https://github.com/acme/api';
const EXAMPLE_SHA = '015e3d3b480e417aede5a1293bd61de9b0fd051d';

/** `origin` + the endpoint path; `origin` is the server as the browser reached it. */
export function endpointsOf(origin: string, connection: ConnectionEndpoints): Endpoint[] {
  const base = origin.replace(/\/+$/, '');
  const deployments = base + connection.postPipelineDeployTaskEndpoint;
  return [
    { label: 'Deployments', url: deployments },
    { label: 'Deployments (batch)', url: `${deployments}/batch` },
    { label: 'Issues and incidents', url: base + connection.postIssuesEndpoint },
    { label: 'Close an issue', url: base + connection.closeIssuesEndpoint },
    { label: 'Pull requests', url: base + connection.postPullRequestsEndpoint },
  ];
}

/** The API-key mount the endpoint strings were built with (`/rest`, `/api/rest`, a host's own). */
export function apiKeyMountOf(connection: ConnectionEndpoints): string {
  const index = connection.postPipelineDeployTaskEndpoint.indexOf('/plugins/webhook/');
  return index < 0 ? '' : connection.postPipelineDeployTaskEndpoint.slice(0, index);
}

/** `--url` of the devlake-webhook CLI, which adds `/rest` itself unless the URL already ends with it. */
export function cliUrlOf(origin: string, connection: ConnectionEndpoints): string {
  const mount = apiKeyMountOf(connection);
  return origin.replace(/\/+$/, '') + (mount === '/rest' ? '' : mount);
}

/**
 * A one-line JSON object inside a single-quoted shell string. Values are pasted as they are, so a
 * value may be a CI template (`${{ github.sha }}`) or a shell fragment that leaves the quotes
 * (`'"$CI_COMMIT_SHA"'`).
 */
export function shellJson(values: Record<string, string>): string {
  return `'{${Object.entries(values).map(([key, value]) => `"${key}":"${value}"`).join(',')}}'`;
}

export function buildSnippets(origin: string, connection: ConnectionEndpoints): Snippet[] {
  const url = endpointsOf(origin, connection)[0].url;
  const post = `${CURL} '${url}' \\\n  ${KEY_HEADER} ${JSON_HEADER} \\\n  -d`;
  return [
    {
      id: 'curl-seed',
      title: 'curl (seed form)',
      language: 'sh',
      code: `export DEVLAKE_WEBHOOK_KEY='<the API key of connection ${connection.id}>'
${post} '{
    "pipeline_id": "deploy-42",
    "environment": "PRODUCTION",
    "repo_url": "${EXAMPLE_REPO}",
    "commit_sha": "${EXAMPLE_SHA}",
    "ref_name": "main",
    "start_time": "${NOW}",
    "result": "SUCCESS"
  }'`,
    },
    {
      id: 'curl-1x',
      title: 'curl (DevLake 1.x form)',
      language: 'sh',
      code: `${post} '{
    "id": "deploy-42",
    "result": "SUCCESS",
    "environment": "PRODUCTION",
    "startedDate": "${NOW}",
    "finishedDate": "${NOW}",
    "deploymentCommits": [
      { "repoUrl": "${EXAMPLE_REPO}", "commitSha": "${EXAMPLE_SHA}", "refName": "main" }
    ]
  }'`,
    },
    {
      id: 'github-actions',
      title: 'GitHub Actions',
      language: 'yaml',
      code: `      # last step of the deploy job; add the key as the repository secret DEVLAKE_WEBHOOK_KEY
      - name: Report the deployment to DevLake
        env:
          DEVLAKE_WEBHOOK_KEY: \${{ secrets.DEVLAKE_WEBHOOK_KEY }}
        run: |
          ${post.replace(/\n/g, '\n          ')} ${shellJson({
            pipeline_id: '${{ github.run_id }}',
            repo_url: '${{ github.server_url }}/${{ github.repository }}',
            commit_sha: '${{ github.sha }}',
            ref_name: '${{ github.ref_name }}',
            start_time: NOW,
            environment: 'PRODUCTION',
            result: 'SUCCESS',
          })}`,
    },
    {
      id: 'gitlab-ci',
      title: 'GitLab CI',
      language: 'yaml',
      code: `# .gitlab-ci.yml; add the key as the masked CI/CD variable DEVLAKE_WEBHOOK_KEY
report-deployment:
  stage: .post
  needs: [deploy]
  script:
    - >-
      ${CURL} '${url}'
      ${KEY_HEADER} ${JSON_HEADER}
      -d ${shellJson({
        pipeline_id: `'"$CI_PIPELINE_ID"'`,
        repo_url: `'"$CI_PROJECT_URL"'`,
        commit_sha: `'"$CI_COMMIT_SHA"'`,
        ref_name: `'"$CI_COMMIT_REF_NAME"'`,
        start_time: `'"$CI_PIPELINE_CREATED_AT"'`,
        environment: 'PRODUCTION',
        result: 'SUCCESS',
      })}`,
    },
    {
      id: 'circleci',
      title: 'CircleCI',
      language: 'yaml',
      code: `      # last step of the deploy job; DEVLAKE_WEBHOOK_KEY from a context or project variable
      - run:
          name: Report the deployment to DevLake
          command: |
            ${post.replace(/\n/g, '\n            ')} ${shellJson({
              pipeline_id: `'"$CIRCLE_WORKFLOW_ID"'`,
              repo_url: `'"$CIRCLE_REPOSITORY_URL"'`,
              commit_sha: `'"$CIRCLE_SHA1"'`,
              ref_name: `'"$CIRCLE_BRANCH"'`,
              start_time: NOW,
              environment: 'PRODUCTION',
              result: 'SUCCESS',
            })}`,
    },
    {
      id: 'jenkins',
      title: 'Jenkins',
      language: 'groovy',
      code: `// Jenkinsfile (declarative); the key as the secret-text credential devlake-webhook-key
post {
  success {
    withCredentials([string(credentialsId: 'devlake-webhook-key', variable: 'DEVLAKE_WEBHOOK_KEY')]) {
      sh '''${CURL} '${url}' ${KEY_HEADER} ${JSON_HEADER} -d ${shellJson({
        pipeline_id: `'"$BUILD_TAG"'`,
        repo_url: `'"$GIT_URL"'`,
        commit_sha: `'"$GIT_COMMIT"'`,
        start_time: NOW,
        environment: 'PRODUCTION',
        result: 'SUCCESS',
      })}'''
    }
  }
}`,
    },
    {
      id: 'cli',
      title: 'devlake-webhook CLI',
      language: 'sh',
      code: `npx devlake-webhook deployment --url '${cliUrlOf(origin, connection)}' --connection ${connection.id} \\
  --key "$DEVLAKE_WEBHOOK_KEY" --repo-url ${EXAMPLE_REPO} --commit-sha "$(git rev-parse HEAD)" \\
  --pipeline-id deploy-42 --environment PRODUCTION --result SUCCESS`,
    },
  ];
}
