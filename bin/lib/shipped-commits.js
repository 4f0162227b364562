'use strict';

const { execFileSync } = require('node:child_process');
const { endpoint, get } = require('./client');

/**
 * `--include-commits`: the commits this deployment ships since the last successful one of its
 * repository and environment (`git rev-list LAST..COMMIT`), for the body's `commit_shas`.
 * Resolves undefined when there is no earlier success (404): the server then keeps its usual rule.
 */
async function shippedCommits({ url, connection, key, body, cwd = process.cwd(), log }) {
  const query = new URLSearchParams({ repo_url: body.repo_url, environment: body.environment ?? 'PRODUCTION' });
  const target = endpoint(url, connection, `deployments/last-success?${query}`);
  const answer = await get(target, key);
  if (answer.status === 404) {
    log('no earlier successful deployment of this repository and environment: sending no commit list');
    return undefined;
  }
  const last = answer.envelope?.data?.commitSha;
  if (answer.status !== 200 || typeof last !== 'string') {
    throw new Error(`last-success: HTTP ${answer.status}: ${answer.envelope?.message ?? answer.text.slice(0, 500)}`);
  }
  try {
    const out = execFileSync('git', ['rev-list', `${last}..${body.commit_sha}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n').filter((line) => line !== '');
  } catch (error) {
    // A shallow clone or a rewritten history: the deployment is still worth recording.
    log(`git rev-list ${last}..${body.commit_sha} failed (${String(error.stderr ?? error.message).trim()}): sending no commit list`);
    return undefined;
  }
}

module.exports = { shippedCommits };
