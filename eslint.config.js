import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// Dependency direction (docs/architecture.md): core knows no UI, no Electron and, outside */node/
// folders, no Node; the contract knows only core; the host, the CLI and Electron main are the
// outer ring, and only the CLI's `lab` command and the host's lab adapter load the lab.
const uiAndElectron = [
  { name: 'electron', message: 'src/core knows no Electron.' },
  { name: 'react', message: 'src/core knows no UI.' },
  { name: 'react-dom', message: 'src/core knows no UI.' },
  { name: 'zustand', message: 'src/core knows no UI.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'net', 'child_process', 'dgram', 'crypto', 'stream', 'events', 'http', 'tls', 'readline']
  .flatMap((m) => [m, `node:${m}`])
  .map((name) => ({ name, message: 'Node APIs belong in a */node/ folder of src/core.' }));

const ROOT = dirname(fileURLToPath(import.meta.url));
// renderer/src, not renderer/: vite.config.ts beside it is build tooling that runs under Node.
const LAYERS = ['src/core', 'src/contract', 'src/host', 'src/cli', 'src/lab', 'renderer/src', 'electron'];

/**
 * Importer layer → the layers it must not import. Resolved from the import's real path, not its
 * text: src/lab has its own cli/ folder, which a glob on the import's text cannot tell apart from
 * src/cli.
 */
export const ZONES = {
  'src/core': { forbid: ['src/contract', 'src/host', 'src/cli', 'src/lab', 'renderer/src', 'electron'], why: 'src/core depends on nothing outside it.' },
  'src/contract': { forbid: ['src/host', 'src/cli', 'src/lab', 'renderer/src', 'electron'], why: 'The contract is shared by every end: it knows only src/core.' },
  'src/host': { forbid: ['src/cli', 'src/lab', 'renderer/src', 'electron'], why: 'The host is the composition root the CLI and Electron import, never the reverse; the lab only through src/host/lab-adapter.ts.' },
  'src/lab': { forbid: ['src/host', 'src/cli', 'renderer/src', 'electron'], why: 'The lab simulates an appliance: it uses core vocabulary, never the tool built on it.' },
  'src/cli': { forbid: ['renderer/src', 'electron'], why: 'The CLI shares the host, not the desktop app.' },
  electron: { forbid: ['src/cli', 'src/lab', 'renderer/src'], why: 'Electron main and preload use src/host, src/contract and src/core only (the lab comes through the host).' },
  'renderer/src': { forbid: ['src/host', 'src/cli', 'src/lab', 'electron'], why: 'The renderer reaches the host only through the contract (services/api.ts).' },
};
/** The documented exception: the one module that may load the lab, lazily. */
export const ZONE_EXCEPTIONS = [{ file: 'src/host/lab-adapter.ts', may: 'src/lab' }];

const posix = (p) => p.split(sep).join('/');
const layerOf = (rel) => LAYERS.find((l) => rel === l || rel.startsWith(`${l}/`));
/** Node-only code of core: only code that runs under Node may import it. */
const isCoreNode = (rel) => rel.startsWith('src/core/') && rel.split('/').includes('node');

const zonesRule = {
  meta: { type: 'problem', schema: [], messages: { zone: '{{from}} must not import {{to}}: {{why}}' } },
  create(context) {
    const file = posix(relative(ROOT, context.filename));
    const from = layerOf(file);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = posix(relative(ROOT, resolve(dirname(context.filename), spec)));
      const to = layerOf(target);
      if (to && to !== from && ZONES[from].forbid.includes(to) && !ZONE_EXCEPTIONS.some((e) => e.file === file && e.may === to)) {
        context.report({ node, messageId: 'zone', data: { from, to, why: ZONES[from].why } });
      } else if (isCoreNode(target) && !isCoreNode(file) && ['src/core', 'src/contract', 'renderer/src'].includes(from)) {
        context.report({ node, messageId: 'zone', data: { from: file, to: target, why: 'Node-only code (a */node/ folder of src/core) runs in the host, the CLI or the lab, never in pure code or the renderer.' } });
      }
    };
    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node.source, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'renderer/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { hotpair: { rules: { zones: zonesRule } } },
    rules: { 'hotpair/zones': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/node/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [...uiAndElectron, ...nodeBuiltins] }] },
  },
  {
    files: ['src/core/**/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: uiAndElectron }] },
  },
);
