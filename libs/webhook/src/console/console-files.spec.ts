import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { isBuiltConsole, resolveConsoleAssetsDir } from './console-assets-dir';
import { ConsoleFiles } from './console-files';

function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlw-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app-1a2b.js"></script></head></html>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'export {};');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
  return dir;
}

describe('ConsoleFiles', () => {
  const dir = fakeBuild();
  const sut = new ConsoleFiles(dir);

  it('serves index.html at the root and for client routes, with a base back to the root', () => {
    expect(sut.lookup('/')).toEqual({ kind: 'index', html: expect.stringContaining('<head><base href="./"><script') });
    expect(sut.lookup('/index.html')).toEqual({ kind: 'index', html: expect.stringContaining('<base href="./">') });
    expect(sut.lookup('/projects')).toEqual({ kind: 'index', html: expect.stringContaining('<base href="./">') });
    expect(sut.lookup('/dora/shop')).toEqual({ kind: 'index', html: expect.stringContaining('<base href="../">') });
    expect(sut.lookup('/connections/1/requests')).toEqual({ kind: 'index', html: expect.stringContaining('<base href="../../">') });
  });

  it('serves files, marking only the hashed ones under assets/ immutable', () => {
    expect(sut.lookup('/assets/app-1a2b.js')).toEqual({ kind: 'asset', file: join(dir, 'assets', 'app-1a2b.js'), immutable: true });
    expect(sut.lookup('/robots.txt')).toEqual({ kind: 'asset', file: join(dir, 'robots.txt'), immutable: false });
  });

  it('answers missing files and escapes as missing', () => {
    expect(sut.lookup('/assets/gone.js')).toEqual({ kind: 'missing' });
    expect(sut.lookup('/../package.json')).toEqual({ kind: 'missing' });
    expect(sut.lookup('/assets/../../etc/passwd')).toEqual({ kind: 'missing' });
  });
});

describe('resolveConsoleAssetsDir', () => {
  it('takes the option when given, and otherwise finds a build, never the console sources', () => {
    const dir = fakeBuild();
    expect(resolveConsoleAssetsDir(dir)).toBe(dir);
    expect(isBuiltConsole(dir)).toBe(true);
    expect(isBuiltConsole(join(__dirname, '..', '..', '..', '..', 'console'))).toBe(false);
    expect(resolveConsoleAssetsDir()).toBe(join(__dirname, '..', '..', '..', '..', 'dist', 'console'));
  });
});
