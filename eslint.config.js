import tseslint from 'typescript-eslint';

// Dependency direction (shared/docs/architecture.md): core knows no UI, no Electron and, outside
// */node/ folders, no Node; the tool never imports the lab except in tests and the `lab` command.
const uiAndElectron = [
  { name: 'electron', message: 'src/core knows no Electron.' },
  { name: 'react', message: 'src/core knows no UI.' },
  { name: 'react-dom', message: 'src/core knows no UI.' },
  { name: 'zustand', message: 'src/core knows no UI.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'net', 'child_process', 'dgram', 'crypto', 'stream', 'events', 'http', 'tls', 'readline']
  .flatMap((m) => [m, `node:${m}`])
  .map((name) => ({ name, message: 'Node APIs belong in a */node/ folder of src/core.' }));

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
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/node/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...uiAndElectron, ...nodeBuiltins], patterns: [{ group: ['**/renderer/**', '**/electron/**', '**/lab/**', '**/host/**', '**/cli/**'], message: 'src/core depends on nothing outside it.' }] }],
    },
  },
  {
    files: ['src/core/**/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: uiAndElectron, patterns: [{ group: ['**/renderer/**', '**/electron/**', '**/lab/**', '**/host/**', '**/cli/**'], message: 'src/core depends on nothing outside it.' }] }],
    },
  },
  {
    files: ['src/host/**/*.ts', 'src/contract/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/lab/**'], message: 'The tool never imports the lab (only tests and the lab command do).' }] }],
    },
  },
);
