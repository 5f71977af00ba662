import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Commissioning converges every time: N runs in a row, each `hotpair pair resources/examples/lab.yaml
 * --yes` against a fresh `hotpair lab` (fresh state and data folders), both as an engineer types
 * them, while other processes burn CPU. Once 2 of 7 wizard runs and 1 of 13 CLI runs ended with the
 * secondary Active and were rolled back. Env: HOTPAIR_COMMISSION_RUNS (20), HOTPAIR_COMMISSION_BURN
 * (CPU-burning processes, 1).
 */
const RUNS = Number(process.env.HOTPAIR_COMMISSION_RUNS ?? 20);
const BURN = Number(process.env.HOTPAIR_COMMISSION_BURN ?? 1);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'hotpair.mjs');
/** tsx compiles the CLI on each start; a loaded machine gets slack. */
const LAB_START_MS = 60_000;
/** One `hotpair pair` run: connect, push, verify (26 s limit for keepalive 1 s × 3), save; rollback on failure. */
const PAIR_RUN_MS = 180_000;
const PASSWORD_ENV = 'HOTPAIR_BENCH_LAB_PASSWORD';

interface RunResult {
  ok: boolean;
  seconds: number;
  detail: string;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
}

async function startCliLab(env: NodeJS.ProcessEnv): Promise<{ ports: number[]; password: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'lab', '--json', '--no-console', '--ssh-port-base', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hotpair lab printed nothing in ${LAB_START_MS} ms: ${err}`)), LAB_START_MS);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      resolve(out.split('\n')[0] as string);
    });
    void exited(child).then(() => reject(new Error(`hotpair lab exited: ${err.trim()}`)));
  });
  const d = JSON.parse(line) as { devices: { ssh: { port: number; password: string } }[] };
  return { ports: d.devices.map((x) => x.ssh.port), password: d.devices[0]?.ssh.password ?? '', child };
}

async function commissionOnce(i: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `hotpair-commission-${i}-`));
  const env = { ...process.env, HOTPAIR_STATE_DIR: join(dir, 'state'), HOTPAIR_DATA_DIR: join(dir, 'data') };
  const lab = await startCliLab(env);
  try {
    const pairFile = join(dir, 'lab.yaml');
    const text = readFileSync(join(ROOT, 'resources', 'examples', 'lab.yaml'), 'utf8');
    writeFileSync(pairFile, text.replaceAll('127.0.0.1:2201', `127.0.0.1:${lab.ports[0]}`).replaceAll('127.0.0.1:2202', `127.0.0.1:${lab.ports[1]}`));
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, 'pair', pairFile, '--yes', '--password-env', PASSWORD_ENV, '--accept-new-host-key'], {
      cwd: ROOT,
      env: { ...env, [PASSWORD_ENV]: lab.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), PAIR_RUN_MS);
    const code = await exited(child);
    clearTimeout(killer);
    const seconds = (Date.now() - t0) / 1000;
    const why = output.split('\n').find((l) => /verification did not pass|push failed|error/i.test(l)) ?? output.trim().split('\n').slice(-3).join(' | ');
    return { ok: code === 0, seconds, detail: code === 0 ? 'verified and saved' : `exit ${code}: ${why}` };
  } finally {
    lab.child.kill('SIGTERM');
    await exited(lab.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  // Load: processes that spin for the whole bench, stopped (by their own pids) at the end.
  const burners = Array.from({ length: BURN }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const results: RunResult[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      const r = await commissionOnce(i).catch((e: unknown) => ({ ok: false, seconds: 0, detail: e instanceof Error ? e.message : String(e) }));
      results.push(r);
      process.stderr.write(`commission-repeat: run ${i}/${RUNS}: ${r.ok ? 'ok' : 'FAILED'} in ${r.seconds.toFixed(1)} s — ${r.detail}\n`);
    }
  } finally {
    for (const b of burners) b.kill('SIGKILL');
  }
  const failed = results.filter((r) => !r.ok).length;
  const slowest = Math.max(...results.map((r) => r.seconds));
  // The bench table counts measured ≤ bound as within: a bound of 0.5 lets only 0 through.
  return [
    { name: `${RUNS} CLI commissionings of lab.yaml, each on a fresh hotpair lab, ${BURN} CPU burner(s): runs not verified (must be 0)`, measured: failed, bound: 0.5, unit: 'runs' },
    { name: `slowest of the ${RUNS} commissionings (pair command, verify limit 26 s)`, measured: slowest, bound: 60, unit: 's' },
  ];
}

// `npx tsx bench/commission-repeat.ts` prints the figures directly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.measured} ${r.unit} (bound ${r.bound})\n`);
}
