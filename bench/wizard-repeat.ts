import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { LAB_PASSWORD } from '../src/lab/lab';
import { buildRenderer, commissionInWizard, launchChromium, openLabPairFromHome, WIZARD_WAITS, type WizardRun } from '../test/e2e/harness';

/**
 * Commissioning converges every time, in the wizard: N runs in a row in Debian's chromium, each on
 * a fresh `hotpair serve` (fresh data and state folders), the lab pair started from Home and the
 * wizard walked as test/e2e/wizard.test.ts walks it (connect, discover, form, plan, push, verify,
 * save), while other processes burn CPU. Once 2 of 7 such runs ended with the secondary Active and
 * were rolled back. A run that fails keeps its folder (journal, transcripts, lab state, serve's
 * output) and a screenshot under test-results/wizard-repeat/. Env: HOTPAIR_WIZARD_RUNS (20),
 * HOTPAIR_WIZARD_BURN (CPU-burning processes, 1).
 */
const RUNS = Number(process.env.HOTPAIR_WIZARD_RUNS ?? 20);
const BURN = Number(process.env.HOTPAIR_WIZARD_BURN ?? 1);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'hotpair.mjs');
const SHOTS = join(ROOT, 'test-results', 'wizard-repeat');
/** bin/hotpair.mjs rebuilds the CLI first when a source changed; a loaded machine gets slack. */
const SERVE_START_MS = 90_000;
const SERVE_STOP_MS = 20_000;
/** The tool decides verified or not (26 s verify limit); these only bound how long the page may take to show it on a loaded machine. */
const WAITS = { ...WIZARD_WAITS, labStart: 60_000, hostKey: 30_000, connected: 30_000, discovered: 45_000, planned: 45_000, firstLine: 45_000, outcome: 150_000 };
/** Whole walk, Home to saved: a hang is a failed run, not a stuck bench. */
const RUN_MS = 6 * 60_000;

interface RunResult {
  ok: boolean;
  /** Home to saved. */
  seconds: number;
  /** Push pressed to Verified shown. */
  pushSeconds: number;
  detail: string;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
}

/** `hotpair serve` in its own process with the run's folders; resolves with the URL it prints (token included). */
async function startServe(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, HOTPAIR_DATA_DIR: join(dir, 'data'), HOTPAIR_STATE_DIR: join(dir, 'state') };
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(dir, 'serve.log'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hotpair serve printed no URL in ${SERVE_START_MS} ms: ${out.slice(-300)}`)), SERVE_START_MS);
    const take = (d: Buffer) => {
      out += d.toString();
      const m = /Open: (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1] as string);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited(child).then(() => {
      clearTimeout(timer);
      reject(new Error(`hotpair serve exited: ${out.trim().slice(-300)}`));
    });
  }).catch(async (e: unknown) => {
    await stopServe(child);
    throw e;
  });
  return { url, child };
}

/** Ctrl-C as an engineer would: serve stops the lab and closes; killed only if it does not. */
async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), SERVE_STOP_MS);
  await exited(child);
  clearTimeout(killer);
}

async function commissionOnce(browser: Browser, i: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `hotpair-wizard-${i}-`));
  let keep = true;
  const serve = await startServe(dir);
  const problems: string[] = [];
  const t0 = Date.now();
  let run: WizardRun | undefined;
  let page: Page | undefined;
  try {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const p = page;
    p.on('pageerror', (e) => problems.push(e.message));
    const walk = (async () => {
      await p.goto(serve.url);
      await openLabPairFromHome(p, WAITS);
      return commissionInWizard(p, { password: LAB_PASSWORD, waits: WAITS });
    })();
    void walk.catch(() => undefined); // a walk outlived by its time limit fails later, when its page closes
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the walk took over ${RUN_MS} ms`)), RUN_MS)));
    run = await Promise.race([walk, hung]).finally(() => clearTimeout(timer));
    const seconds = (Date.now() - t0) / 1000;
    const ok = run.verified && run.saved && problems.length === 0;
    keep = !ok;
    const detail = ok ? 'verified and saved' : (run.failure ?? `page errors: ${problems.join(' | ')}`);
    return { ok, seconds, pushSeconds: run.pushSeconds, detail: keep ? `${detail} (kept ${dir})` : detail };
  } catch (e) {
    return { ok: false, seconds: (Date.now() - t0) / 1000, pushSeconds: NaN, detail: `${e instanceof Error ? e.message.split('\n')[0] : String(e)} (kept ${dir})` };
  } finally {
    if (keep) await page?.screenshot({ path: join(SHOTS, `run-${i}.png`), fullPage: true }).catch(() => undefined);
    await page?.context().close();
    await stopServe(serve.child);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};

export async function run() {
  mkdirSync(SHOTS, { recursive: true });
  // `hotpair serve` serves renderer/dist: built from the sources of now, as `npm start` would.
  await buildRenderer(join(ROOT, 'renderer', 'dist'));
  const browser = await launchChromium();
  // Load: processes that spin for the whole bench, stopped (by their own pids) at the end.
  const burners = Array.from({ length: BURN }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const results: RunResult[] = [];
  try {
    // A browser that went away (the bench interrupted) would fail every run left in a second each.
    for (let i = 1; i <= RUNS && browser.isConnected(); i++) {
      const r = await commissionOnce(browser, i).catch((e: unknown) => ({ ok: false, seconds: 0, pushSeconds: NaN, detail: e instanceof Error ? e.message : String(e) }));
      results.push(r);
      process.stderr.write(`wizard-repeat: run ${i}/${RUNS}: ${r.ok ? 'ok' : 'FAILED'} in ${r.seconds.toFixed(1)} s (push to ${r.ok ? 'verified' : 'outcome'} ${r.pushSeconds.toFixed(1)} s) — ${r.detail}\n`);
    }
  } finally {
    for (const b of burners) b.kill('SIGKILL');
    await browser.close();
  }
  // Runs never made (the browser went away) count as not verified.
  const failed = RUNS - results.filter((r) => r.ok).length;
  const walks = results.filter((r) => r.ok).map((r) => r.seconds);
  const pushes = results.filter((r) => r.ok).map((r) => r.pushSeconds);
  // The bench table counts measured ≤ bound as within: a bound of 0.5 lets only 0 through.
  return [
    { name: `${RUNS} wizard commissionings in chromium, each on a fresh hotpair serve, ${BURN} CPU burner(s): runs not verified and saved (must be 0)`, measured: failed, bound: 0.5, unit: 'runs' },
    { name: `median wizard walk, Home to saved (${walks.length} verified runs)`, measured: median(walks), bound: 60, unit: 's' },
    { name: `slowest push to verified in the wizard (verify limit 26 s)`, measured: pushes.length ? Math.max(...pushes) : NaN, bound: 60, unit: 's' },
  ];
}

// `npx tsx bench/wizard-repeat.ts` prints the figures directly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.measured} ${r.unit} (bound ${r.bound})\n`);
}
