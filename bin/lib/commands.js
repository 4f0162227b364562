'use strict';

/**
 * What each command sends: its path below the connection, its flags (each a body field, in the
 * seed document's snake_case spelling) and the fields it fills in when absent.
 */
const now = () => new Date().toISOString();

const COMMANDS = {
  deployment: {
    summary: 'push a deployment (re-runs with the same --pipeline-id update it)',
    path: () => 'deployments',
    flags: {
      'repo-url': 'repo_url',
      'commit-sha': 'commit_sha',
      'pipeline-id': 'pipeline_id',
      environment: 'environment',
      result: 'result',
      'start-time': 'start_time',
      'end-time': 'end_time',
      'create-time': 'create_time',
      'ref-name': 'ref_name',
      'commit-msg': 'commit_msg',
      name: 'name',
      'display-title': 'display_title',
    },
    defaults: { start_time: now },
  },
  incident: {
    summary: 'open (or update) an incident: an issue of type INCIDENT',
    path: () => 'issues',
    flags: {
      'issue-key': 'issue_key',
      title: 'title',
      status: 'status',
      'created-date': 'created_date',
      'resolution-date': 'resolution_date',
      url: 'url',
      description: 'description',
      severity: 'severity',
      component: 'component',
      priority: 'priority',
      'assignee-name': 'assignee_name',
      'creator-name': 'creator_name',
    },
    defaults: { type: () => 'INCIDENT', status: () => 'TODO', created_date: now },
  },
  close: {
    summary: 'close an issue or incident: close ISSUE_KEY',
    positional: 'ISSUE_KEY',
    path: (key) => `issue/${encodeURIComponent(key)}/close`,
    flags: { 'resolution-date': 'resolution_date', 'original-status': 'original_status' },
    defaults: {},
  },
  'pull-request': {
    summary: 'push a pull request',
    path: () => 'pull_requests',
    flags: {
      'pull-request-key': 'pull_request_key',
      title: 'display_title',
      status: 'status',
      'created-date': 'created_date',
      'merged-date': 'merged_date',
      'closed-date': 'closed_date',
      url: 'url',
      'base-ref': 'base_ref',
      'head-ref': 'head_ref',
      'merge-commit-sha': 'merge_commit_sha',
      'head-commit-sha': 'head_commit_sha',
      'base-commit-sha': 'base_commit_sha',
      'author-name': 'author_name',
      'author-id': 'author_id',
    },
    defaults: { created_date: now },
  },
};

/** `repoUrl=…,commitSha=…` → `{ repo_url: …, commit_sha: … }`. */
function parsePairs(text, flag) {
  const entry = {};
  for (const pair of text.split(',')) {
    const index = pair.indexOf('=');
    if (index <= 0) throw new UsageError(`--${flag}: expected key=value[,key=value…], got "${text}"`);
    entry[snakeCase(pair.slice(0, index).trim())] = pair.slice(index + 1);
  }
  return entry;
}

function snakeCase(key) {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
}

/** The request body of a command from its parsed flags. */
function buildBody(command, values) {
  const spec = COMMANDS[command];
  const body = {};
  for (const [flag, field] of Object.entries(spec.flags)) {
    if (values[flag] !== undefined) body[field] = values[flag];
  }
  for (const field of values.field ?? []) Object.assign(body, parsePairs(field, 'field'));
  if (command === 'deployment' && values['deployment-commit']?.length) {
    body.deployment_commits = values['deployment-commit'].map((text) => parsePairs(text, 'deployment-commit'));
  }
  for (const [field, value] of Object.entries(spec.defaults)) {
    if (body[field] === undefined) body[field] = value();
  }
  return body;
}

class UsageError extends Error {}

module.exports = { COMMANDS, buildBody, UsageError };
