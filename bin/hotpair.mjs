#!/usr/bin/env node
// `hotpair`: runs the CLI built to JavaScript in out/cli/ (no TypeScript compiled per call),
// rebuilding it first when a source is newer than the build, so a clone never runs stale code.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCli } from './build-cli.mjs';

let dir;
try {
  dir = await ensureCli();
} catch (e) {
  process.stderr.write(`hotpair: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const { main } = await import(pathToFileURL(join(dir, 'main.js')).href);
process.exitCode = await main(process.argv);
