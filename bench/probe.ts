/**
 * `hotpair probe` of the as-vrrp plan on both lab devices: over SSH (the round trips of one help
 * request and its erasing per line), and over the lab console paced at 9600 baud, against the
 * line time of the bytes the probe moves (each direction ÷ 960 bytes/s, the larger one).
 * Goal on the console: measured ≤ 1.3 × line time (the row's bound, so ratio ≤ 1 meets it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTranscriptSink, TranscriptRecorder } from '../src/core/channel/transcript';
import { loadPairText } from '../src/core/model/load';
import type { DeviceKey } from '../src/core/model/pair';
import { comware7 } from '../src/core/platforms/comware7';
import { planDevice } from '../src/core/provision/plan';
import { readRunning } from '../src/core/provision/push';
import { probePair } from '../src/core/probe/pair';
import { openSession } from '../src/core/session/node/open';
import { DeviceSession } from '../src/core/session/session';
import { SerialTransport } from '../src/core/transport/node/serial';
import type { Transport } from '../src/core/transport/types';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../src/lab/lab';

const BAUD = 9600;
const CONSOLE_GOAL = 1.3;
/**
 * Over SSH every write waits for its answer, so the bound is the probe's round trips, each timed
 * alone on the same session in the same run (a `?` and its erasing; a bare command), × this margin:
 * what the probe adds beyond the device's own answers.
 */
const SSH_MARGIN = 1.5;
const RTT_SAMPLES = 21;
const KEYS: readonly DeviceKey[] = ['a', 'b'];

function asVrrp() {
  const r = loadPairText(readFileSync(join(import.meta.dirname, '../resources/examples/as-vrrp.yaml'), 'utf8'), 'as-vrrp');
  if (!r.ok) throw new Error(`as-vrrp: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.pair;
}

/** Counts what the transport carries each way from now on. */
function meter(t: Transport) {
  const m = { in: 0, out: 0, writes: 0 };
  t.onData((c) => (m.in += c.length));
  const write = t.write.bind(t);
  t.write = async (d) => {
    m.out += typeof d === 'string' ? Buffer.byteLength(d) : d.length;
    m.writes++;
    return write(d);
  };
  return m;
}

async function probeOnce(sessions: Record<DeviceKey, DeviceSession>) {
  const pair = asVrrp();
  const signal = AbortSignal.timeout(600_000);
  const running = { a: await readRunning(sessions.a, signal), b: await readRunning(sessions.b, signal) };
  const plans = { a: planDevice(pair, comware7, 'a', running.a), b: planDevice(pair, comware7, 'b', running.b) };
  const meters = { a: meter(sessions.a.channel.transport), b: meter(sessions.b.channel.transport) };
  const t0 = performance.now();
  const r = await probePair({ pair, pack: comware7, plans, sessions, signal });
  const seconds = (performance.now() - t0) / 1000;
  const lines = r.a.lines.length + r.b.lines.length;
  const confirmed = [...r.a.lines, ...r.b.lines].filter((l) => l.status === 'confirmed').length;
  if (confirmed !== lines) throw new Error(`${lines - confirmed} line(s) not confirmed by the lab`);
  return { seconds, lines, requests: r.a.requests + r.b.requests, perDevice: r, meters };
}

/** Median time of `f` on this machine now. */
async function medianMs(f: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < RTT_SAMPLES; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  return xs.sort((x, y) => x - y)[(RTT_SAMPLES - 1) / 2]!;
}

async function sshRow(lab: Lab) {
  const sessions = {} as Record<DeviceKey, DeviceSession>;
  for (const [i, k] of KEYS.entries()) {
    const o = await openSession({
      target: { kind: 'ssh', host: '127.0.0.1', port: lab.members[i]!.ssh.port, username: LAB_USERNAME },
      credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
      hostKeyPolicy: { acceptNew: true },
      transcriptSink: new MemoryTranscriptSink(),
    });
    sessions[k] = o.session;
  }
  try {
    const exec = Math.max(...(await Promise.all(KEYS.map((k) => medianMs(() => sessions[k].exec(comware7.session.disablePaging, { check: false }))))));
    const help = Math.max(...(await Promise.all(KEYS.map((k) => medianMs(() => sessions[k].help(`${comware7.session.quit} `))))));
    const r = await probeOnce(sessions);
    // per device: each help request is one `?` and its erasing; every other write is a command
    const alone = Math.max(...KEYS.map((k) => r.perDevice[k].requests * help + (r.meters[k].writes - 2 * r.perDevice[k].requests) * exec));
    return {
      name: `probe over SSH: as-vrrp plan on both lab devices at once (${r.lines} lines, ${r.requests} help requests; bound ${SSH_MARGIN} × its round trips timed alone: ? ${help.toFixed(1)} ms, command ${exec.toFixed(1)} ms)`,
      measured: r.seconds,
      bound: (SSH_MARGIN * alone) / 1000,
      unit: 's',
    };
  } finally {
    await Promise.all(KEYS.map((k) => sessions[k].close()));
  }
}

async function consoleRow(lab: Lab) {
  const sessions = {} as Record<DeviceKey, DeviceSession>;
  for (const [i, k] of KEYS.entries()) {
    const transport = new SerialTransport({ path: lab.describe().devices[i]!.serial!, baud: BAUD });
    sessions[k] = await DeviceSession.connect({ pack: comware7, transport, transcript: new TranscriptRecorder(new MemoryTranscriptSink()), credentials: { username: LAB_USERNAME, password: LAB_PASSWORD }, loginMode: 'console' });
  }
  try {
    const r = await probeOnce(sessions);
    const bps = BAUD / 10;
    // The two devices are probed at once on their own lines: the slower line sets the time.
    const lineTime = Math.max(...KEYS.map((k) => Math.max(r.meters[k].in, r.meters[k].out))) / bps;
    const bytes = KEYS.map((k) => `${k.toUpperCase()} ${r.meters[k].in} B in, ${r.meters[k].out} B out`).join('; ');
    return {
      name: `probe over the console at ${BAUD} baud: as-vrrp plan (${r.lines} lines; ${bytes}; line time ${lineTime.toFixed(2)} s; bound = ${CONSOLE_GOAL} × line time; ratio to line time ${(r.seconds / lineTime).toFixed(3)})`,
      measured: r.seconds,
      bound: CONSOLE_GOAL * lineTime,
      unit: 's',
    };
  } finally {
    await Promise.all(KEYS.map((k) => sessions[k].close()));
  }
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-probe-'));
  // 127.10.248.0/24: a network no test or other bench uses
  const lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 248, stateFile: false, baud: BAUD, pair: asVrrp() });
  try {
    return [await sshRow(lab), await consoleRow(lab)];
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
