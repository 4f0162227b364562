import { execFileSync } from 'child_process';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { isBuiltConsole, resolveConsoleAssetsDir } from '../../libs/webhook/src/console/console-assets-dir';

const ROOT = join(__dirname, '..', '..');
const SOURCES = join(ROOT, 'console');

/**
 * The console suites test the built assets the server ships. `npm test` after a plain `npm ci`
 * has none, so build them here (about a second), and rebuild when a console source is newer
 * than the build.
 */
export function ensureConsoleBuilt(): string {
  const dir = resolveConsoleAssetsDir();
  if (isBuiltConsole(dir) && statSync(join(dir, 'index.html')).mtimeMs >= newestMtime(SOURCES)) return dir;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'console/vite.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return resolveConsoleAssetsDir();
}

function newestMtime(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    }),
  );
}
