import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy, STYLE_NONCE_PLACEHOLDER } from '../src/host/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The page's <meta> CSP comes from the same function as the hosts' CSP headers. It is defence in
 * depth for a page opened any other way, so it admits WebSockets to any loopback port (browser
 * mode's header names the exact one) and keeps the nonce placeholder, which no served page has.
 */
const CSP_PLACEHOLDER = '{{csp}}';
function metaCsp(): Plugin {
  const policy = contentSecurityPolicy({ connect: ["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*'], styleNonce: STYLE_NONCE_PLACEHOLDER, meta: true });
  return {
    name: 'hotpair-meta-csp',
    transformIndexHtml(html) {
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html: no ${CSP_PLACEHOLDER} for the Content-Security-Policy meta`);
      return html.replace(CSP_PLACEHOLDER, policy);
    },
  };
}

// No React plugin: vite's built-in transform handles TSX (automatic runtime); fast refresh is not
// needed for a build served by the host. `base: './'` so the same build loads over http:// (browser
// mode) and app:// (Electron's custom protocol).
export default defineConfig({
  root,
  base: './',
  plugins: [metaCsp()],
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
