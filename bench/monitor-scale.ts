import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { verdict } from '../src/core/monitor/health';
import { deviceLink } from '../src/core/monitor/node/links';
import { DeviceConnector, type ConnectAsk } from '../src/core/session/node/connect';
import { MonitorReceivers } from '../src/core/monitor/node/receivers';
import { startMonitor } from '../src/core/monitor/node/runtime';
import type { LabDescription } from '../src/lab/lab-description';

/**
 * Monitor scale: 100 lab pairs polled every 5 s for 2 minutes (the figure asked for;
 * HOTPAIR_BENCH_QUICK=1 shortens the window to 30 s for a quick look). The lab runs in a child
 * process so the figures are the monitor's own: CPU share over the steady window and peak RSS over
 * the whole run, logins included. Goal < 10 % of one core, < 300 MB. The health rows are shortfalls
 * (polls missed, pairs not healthy) so that, like every row, a larger figure is worse.
 */
const PAIRS = Number(process.env.HOTPAIR_BENCH_PAIRS ?? 100);
const INTERVAL_MS = 5_000;
const WINDOW_MS = process.env.HOTPAIR_BENCH_QUICK === '1' ? 30_000 : 120_000;
const HERE = dirname(fileURLToPath(import.meta.url));

async function startLabChild(dir: string): Promise<{ desc: LabDescription; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, '..', 'test', 'core', 'monitor', 'helpers', 'lab-child.ts'), join(dir, 'lab'), String(PAIRS), '120'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const desc = await new Promise<LabDescription>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('lab did not start within 180 s')), 180_000);
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(JSON.parse(buf.slice(0, nl)) as LabDescription);
      }
    });
    child.once('exit', (code) => reject(new Error(`lab exited early (${code})`)));
  });
  return {
    desc,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-monitor-'));
  const lab = await startLabChild(dir);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const connector = new DeviceConnector({ knownHostsFile: join(dir, 'known_hosts') });
  const trustLab: ConnectAsk = { missing: (what) => new Error(`no ${what}`) as never, confirmHostKey: async () => true };
  const d = lab.desc.devices;
  let polls = 0;
  const perDevice = new Map<string, number>();
  const devicesPolled = () => Array.from({ length: PAIRS }, (_, i) => [`pair-${i + 1}/a`, `pair-${i + 1}/b`]).flat();
  let failures = 0;
  const reasons = new Map<string, number>();
  const cpuStart = process.cpuUsage();
  const t0 = performance.now();
  const receivers = new MonitorReceivers();
  await receivers.open({ syslog: { host: '127.0.0.1', port: 0 }, metrics: { host: '127.0.0.1', port: 0 } }, { strict: true });
  const runtime = await startMonitor({
    pairs: Array.from({ length: PAIRS }, (_, i) => {
      const dev = (x: (typeof d)[number]) => ({
        sysname: x.sysname,
        link: deviceLink({ kind: 'ssh', host: x.ssh.host, port: x.ssh.port, username: x.ssh.username }, { username: x.ssh.username, password: x.ssh.password }, { connector, ask: trustLab }),
      });
      return { name: `pair-${i + 1}`, devices: { a: dev(d[2 * i]!), b: dev(d[2 * i + 1]!) } };
    }),
    intervalMs: INTERVAL_MS,
    db: join(dir, 'monitor.sqlite'),
    receivers,
    onPoll: (o) => {
      if (o.kind === 'poll') {
        polls++;
        const k = `${o.pair}/${o.device}`;
        perDevice.set(k, (perDevice.get(k) ?? 0) + 1);
      } else if (o.kind === 'poll-failed') {
        failures++;
        const r = o.error.replace(/\d+/g, 'N').slice(0, 120);
        reasons.set(r, (reasons.get(r) ?? 0) + 1);
      }
    },
  });
  try {
    const healthy = () => runtime.service.health().filter((h) => verdict(h) === 'healthy').length;
    while (healthy() < PAIRS) {
      if (performance.now() - t0 > 180_000) throw new Error(`only ${healthy()} of ${PAIRS} pairs healthy after 180 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const warmupSeconds = (performance.now() - t0) / 1000;
    const warmCpu = process.cpuUsage(cpuStart);
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const p0 = polls;
    const perDevice0 = new Map(perDevice);
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const cpu = process.cpuUsage(c0);
    const wall = performance.now() - w0;
    const windowPolls = polls - p0;
    // a device that keeps its cadence completes floor(window / interval) polls in any window, less
    // one when its answer times jitter across both edges: below that, a poll was really missed
    const owed = Math.max(0, Math.floor(wall / INTERVAL_MS) - 1);
    let missed = 0;
    for (const k of devicesPolled()) missed += Math.max(0, owed - ((perDevice.get(k) ?? 0) - (perDevice0.get(k) ?? 0)));
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    const scrape = await (await fetch(receivers.metrics!.url)).text();
    const metricsPairs = (scrape.match(/^hotpair_pair_healthy\{pair="pair-\d+"\} 1$/gm) ?? []).length;
    const expectedPolls = (wall / INTERVAL_MS) * PAIRS * 2;
    for (const h of runtime.service.health().filter((x) => verdict(x) !== 'healthy'))
      process.stderr.write(`monitor-scale: ${h.pair} is ${verdict(h)}: ${JSON.stringify({ a: { ...h.devices.a, vrrp: undefined, tracks: undefined }, b: { ...h.devices.b, vrrp: undefined, tracks: undefined } })}\n`);
    const kinds = new Map<string, number>();
    for (const e of runtime.store?.history({ since: Date.now() - 600_000 }) ?? []) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    process.stderr.write(`monitor-scale: events recorded: ${JSON.stringify(Object.fromEntries(kinds))}\n`);
    if (process.env.HOTPAIR_BENCH_VERBOSE) for (const e of runtime.store?.history({ since: Date.now() - 600_000 }) ?? []) process.stderr.write(`  ${JSON.stringify(e)}\n`);
    return [
      { name: `${PAIRS} pairs: all healthy after start (200 SSH logins, staggered over one interval)`, measured: warmupSeconds, bound: 60, unit: 's' },
      { name: `${PAIRS} pairs: CPU during start-up, logins included (% of one core)`, measured: ((warmCpu.user + warmCpu.system) / 1000 / (warmupSeconds * 1000)) * 100, bound: 100, unit: '%' },
      { name: `${PAIRS} pairs every ${INTERVAL_MS / 1000} s: monitor CPU over ${WINDOW_MS / 1000} s steady (% of one core)`, measured: cpuPercent, bound: 10, unit: '%' },
      { name: `${PAIRS} pairs: monitor peak RSS (whole run)`, measured: peakRss / 2 ** 20, bound: 300, unit: 'MB' },
      {
        name: `${PAIRS} pairs: device polls missed in the window (${windowPolls} done, ${expectedPolls.toFixed(0)} due; 0.5 so that one is over)`,
        measured: missed,
        bound: 0.5,
        unit: 'polls',
      },
      { name: `${PAIRS} pairs: failed polls in the run (bound: none; 0.5 so that one is over)`, measured: failures, bound: 0.5, unit: 'polls' },
      { name: `${PAIRS} pairs: pairs not healthy in /metrics at the end (${metricsPairs} of ${PAIRS} healthy; 0.5 so that one is over)`, measured: PAIRS - metricsPairs, bound: 0.5, unit: 'pairs' },
    ];
  } finally {
    clearInterval(sampler);
    for (const [r, n] of reasons) process.stderr.write(`monitor-scale: ${n} × poll failed: ${r}\n`);
    await runtime.stop();
    await receivers.close();
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/monitor-scale.ts` prints the figures directly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.measured.toFixed(2)} ${r.unit} (bound ${r.bound}, ratio ${(r.measured / r.bound).toFixed(2)})\n`);
}
