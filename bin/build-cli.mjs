#!/usr/bin/env node
// The CLI as JavaScript: esbuild bundles src/cli/main.ts (and the browser-mode entry npm start
// uses) into out/cli/<build>/, one ESM chunk per lazily imported module, node_modules left
// external but for the few every call loads (STARTUP_PACKAGES). `node bin/build-cli.mjs` builds;
// bin/hotpair.mjs and bin/start.mjs call ensureCli(), which rebuilds only when a source is newer
// than the build.
//
// Each build gets its own folder, published by renaming a pointer file over out/cli/current.json:
// a process already running keeps loading its chunks from the build it started with, and parallel
// invocations (tests spawn the CLI concurrently) never see a half-written build.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** HOTPAIR_CLI_OUT: another folder inside this clone (tests); node_modules must resolve from it. */
export const CLI_OUT = process.env.HOTPAIR_CLI_OUT || join(root, 'out', 'cli');
const POINTER = join(CLI_OUT, 'current.json');
const LOCK = join(CLI_OUT, '.build.lock');
const ENTRIES = { main: 'src/cli/main.ts', 'browser-mode': 'src/host/browser-mode.ts' };
/** What a build depends on: a change to any of these makes it stale (the lock file: bundled packages). */
const INPUTS = ['src', 'resources/locales', 'package.json', 'package-lock.json', 'bin/build-cli.mjs'];

/**
 * Pure-JavaScript packages (no dependencies of their own) that every command loads before doing
 * anything: bundled into the chunks, they save Node resolving and parsing some hundred files
 * (and yaml's CommonJS) on each call, a third of `hotpair validate`'s time. Every other package,
 * native modules first, stays in node_modules.
 */
const STARTUP_PACKAGES = new Set(['commander', 'zod', 'yaml', 'ipaddr.js']);
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const externalButStartup = {
  name: 'external-but-startup-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => (a.kind === 'entry-point' || STARTUP_PACKAGES.has(packageName(a.path)) ? undefined : { path: a.path, external: true }));
  },
};
// A bundled CommonJS package (commander, yaml) calls require() for Node built-ins: give ESM one.
const REQUIRE_SHIM = "import { createRequire as __hotpairCreateRequire } from 'node:module'; const require = __hotpairCreateRequire(import.meta.url);";

/** A build that waits longer than this for another process's build builds on its own. */
const LOCK_WAIT_MS = 30_000;
const LOCK_POLL_MS = 50;
/**
 * Older builds stay for processes still running from them (a `hotpair serve` loads the lab's chunk
 * when the lab starts): any younger than ten minutes, the newest ten up to a day, none beyond.
 * Only a clone whose sources are being edited rebuilds at all.
 */
const KEEP_RECENT_BUILD_MS = 10 * 60_000;
const KEEP_OLD_BUILD_MS = 24 * 3600_000;
const KEEP_OLD_BUILDS = 10;

export class CliBuildUnavailable extends Error {}

/** Newest modification time under the inputs (0 when none exists). */
function newestInput() {
  let t = 0;
  const walk = (p) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      return; // vanished between readdir and stat: an editor's temp file
    }
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else if (s.mtimeMs > t) t = s.mtimeMs;
  };
  for (const p of INPUTS) walk(join(root, p));
  return t;
}

/** The published build: its folder and when its sources were read; undefined when none is. */
export function currentCli() {
  try {
    const p = JSON.parse(readFileSync(POINTER, 'utf8'));
    const dir = join(CLI_OUT, p.id);
    return existsSync(join(dir, 'main.js')) ? { dir, startedAt: p.startedAt } : undefined;
  } catch {
    return undefined;
  }
}

const fresh = (b) => b !== undefined && newestInput() <= b.startedAt;

/** Build into a temporary folder, rename it into place, then switch the pointer. */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new CliBuildUnavailable('the CLI needs building and esbuild is not installed: run `npm install` in the HotPair folder (esbuild is a devDependency), then `npm run build:cli`.');
  }
  const startedAt = Date.now(); // before reading any source: an edit during the build makes it stale
  mkdirSync(CLI_OUT, { recursive: true });
  const id = `${startedAt.toString(36)}-${process.pid}`;
  const tmp = join(CLI_OUT, `.tmp-${id}`);
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      plugins: [externalButStartup],
      banner: { js: REQUIRE_SHIM },
      sourcemap: 'linked',
      sourcesContent: false, // the maps point at src/ and node_modules/ in this clone
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'silent', // the error thrown lists the problems; printed once, by the caller
      legalComments: 'none',
    });
    writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
    renameSync(tmp, join(CLI_OUT, id));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  // A build that started later (read newer sources) and finished first stays published.
  const published = currentCli();
  if (published && published.startedAt > startedAt) return { dir: join(CLI_OUT, id), startedAt };
  const pointerTmp = `${POINTER}.${id}`;
  writeFileSync(pointerTmp, `${JSON.stringify({ id, startedAt })}\n`);
  renameSync(pointerTmp, POINTER);
  pruneOldBuilds(id);
  return { dir: join(CLI_OUT, id), startedAt };
}

function pruneOldBuilds(keep) {
  const now = Date.now();
  const old = readdirSync(CLI_OUT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== keep)
    .map((e) => ({ path: join(CLI_OUT, e.name), mtime: statSync(join(CLI_OUT, e.name)).mtimeMs, tmp: e.name.startsWith('.tmp-') }))
    .sort((a, b) => b.mtime - a.mtime);
  old.forEach((b, i) => {
    // A .tmp- folder may be another process's build in progress: only an abandoned one goes.
    const age = now - b.mtime;
    const drop = b.tmp ? age > LOCK_WAIT_MS * 2 : age > KEEP_OLD_BUILD_MS || (i >= KEEP_OLD_BUILDS && age > KEEP_RECENT_BUILD_MS);
    if (drop) rmSync(b.path, { recursive: true, force: true });
  });
}

function tryLock() {
  mkdirSync(CLI_OUT, { recursive: true });
  try {
    closeSync(openSync(LOCK, 'wx'));
    return true;
  } catch {
    try {
      // A lock left by a killed build does not block anyone for long.
      if (Date.now() - statSync(LOCK).mtimeMs > LOCK_WAIT_MS) rmSync(LOCK, { force: true });
    } catch {
      /* released meanwhile */
    }
    return false;
  }
}

/** The folder of an up-to-date build of the CLI, building it first when needed (quietly). */
export async function ensureCli() {
  let b = currentCli();
  if (fresh(b)) return b.dir;
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!tryLock()) {
    // Another invocation is building: wait for it rather than build the same thing twice.
    if (Date.now() > deadline) return (await buildCli()).dir;
    await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    b = currentCli();
    if (fresh(b)) return b.dir;
  }
  try {
    b = currentCli();
    return fresh(b) ? b.dir : (await buildCli()).dir;
  } finally {
    rmSync(LOCK, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--if-possible` (npm's prepare): a install without devDependencies has no esbuild, and that
  // must not fail the install; bin/hotpair.mjs says how to build when it is run.
  const ifPossible = process.argv.includes('--if-possible');
  try {
    const t = Date.now();
    const { dir } = await buildCli();
    console.log(`cli: built ${dir} in ${Date.now() - t} ms`);
  } catch (e) {
    console.error(`cli: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = ifPossible && e instanceof CliBuildUnavailable ? 0 : 1;
  }
}
