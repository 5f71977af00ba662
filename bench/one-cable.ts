/**
 * One-cable commissioning of resources/examples/lab.yaml over the lab's single console port at 9600
 * baud (paced as a real UART): A's part, the cable moved to B, B's part, verified from B, saved.
 * The flow's own time excludes, each reported apart, the cable moves (the engineer's hands) and the
 * devices' own convergence waits (the verification's and the synchronisation's poll intervals,
 * while the channel comes up); the console runs at a fixed speed, so no auto-baud tries happen.
 * Goal: the flow's own time ≤ 1.3 × the line time of the bytes it moves (each session: the larger
 * direction ÷ 960 bytes/s), the row's bound, so ratio ≤ 1 meets it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTranscriptSink, TranscriptRecorder } from '../src/core/channel/transcript';
import { loadPairText } from '../src/core/model/load';
import { comware7 } from '../src/core/platforms/comware7';
import { portIdentity, waitForReplug } from '../src/core/provision/one-cable/node/replug';
import type { OneCableEvent } from '../src/core/provision/one-cable/types';
import { runOneCable } from '../src/core/provision/one-cable/workflow';
import { DeviceSession } from '../src/core/session/session';
import { SerialTransport } from '../src/core/transport/node/serial';
import { LAB_PASSWORD, LAB_USERNAME, startLab } from '../src/lab/lab';
import { cablePath } from '../src/lab/one-cable';

const BAUD = 9600;
const GOAL = 1.3;
const BYTES_PER_S = BAUD / 10; // 8N1: ten bits a byte
const POLL_MS = 1_000;
/** The engineer's unplugged gap during a move (excluded with the move). */
const CABLE_GAP_MS = 500;

function labPair() {
  const r = loadPairText(readFileSync(join(import.meta.dirname, '../resources/examples/lab.yaml'), 'utf8'), 'lab');
  if (!r.ok) throw new Error(`lab: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.pair;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-bench-1c-'));
  const lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, pairIndexBase: 223, stateFile: false, baud: BAUD, keepalive: { intervalMs: 1000, count: 3 }, oneCable: 'a' });
  const port = cablePath(join(dir, 'lab'));
  const sessions: { in: number; out: number }[] = [];
  let since: string | undefined;
  let cableMs = 0;
  let polls = 0;
  try {
    const journal: unknown[] = [];
    const t0 = performance.now();
    const r = await runOneCable({
      pair: labPair(),
      pack: comware7,
      journal: { append: (x) => void journal.push(x) },
      async open(signal) {
        const transport = new SerialTransport({ path: port, baud: BAUD });
        const m = { in: 0, out: 0 };
        sessions.push(m);
        transport.onData((c) => (m.in += c.length));
        const write = transport.write.bind(transport);
        transport.write = async (d) => {
          m.out += typeof d === 'string' ? Buffer.byteLength(d) : d.length;
          return write(d);
        };
        const s = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: { username: LAB_USERNAME, password: LAB_PASSWORD }, loginMode: 'console', signal });
        since = await portIdentity(port);
        return s;
      },
      async waitForCable(to, signal) {
        const w0 = performance.now();
        const moved = lab.cable(to, CABLE_GAP_MS);
        await waitForReplug(port, since, { signal, pollMs: 50 });
        await moved;
        cableMs += performance.now() - w0;
      },
      // Each unmet verification and each wait for synchronised lines is followed by one poll interval.
      emit: (e: OneCableEvent) => void ((e.kind === 'verify' && e.failures.length > 0) || (e.kind === 'message' && /^waiting for \d+ synchronised line/.test(e.text)) ? polls++ : 0),
      timeouts: { pollMs: POLL_MS, verifyMs: 60_000 },
      meta: { runId: 'bench-one-cable', target: `serial://${port}?baud=${BAUD}`, tool: 'bench' },
    });
    const totalMs = performance.now() - t0;
    if (r.outcome !== 'success') throw new Error(`one-cable run ended ${r.outcome}: ${r.error?.message ?? ''}`);
    const convergeMs = polls * POLL_MS;
    const ownS = (totalMs - cableMs - convergeMs) / 1000;
    const lineS = sessions.reduce((t, m) => t + Math.max(m.in, m.out) / BYTES_PER_S, 0);
    const bytes = sessions.map((m) => `${m.out}↑/${m.in}↓`).join(', ');
    return [
      {
        name: `one-cable commissioning at ${BAUD} baud, lab pair (${sessions.length} logins; bytes ${bytes}; line time ${lineS.toFixed(1)} s; bound = ${GOAL} × line time; ratio to line time ${(ownS / lineS).toFixed(3)})`,
        measured: ownS,
        bound: GOAL * lineS,
        unit: 's',
      },
      { name: `  apart: cable moves (${sessions.length - 1}, ${CABLE_GAP_MS} ms unplugged each)`, measured: cableMs / 1000, bound: NaN, unit: 's' },
      { name: `  apart: the devices' convergence waits (${polls} poll interval(s) of ${POLL_MS} ms)`, measured: convergeMs / 1000, bound: NaN, unit: 's' },
      { name: `  apart: auto-baud tries (fixed ${BAUD} baud: none)`, measured: 0, bound: NaN, unit: 's' },
    ];
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
