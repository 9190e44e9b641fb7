// The desktop build (`npm run build`): main and preload for Electron, and the very same renderer the web host
// serves (renderer.vite.config.ts). Main keeps its npm dependencies external (better-sqlite3 is a native addon
// and drizzle finds its migrations on disk); the preload bundles everything, because a sandboxed preload can
// require nothing but 'electron', and is emitted as CommonJS because sandboxed preloads cannot be ES modules.
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer.vite.config.ts';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: path.resolve(root, 'out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        // The import job and the helpers of a long health-history refresh run in worker threads: their own
        // entries, found beside index.js at run time (services/worker-script.ts).
        input: {
          index: path.resolve(root, 'src/main/electron/index.ts'),
          'import-worker': path.resolve(root, 'src/main/workers/import-worker.ts'),
          'health-worker': path.resolve(root, 'src/main/workers/health-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: path.resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: path.resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
