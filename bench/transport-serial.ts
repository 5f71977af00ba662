/**
 * Push a 150-line configuration through the lab console paced at 9600 baud, against the
 * line-rate bound: the bytes each way during the push ÷ 960 bytes/s, the larger direction.
 * Goal: measured ≤ 1.15 × bound (the row's bound is that goal, so ratio ≤ 1 meets it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTranscriptSink, TranscriptRecorder } from '../src/core/channel/transcript';
import { comware7 } from '../src/core/platforms/comware7';
import { DeviceSession } from '../src/core/session/session';
import { SerialTransport } from '../src/core/transport/node/serial';
import { LAB_PASSWORD, LAB_USERNAME, startLab } from '../src/lab/lab';
import { benchConfig } from './_transport-common';

const BAUD = 9600;
const GOAL = 1.15;

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-serial-'));
  const lab = await startLab({ stateDir: dir, sshPortBase: 0, pairIndexBase: 120, stateFile: false, baud: BAUD });
  try {
    const transport = new SerialTransport({ path: lab.describe().devices[0]!.serial!, baud: BAUD });
    const session = await DeviceSession.connect({
      pack: comware7,
      transport,
      transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
      credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
      loginMode: 'console',
    });
    const lines = benchConfig();
    let bytesIn = 0;
    const sub = transport.onData((c) => (bytesIn += c.length));
    const bytesOut = [comware7.session.enterSystemView, ...lines, comware7.session.returnToUser].reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    const t0 = performance.now();
    await session.sendConfig(lines);
    const seconds = (performance.now() - t0) / 1000;
    sub.dispose();
    await session.close();
    const bps = transport.bytesPerSecond;
    const lineTime = Math.max(bytesIn, bytesOut) / bps;
    return [
      {
        name: `serial: 150-line push at ${BAUD} baud (${bytesIn} B in, ${bytesOut} B out; line time ${lineTime.toFixed(2)} s; bound = ${GOAL} × line time; ratio to line time ${(seconds / lineTime).toFixed(3)})`,
        measured: seconds,
        bound: GOAL * lineTime,
        unit: 's',
      },
    ];
  } finally {
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
