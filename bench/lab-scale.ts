import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLab } from '../src/lab/lab';

/** A lab of 100 pairs starts in one process on a 2-core machine; report memory and CPU. */
const PAIRS = 100;
/** Every pair must have elected (channel up, A Active, B Standby) within this. */
const SETTLE_TIMEOUT_MS = 60_000;
/** Steady-state CPU is sampled over this window (keepalives on 400 channel sockets). */
const CPU_WINDOW_MS = 10_000;
const TRAFFIC_PER_PAIR = 100;
const TRAFFIC_WINDOW_MS = 5_000;

/** Proportional set size: shared libc pages split between the children, so the sum is what they really cost. */
function pssOfPid(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-lab-'));
  const rss0 = process.memoryUsage().rss / 2 ** 20;
  const opts = { stateDir: dir, pairs: PAIRS, sshPortBase: 0, pairIndexBase: 100, stateFile: false };
  // Cold: the first start generates 200 RSA-2048 host keys (kept in the state dir); warm: they are loaded.
  const c0 = performance.now();
  await (await startLab(opts)).stop();
  const coldSeconds = (performance.now() - c0) / 1000;
  const t0 = performance.now();
  const lab = await startLab(opts);
  try {
    const startSeconds = (performance.now() - t0) / 1000;
    const settled = (): boolean =>
      lab.members.every((m) => m.engine.controlConnected() && m.engine.runningStatus() === (m.key.endsWith('a') ? 'Active' : 'Standby'));
    const s0 = performance.now();
    while (!settled()) {
      if (performance.now() - s0 > SETTLE_TIMEOUT_MS) throw new Error('not every pair elected in time');
      await new Promise((r) => setTimeout(r, 100));
    }
    const settleSeconds = (performance.now() - s0) / 1000;
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    await new Promise((r) => setTimeout(r, CPU_WINDOW_MS));
    const cpu = process.cpuUsage(cpu0);
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - w0)) * 100;
    const rss = process.memoryUsage().rss / 2 ** 20;
    const groups = lab.members.map((m) => m.console?.socatGroup).filter((p): p is number => p !== undefined);
    // Each console is socat plus its sh watchdog, in one process group.
    const socatPids = groups.flatMap((g) => execFileSync('pgrep', ['-g', String(g)]).toString().trim().split('\n').map(Number));
    const socatRss = socatPids.reduce((n, p) => n + pssOfPid(p), 0);
    // Session backup under load: every Active device creates 100 sessions/s, replicated over its data channel.
    for (const m of lab.members) if (m.key.endsWith('a')) await lab.inject(m.key, 'traffic', String(TRAFFIC_PER_PAIR));
    const tc0 = process.cpuUsage();
    const tw0 = performance.now();
    await new Promise((r) => setTimeout(r, TRAFFIC_WINDOW_MS));
    const tcpu = process.cpuUsage(tc0);
    const trafficCpu = ((tcpu.user + tcpu.system) / 1000 / (performance.now() - tw0)) * 100;
    const replicated = lab.members.filter((m) => m.key.endsWith('b')).reduce((n, m) => n + m.engine.sessions().receivedFromPeer, 0);
    const fds = Number(execFileSync('sh', ['-c', `ls /proc/${process.pid}/fd | wc -l`]).toString().trim());
    return [
      { name: `${PAIRS}-pair lab: first start incl. 200 RSA-2048 host keys (+ stop)`, measured: coldSeconds, bound: 120, unit: 's' },
      { name: `${PAIRS}-pair lab: start with keys in the state dir (200 devices, SSH, PTY consoles)`, measured: startSeconds, bound: 30, unit: 's' },
      { name: `${PAIRS}-pair lab: all pairs elected after start`, measured: settleSeconds, bound: 15, unit: 's' },
      { name: `${PAIRS}-pair lab: node RSS (steady, was ${rss0.toFixed(0)} MB before)`, measured: rss, bound: 1024, unit: 'MB' },
      { name: `${PAIRS}-pair lab: CPU, idle with keepalives (% of one core)`, measured: cpuPercent, bound: 25, unit: '%' },
      { name: `${PAIRS}-pair lab: ${groups.length} consoles (socat + sh watchdog, ${socatPids.length} processes), PSS total`, measured: socatRss, bound: 1024, unit: 'MB' },
      { name: `${PAIRS}-pair lab: CPU with ${TRAFFIC_PER_PAIR} sessions/s per pair replicated (${replicated} sessions in ${TRAFFIC_WINDOW_MS / 1000} s)`, measured: trafficCpu, bound: 100, unit: '%' },
      { name: `${PAIRS}-pair lab: open file descriptors`, measured: fds, bound: 4096, unit: 'fds' },
    ];
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/lab-scale.ts` prints the figures directly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.measured.toFixed(2)} ${r.unit} (bound ${r.bound})\n`);
}
