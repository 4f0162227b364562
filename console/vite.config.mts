import { fileURLToPath } from 'url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser console: built into dist/console (after `nest build`, which empties dist/) with
 * relative asset URLs, so one build works under every admin mount.
 */
export default defineConfig({
  root: here,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Everything as files (no data: URLs or inline chunks) so the console's CSP stays strict.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
