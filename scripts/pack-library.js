#!/usr/bin/env node
/**
 * `npm run pack:library`: compiles the package (tsconfig.package.json) into build/package,
 * rewrites the `@app/*` aliases to relative paths, writes its package.json from
 * package/manifest.json, and packs it. The tarball's absolute path is the last line printed.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const buildDir = path.join(root, 'build');
const staging = path.join(buildDir, 'package');
const dist = path.join(staging, 'dist');
const LIBRARIES = { domain: 'libs/domain/src', dora: 'libs/dora/src', webhook: 'libs/webhook/src' };
const ALIAS = /(["'])@app\/(domain|dora|webhook)((?:\/[^"']*)?)\1/g;
/** The browser console's build (`npm run build:console`), shipped as the package's dist/console. */
const CONSOLE_ASSETS = path.join(root, 'dist', 'console');

function log(message) {
  process.stderr.write(`${message}\n`);
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function rewriteAliases() {
  for (const file of filesUnder(dist).filter((f) => /\.(js|d\.ts)$/.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    const rewritten = text.replace(ALIAS, (_match, quote, library, subpath) => {
      let relative = path.relative(path.dirname(file), path.join(dist, LIBRARIES[library])).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      return `${quote}${relative}${subpath}${quote}`;
    });
    if (rewritten !== text) fs.writeFileSync(file, rewritten);
  }
}

function assertNoAliases() {
  const leftovers = filesUnder(staging).filter((file) => fs.readFileSync(file, 'utf8').includes('@app/'));
  if (leftovers.length) throw new Error(`@app/ alias left in ${leftovers.map((f) => path.relative(staging, f)).join(', ')}`);
}

function writeManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package', 'manifest.json'), 'utf8'));
  manifest.version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const bin of Object.values(manifest.bin ?? {})) fs.chmodSync(path.join(staging, bin), 0o755);
}

function main() {
  fs.rmSync(staging, { recursive: true, force: true });
  log('compiling the package (tsconfig.package.json)…');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.package.json')], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  rewriteAliases();
  // The push CLI is plain JavaScript with no build step; it ships as it is.
  fs.cpSync(path.join(root, 'bin'), path.join(staging, 'bin'), { recursive: true });
  writeManifest();
  fs.copyFileSync(path.join(root, 'README.md'), path.join(staging, 'README.md'));
  log('building the console (npm run build:console)…');
  execFileSync('npm', ['run', 'build:console'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  fs.cpSync(CONSOLE_ASSETS, path.join(dist, 'console'), { recursive: true });
  assertNoAliases();
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', buildDir], { cwd: staging, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(packed);
  process.stdout.write(`${path.join(buildDir, path.basename(filename))}\n`);
}

try {
  main();
} catch (error) {
  log(`pack:library failed: ${error.message}`);
  process.exit(1);
}
