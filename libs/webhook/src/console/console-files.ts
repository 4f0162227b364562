import { readFileSync, statSync } from 'fs';
import { extname, join, resolve, sep } from 'path';
import { isBuiltConsole } from './console-assets-dir';

/** What a path below `console/` answers with. */
export type ConsoleTarget =
  | { kind: 'asset'; file: string; immutable: boolean }
  | { kind: 'index'; html: string }
  | { kind: 'missing' };

/**
 * Maps a path below `…/plugins/webhook/console` to a built file. Client routes (no file
 * extension) get index.html, with a relative `<base>` so its relative asset URLs and the API
 * base work at any depth and behind any mount or proxy prefix.
 */
export class ConsoleFiles {
  private indexTemplate?: string;

  constructor(readonly dir: string) {}

  get built(): boolean {
    return isBuiltConsole(this.dir);
  }

  /** `rest` is the path after `/console`, starting with `/` (`/`, `/assets/x.js`, `/projects/a`). */
  lookup(rest: string): ConsoleTarget {
    const segments = rest.split('/').slice(1);
    if (segments.some((segment) => segment === '..' || segment.includes('\0'))) return { kind: 'missing' };
    const relative = segments.join('/');
    if (relative !== '' && relative !== 'index.html') {
      const file = resolve(this.dir, relative);
      if (file.startsWith(this.dir + sep) && isFile(file)) return { kind: 'asset', file, immutable: relative.startsWith('assets/') };
      if (extname(relative) !== '') return { kind: 'missing' };
    }
    return { kind: 'index', html: this.indexHtml(segments.length - 1) };
  }

  private indexHtml(depth: number): string {
    this.indexTemplate ??= readFileSync(join(this.dir, 'index.html'), 'utf8');
    const base = depth <= 0 ? './' : '../'.repeat(depth);
    return this.indexTemplate.replace(/<head>/i, `<head><base href="${base}">`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
