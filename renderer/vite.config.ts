import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// No React plugin: vite's built-in transform handles TSX (automatic runtime); fast refresh is not
// needed for a build served by the host. `base: './'` so the same build loads over http:// (browser
// mode) and app:// (Electron's custom protocol).
export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
