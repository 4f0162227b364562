import { existsSync } from 'fs';
import { join, resolve } from 'path';

/**
 * The one place that decides where the built console (`vite build` output) lives. The module
 * option `consoleAssetsDir` wins; otherwise the build next to the compiled library
 * (`dist/libs/webhook/src/console` → `dist/console`) or, when running from the TypeScript sources
 * (ts-node, jest), the repository's `dist/console`.
 */
export function resolveConsoleAssetsDir(option?: string): string {
  if (option) return resolve(option);
  const root = join(__dirname, '..', '..', '..', '..');
  const candidates = [join(root, 'console'), join(root, 'dist', 'console')];
  return candidates.find(isBuiltConsole) ?? candidates[1];
}

/** The source folder `console/` has an index.html too; only a build also has `assets/`. */
export function isBuiltConsole(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets'));
}
