import { pathToFileURL } from 'node:url';
import type { MonitorEvent } from '../src/core/monitor/types';
import { type LabMonitor, startLabMonitor } from '../test/core/monitor/helpers/lab-monitor';

/**
 * Failover visibility: a lab pair with keepalive 1 s × 3, power off the active, and time
 * until the survivor's switchover is in the monitor's SQLite store. Bound: keepalive interval ×
 * count + 0.5 s. With syslog the log line carries it; without, the next poll (interval 1 s) does,
 * so that row's bound adds one poll interval.
 */
const KEEPALIVE_S = 1;
const KEEPALIVE_COUNT = 3;
const POLL_MS = 1000;
const ROUNDS = Number(process.env.HOTPAIR_BENCH_ROUNDS ?? 3);

async function settle(m: LabMonitor): Promise<void> {
  await m.waitFor(
    'A active, B standby, channel up on both',
    () => {
      const h = m.runtime.service.pairHealth('lab');
      return h && h.devices.a.reachable && h.devices.b.reachable && h.devices.a.runningStatus === 'Active' && h.devices.b.controlChannel === 'Connected' && h.devices.b.runningStatus === 'Standby';
    },
    60_000,
  );
  await new Promise((r) => setTimeout(r, 1500));
}

/**
 * Power-off → the switchover row in the store, in seconds; polls the store itself, not the event
 * stream. Also splits it: `monitor` is from the report reaching the monitor (the event's time: log
 * datagram or poll answer) to the row being found; the rest is the lab detecting the peer loss.
 */
async function once(m: LabMonitor): Promise<{ total: number; monitor: number }> {
  const t0 = performance.now();
  const wall0 = Date.now();
  const since = wall0 - 1;
  await m.lab.inject('a', 'power-off');
  const found = (): MonitorEvent | undefined => m.store.history({ pair: 'lab', kinds: ['switchover'], since }).find((e) => e.kind === 'switchover' && e.device === 'b' && e.to === 'Active');
  let e: MonitorEvent | undefined;
  while (!(e = found())) {
    if (performance.now() - t0 > 30_000) throw new Error('no switchover recorded within 30 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  const total = (performance.now() - t0) / 1000;
  const monitor = total - (e.time - wall0) / 1000;
  await m.lab.inject('a', 'power-on');
  await settle(m);
  return { total, monitor };
}

async function measure(syslog: boolean, rounds: number): Promise<{ total: number; monitor: number }[]> {
  const m = await startLabMonitor({ net: 91 + (syslog ? 0 : 1), intervalMs: POLL_MS, syslog });
  try {
    await settle(m);
    const out: { total: number; monitor: number }[] = [];
    for (let i = 0; i < rounds; i++) out.push(await once(m));
    return out;
  } finally {
    await m.stop();
  }
}

export async function run() {
  const bound = KEEPALIVE_S * KEEPALIVE_COUNT + 0.5;
  const withLog = await measure(true, ROUNDS);
  const pollOnly = await measure(false, 1);
  const totals = withLog.map((x) => x.total);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [
    { name: `failover visible in the store, syslog + poll ${POLL_MS / 1000} s (median of ${totals.length}: ${totals.map((x) => x.toFixed(2)).join(', ')} s)`, measured: med(totals), bound, unit: 's' },
    { name: `  same, worst round`, measured: Math.max(...totals), bound, unit: 's' },
    { name: `  of which the monitor (report received → row in store), worst`, measured: Math.max(...withLog.map((x) => x.monitor)), bound: 0.5, unit: 's' },
    // The rest is the lab noticing the dead peer, which it does after `count` unanswered
    // keepalives, i.e. within (count, count + 1] intervals: the first row can sit at its bound
    // on the lab's account, which this row shows apart from the monitor's.
    {
      name: `  of which the lab's peer-loss detection and log delivery (power-off → report received), median; bound (count + 1) × interval`,
      measured: med(withLog.map((x) => x.total - x.monitor)),
      bound: KEEPALIVE_S * (KEEPALIVE_COUNT + 1),
      unit: 's',
    },
    { name: `failover visible in the store, polling only every ${POLL_MS / 1000} s`, measured: pollOnly[0]!.total, bound: bound + POLL_MS / 1000, unit: 's' },
  ];
}

// `npx tsx bench/monitor-failover.ts` prints the figures directly.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.measured.toFixed(3)} ${r.unit} (bound ${r.bound}, ratio ${(r.measured / r.bound).toFixed(2)})\n`);
}
