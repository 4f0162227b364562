#!/usr/bin/env node
'use strict';

const { parseArgs } = require('node:util');
const { COMMANDS, buildBody, UsageError } = require('./lib/commands');
const { endpoint, post } = require('./lib/client');
const { shippedCommits } = require('./lib/shipped-commits');

const COMMON = {
  url: { type: 'string' },
  connection: { type: 'string' },
  key: { type: 'string' },
  retries: { type: 'string' },
  field: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
};

function usage() {
  const lines = ['usage: devlake-webhook <command> [flags]', '', 'commands:'];
  for (const [name, spec] of Object.entries(COMMANDS)) {
    lines.push(`  ${name}${spec.positional ? ` ${spec.positional}` : ''}  ${spec.summary}`);
    lines.push(`      ${Object.keys(spec.flags).map((flag) => `--${flag}`).join(' ')}${name === 'deployment' ? ' --deployment-commit repoUrl=…,commitSha=… (repeatable) --include-commits' : ''}`);
  }
  lines.push(
    '',
    'every command: --url (DEVLAKE_WEBHOOK_URL), --connection id or name (DEVLAKE_WEBHOOK_CONNECTION),',
    '  --key (DEVLAKE_WEBHOOK_KEY), --retries N (default 5), --field name=value (repeatable, any other body field)',
    'deployment --include-commits: sends commit_shas = `git rev-list LAST..COMMIT_SHA` (run in the repository),',
    '  LAST being the last successful deployment of --repo-url and --environment; none when there is none.',
    'exit 0 and the response data on success; 1 when the server refuses the request; 2 on bad usage.',
  );
  return lines.join('\n');
}

function parse(argv, env) {
  const [command, ...rest] = argv;
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(command && command !== '--help' && command !== '-h' ? `unknown command "${command}"` : '');
  const options = { ...COMMON };
  for (const flag of Object.keys(spec.flags)) options[flag] = { type: 'string' };
  if (command === 'deployment') {
    options['deployment-commit'] = { type: 'string', multiple: true };
    options['include-commits'] = { type: 'boolean' };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: Boolean(spec.positional), strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (spec.positional && positionals.length !== 1) throw new UsageError(`${command}: expected exactly one ${spec.positional}`);
  const setting = (flag, variable) => {
    const value = values[flag] ?? env[variable];
    if (!value) throw new UsageError(`--${flag} or ${variable} is required`);
    return value;
  };
  const retries = values.retries ?? '5';
  if (!/^\d+$/.test(retries)) throw new UsageError('--retries: must be a whole number');
  const url = setting('url', 'DEVLAKE_WEBHOOK_URL');
  const connection = setting('connection', 'DEVLAKE_WEBHOOK_CONNECTION');
  const body = buildBody(command, values);
  if (values['include-commits'] && (!body.repo_url || !body.commit_sha)) throw new UsageError('--include-commits needs --repo-url and --commit-sha');
  return {
    target: endpoint(url, connection, spec.path(positionals[0])),
    key: setting('key', 'DEVLAKE_WEBHOOK_KEY'),
    retries: Number(retries),
    body,
    includeCommits: values['include-commits'] ? { url, connection } : undefined,
  };
}

async function main(argv, env) {
  let request;
  try {
    request = parse(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`devlake-webhook: ${error.message}\n\n`);
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  const log = (line) => process.stderr.write(`devlake-webhook: ${line}\n`);
  if (request.includeCommits) {
    try {
      const shas = await shippedCommits({ ...request.includeCommits, key: request.key, body: request.body, log });
      if (shas) request.body.commit_shas = shas;
    } catch (error) {
      log(error.cause?.code ? `could not reach the server: ${error.cause.code}` : error.message);
      return 1;
    }
  }
  let answer;
  try {
    answer = await post(request.target, request.key, request.body, { retries: request.retries, log });
  } catch (error) {
    log(`could not reach ${request.target}: ${error.cause?.code ?? error.message}`);
    return 1;
  }
  if (answer.status >= 200 && answer.status < 300) {
    process.stdout.write(`${JSON.stringify(answer.envelope?.data ?? answer.envelope ?? answer.text, null, 2)}\n`);
    return 0;
  }
  log(`HTTP ${answer.status}: ${answer.envelope?.message ?? answer.text.slice(0, 500)}`);
  for (const cause of answer.envelope?.causes ?? []) process.stderr.write(`  - ${cause}\n`);
  return 1;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`devlake-webhook: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
