#!/usr/bin/env node
// Bundles Electron main and preload with esbuild into out/electron/. CommonJS on purpose: a
// sandboxed preload must be CommonJS, and main bundles dependencies that call require().
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Native modules stay outside the bundle (electron-builder unpacks them from the asar).
const external = ['electron', 'serialport', '@serialport/*', 'better-sqlite3', 'ssh2', 'cpu-features', 'bufferutil', 'utf-8-validate', 'playwright-core'];

// src/host/app-root.ts falls back to __dirname where import.meta.url is empty, as in this CommonJS bundle.
const common = { absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', legalComments: 'none', logOverride: { 'empty-import-meta': 'silent' } };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/electron/main.cjs', external }),
  // The preload needs nothing but electron and the zod-free half of the contract.
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/electron/preload.cjs', external: ['electron'] }),
]);
console.log('electron: built out/electron/main.cjs and out/electron/preload.cjs');
