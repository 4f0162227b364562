/** Request examples of the OpenAPI document: the seed (snake_case) payloads first, then DevLake 1.x. */
const DEPLOYMENT_EXAMPLES = {
  seedSingle: {
    summary: 'Seed form, one repository',
    value: {
      pipeline_id: 'release-2024-06-01',
      environment: 'PRODUCTION',
      repo_url: 'https://github.com/example/shop',
      ref_name: 'v1.4.0',
      commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      commit_msg: 'feat: checkout',
      start_time: '2024-06-01T10:00:00+00:00',
      end_time: '2024-06-01T10:05:00+00:00',
      result: 'SUCCESS',
    },
  },
  seedMulti: {
    summary: 'Seed form, several repositories (deploymentCommits)',
    value: {
      pipeline_id: 'release-2024-06-02',
      start_time: '2024-06-02T10:00:00Z',
      end_time: '2024-06-02T10:07:30Z',
      deploymentCommits: [
        { repo_url: 'https://github.com/example/api', commit_sha: '6f2c1e9a', ref_name: 'main' },
        { repo_url: 'https://github.com/example/web', commit_sha: '9b7d04c2', ref_name: 'main' },
      ],
    },
  },
  v1x: {
    summary: 'DevLake 1.x form (a top-level id)',
    value: {
      id: 'deploy-2024-06-03-1',
      displayTitle: 'Deploy #42',
      startedDate: '2024-06-03T10:00:00Z',
      finishedDate: '2024-06-03T10:04:00Z',
      deploymentCommits: [{ repoUrl: 'https://github.com/example/api', commitSha: '3c1d2e4f', refName: 'main' }],
    },
  },
};

const ISSUE_EXAMPLES = {
  seed: {
    summary: 'Seed form (an incident)',
    value: {
      issue_key: 'INC-17',
      title: 'Checkout returns 500',
      type: 'INCIDENT',
      status: 'IN_PROGRESS',
      original_status: 'investigating',
      created_date: '2024-06-01T10:30:00Z',
      url: 'https://tracker.example.com/INC-17',
    },
  },
  camel: {
    summary: '1.x spelling',
    value: { issueKey: 'DLK-1234', title: 'Export to CSV', type: 'REQUIREMENT', status: 'TODO', createdDate: '2024-05-30T08:00:00Z' },
  },
};

const CLOSE_EXAMPLES = {
  seed: { summary: 'Close now', value: {} },
  resolved: { summary: 'With a resolution date', value: { resolution_date: '2024-06-01T11:45:00Z', original_status: 'resolved' } },
};

const PULL_REQUEST_EXAMPLES = {
  seed: {
    summary: 'Seed form',
    value: {
      pull_request_key: 128,
      title: 'Add checkout retries',
      status: 'MERGED',
      created_date: '2024-05-31T09:00:00Z',
      merged_date: '2024-05-31T15:20:00Z',
      head_ref: 'feature/retries',
      base_ref: 'main',
      merge_commit_sha: '015e3d3b480e417aede5a1293bd61de9b0fd051d',
      author_name: 'Ada',
      additions: 120,
      deletions: 14,
    },
  },
};

export const PAYLOAD_EXAMPLES = {
  deployments: DEPLOYMENT_EXAMPLES,
  issues: ISSUE_EXAMPLES,
  close: CLOSE_EXAMPLES,
  pullRequests: PULL_REQUEST_EXAMPLES,
};
