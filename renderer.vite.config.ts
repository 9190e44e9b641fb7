// The renderer's build, shared by the desktop build (electron.vite.config.ts) and the web host (vite.web.config.ts),
// so both hosts serve the very same bundle.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp.ts';

export const rendererConfig: UserConfig = {
  root: path.resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [
    react(),
    {
      name: 'bearing-csp',
      transformIndexHtml: (html) => html.replace('%CSP%', CONTENT_SECURITY_POLICY),
    },
  ],
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
};
