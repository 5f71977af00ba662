#!/usr/bin/env node
// `npm start`: build the renderer when it is missing or older than its sources, then open the
// desktop app where the Electron binary exists, else browser mode (the same host under Node, from
// the CLI's build in out/cli/, rebuilt first when stale).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCli } from './build-cli.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const say = (s) => process.stdout.write(`hotpair: ${s}\n`);

/** Newest modification time under the given files/folders (0 when none exists). */
function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else t = Math.max(t, s.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return t;
}

const stale = (output, sources) => !existsSync(join(root, output)) || statSync(join(root, output)).mtimeMs < newest(sources);

async function buildRenderer() {
  if (!stale('renderer/dist/index.html', ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'src/contract', 'src/core', 'src/host/csp.ts'])) return;
  say('building the renderer…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

/** The Electron binary's path when `npm install` downloaded it; undefined otherwise. */
function electronBinary() {
  try {
    const p = require('electron'); // the npm package exports the binary's path (throws if not installed)
    return typeof p === 'string' && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

/** Open the URL in a browser if one can show it; never fails, never blocks. */
function openBrowser(url) {
  if (process.env.HOTPAIR_NO_OPEN === '1') return false;
  let cmd;
  if (process.platform === 'darwin') cmd = ['open', [url]];
  else if (process.platform === 'win32') cmd = ['cmd', ['/c', 'start', '', url]];
  else if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false; // no screen: a terminal browser would grab this one
  else if (onPath('xdg-open')) cmd = ['xdg-open', [url]];
  else if (onPath('chromium')) cmd = ['chromium', [url]];
  else return false;
  try {
    const child = spawn(cmd[0], cmd[1], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function browserMode(reason) {
  say(`${reason}; starting browser mode`);
  const { startBrowserMode } = await import(pathToFileURL(join(await ensureCli(), 'browser-mode.js')).href);
  const port = Number(process.env.HOTPAIR_PORT ?? 0);
  const mode = await startBrowserMode({ port });
  say(`browser mode on 127.0.0.1:${mode.server.port}`);
  say(`open ${mode.server.url}`);
  say(openBrowser(mode.server.url) ? 'opening it in your browser; Ctrl-C stops.' : 'no browser to open here: copy the URL into one. Ctrl-C stops.');
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mode.close();
}

try {
  await buildRenderer();
  const electron = electronBinary();
  if (!electron) await browserMode('Electron binary not installed here');
  else {
    if (stale('out/electron/main.cjs', ['electron', 'src/host', 'src/contract', 'src/core', 'src/lab', 'package.json'])) {
      say('building the Electron main and preload…');
      await import('../electron/build.mjs');
    }
    say('opening the desktop app');
    const child = spawn(electron, [root], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
} catch (e) {
  process.stderr.write(`hotpair: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
