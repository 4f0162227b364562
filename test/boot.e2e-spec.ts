import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..');

/** Runs the real entry point (src/main.ts) with the given environment. */
function startServer(env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/main.ts'],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 },
  );
}

describe('boot-time configuration errors', () => {
  it.each([
    [{ DB_URL: 'postgres://u@h/db' }, 'DB_URL'],
    [{ DB_URL: 'mysql://root@127.0.0.1:3306' }, 'DB_URL'],
    [{ PORT: 'http' }, 'PORT'],
    [{ PORT: '99999' }, 'PORT'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ DB_URL: 'mysql://root@127.0.0.1:3306/test' }, 'ENCRYPTION_SECRET'],
  ])('%j stops the server with exit code 1 and one line naming %s', (env, variable) => {
    const result = startServer(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`${variable}: `)).toBe(true);
  });
});
