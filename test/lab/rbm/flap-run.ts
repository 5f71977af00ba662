import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLab, type Lab } from '../../../src/lab/lab';
import { fakePairAt, waitFor, type FakePair } from './helpers';

/**
 * The many-pair stability run behind test/lab/rbm/scale.test.ts (small) and bench/lab-flap.ts
 * (100 pairs): a lab with keepalive 1 s × 3 settles, then runs under synthetic event-loop stalls
 * of this process, optionally with "intruders" — another lab's pair on the same 127.10.<n>.x
 * addresses and port, as a lab in another process on the machine can be. Nothing ever cuts a
 * link, so every running-status change and every Disconnected channel after settling is a flap.
 */
export interface FlapOptions {
  pairs: number;
  seconds: number;
  /** Longest synthetic stall, ms (a fifth of the stalls are long: half to all of it). */
  maxStallMs: number;
  pairIndexBase: number;
  /** How many pairs (the first ones) get an intruder. */
  intruders?: number;
}

export interface FlapReport {
  /** Running-status changes after settling. */
  statusChanges: number;
  /** RBM_CHANNEL status=Disconnected log lines after settling. */
  disconnects: number;
  /** Pairs not Connected on both sides (local and peer blocks) or not A Active / B Standby at the end. */
  unsettledAtEnd: string[];
  /** The longest stall the load caused, ms: proof the load ran. */
  maxStallMs: number;
  /** Whether every intruder's server failed to bind (proof it aimed at the lab's own port). */
  intrudersCollided: boolean;
  details: string[];
}

function settledPair(lab: Lab, i: number): boolean {
  const [a, b] = [lab.members[2 * i]!, lab.members[2 * i + 1]!];
  const connected = (m: typeof a): boolean => {
    const st = m.engine.status();
    return m.engine.controlConnected() && st.local.controlChannel === 'Connected' && st.peer?.controlChannel === 'Connected';
  };
  return connected(a) && connected(b) && a.engine.runningStatus() === 'Active' && b.engine.runningStatus() === 'Standby';
}

/** Busy-waits at random moments: this process's event loop stalls, as it does on 2 busy cores. */
function startStalls(maxStallMs: number): { stop(): number } {
  let max = 0;
  let timer: NodeJS.Timeout | undefined = undefined;
  const once = (): void => {
    const ms = Math.random() < 0.2 ? maxStallMs * (0.5 + Math.random() / 2) : Math.random() * maxStallMs * 0.3;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      // stalled on purpose
    }
    max = Math.max(max, ms);
    timer = setTimeout(once, 50 + Math.random() * 400);
  };
  timer = setTimeout(once, 100);
  return {
    stop: () => {
      clearTimeout(timer);
      return max;
    },
  };
}

export async function runFlap(o: FlapOptions): Promise<FlapReport> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-lab-flap-'));
  const intruders: FakePair[] = [];
  let load: { stop(): number } | undefined;
  const lab = await startLab({ stateDir: dir, pairs: o.pairs, sshPortBase: 0, console: false, stateFile: false, pairIndexBase: o.pairIndexBase, keepalive: { intervalMs: 1_000, count: 3 } });
  try {
    const all = [...Array(o.pairs).keys()];
    await waitFor(() => all.every((i) => settledPair(lab, i)), 60_000, 'every pair elected', 100);
    const records0 = lab.members.map((m) => m.engine.status().switchovers.length);
    const logs0 = lab.members.map((m) => m.device.logBuffer.length);
    for (let i = 0; i < (o.intruders ?? 0); i++) intruders.push(fakePairAt(o.pairIndexBase + i, lab.members[2 * i]!.rbmPort!));
    load = startStalls(o.maxStallMs);
    await new Promise((r) => setTimeout(r, o.seconds * 1000));
    const maxStallMs = load.stop();
    load = undefined;
    // A flap in progress when the load stops shows within one keepalive budget.
    await new Promise((r) => setTimeout(r, 3_500));
    const details: string[] = [];
    let statusChanges = 0;
    let disconnects = 0;
    lab.members.forEach((m, i) => {
      const recs = m.engine.status().switchovers.slice(records0[i]);
      statusChanges += recs.length;
      for (const r of recs) details.push(`${m.key} ${r.time.toISOString()} ${r.from}→${r.to} (${r.cause})`);
      const lines = m.device.logBuffer.slice(logs0[i]).filter((l) => /RBM_CHANNEL: .*Disconnected/.test(l));
      disconnects += lines.length;
      for (const l of lines) details.push(`${m.key} ${l}`);
    });
    const unsettledAtEnd = all.filter((i) => !settledPair(lab, i)).map((i) => `pair ${i + 1}`);
    const intrudersCollided = intruders.every((p) => p.b.logsMatching(/RBM_CHANNEL_BIND_FAILED: .*EADDRINUSE/).length > 0);
    return { statusChanges, disconnects, unsettledAtEnd, maxStallMs, intrudersCollided, details };
  } finally {
    load?.stop();
    for (const p of intruders) p.stop();
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
