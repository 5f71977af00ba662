/**
 * The lab console has one line speed, like a real UART: auto-baud must find it whichever of the
 * speeds HotPair tries it is, and a fixed wrong speed must end in WRONG_BAUD (not a timeout, not
 * a login) — against the real PTY console, reading the speed the client set on its end.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryTranscriptSink, TranscriptRecorder } from '../../../src/core/channel/transcript';
import { compilePack } from '../../../src/core/channel/patterns';
import { isAppError } from '../../../src/core/base/errors';
import { COMMON_BAUDS } from '../../../src/core/model/connect';
import { comware7 } from '../../../src/core/platforms/comware7';
import { DeviceSession } from '../../../src/core/session/session';
import { autoBaud } from '../../../src/core/transport/autobaud';
import { SerialTransport } from '../../../src/core/transport/node/serial';
import { misread } from '../../../src/lab/hosts/uart';
import { LAB_PASSWORD, LAB_USERNAME, startLab, type Lab } from '../../../src/lab/lab';

/** Each probe waits this long for an answer; the lab answers a right-speed Enter within a few ms. */
const PER_TRY_MS = 400;
/** Bytes the lab wrote before the client opened can still be in socat's buffer: this long covers them. */
const SETTLE_MS = 300;

describe('misread: a UART at the wrong speed', () => {
  const prompt = Buffer.from('\r\n<FW1>');
  it('is the identity at the same speed and deterministic at another', () => {
    expect(misread(prompt, 9600, 9600)).toEqual(prompt);
    expect(misread(prompt, 115200, 9600)).toEqual(misread(prompt, 115200, 9600));
  });

  it('never reads the text sent at any other pair of the speeds auto-baud tries', () => {
    for (const tx of COMMON_BAUDS) {
      for (const rx of COMMON_BAUDS) {
        if (tx === rx) continue;
        const got = misread(prompt, tx, rx).toString('latin1');
        expect(got, `${tx} → ${rx}`).not.toContain('<FW1>');
      }
    }
  });

  it('a faster reader sees the long low bits as NULs and high-bit bytes; a slower one gets fewer bytes than were sent', () => {
    const fast = misread(Buffer.from('Press ENTER'), 9600, 115200);
    expect(fast.length).toBeGreaterThan(11);
    expect([...fast].filter((b) => b === 0 || b >= 0x80).length / fast.length).toBeGreaterThan(0.8);
    expect(misread(Buffer.from('Press ENTER'), 115200, 9600).length).toBeLessThan(11);
  });
});

const hasSocat = (process.env.PATH ?? '').split(':').some((d) => d !== '' && existsSync(join(d, 'socat')));

describe.skipIf(!hasSocat)('the lab console at each speed auto-baud tries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-console-speed-'));
  const labs: Lab[] = [];
  afterAll(async () => {
    await Promise.all(labs.map((l) => l.stop()));
    rmSync(dir, { recursive: true, force: true });
  });
  /** A lab whose console greeting has gone out: a probe meant for an idle console does not race the banner. */
  const start = async (baud: number, net: number): Promise<string> => {
    const lab = await startLab({ stateDir: join(dir, String(baud)), sshPortBase: 0, pairIndexBase: net, stateFile: false, baud });
    labs.push(lab);
    const console = lab.member('a').console!;
    for (let t0 = Date.now(); console.pendingOutput > 0 && Date.now() - t0 < 5000; ) await new Promise((r) => setTimeout(r, 50));
    return console.path;
  };

  COMMON_BAUDS.forEach((deviceBaud, i) => {
    // The wrong speed tried against this device: every speed auto-baud tries is the wrong one once.
    const wrong = COMMON_BAUDS[(i + 1) % COMMON_BAUDS.length]!;
    it(`device at ${deviceBaud}: auto-baud settles on ${deviceBaud} after garbage at the speeds before it; a console set to ${wrong} gets WRONG_BAUD`, async () => {
      const path = await start(deviceBaud, 84 + i);
      const t = new SerialTransport({ path, baud: wrong });
      await t.open();
      // The greeting's last bytes may still sit in socat when the port opens: let them arrive unheard.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      try {
        const r = await autoBaud(t, compilePack(comware7), { perTryMs: PER_TRY_MS });
        expect(r.baud).toBe(deviceBaud);
        const before = COMMON_BAUDS.slice(0, COMMON_BAUDS.indexOf(deviceBaud as never));
        expect(r.tried).toEqual([...before.map((baud) => ({ baud, outcome: 'garbage' })), { baud: deviceBaud, outcome: 'readable' }]);
      } finally {
        await t.close();
      }

      const t0 = Date.now();
      const e = await DeviceSession.connect({
        pack: comware7,
        transport: new SerialTransport({ path, baud: wrong }),
        transcript: new TranscriptRecorder(new MemoryTranscriptSink()),
        credentials: { username: LAB_USERNAME, password: LAB_PASSWORD },
        loginMode: 'console',
        baud: wrong,
        timeouts: { loginMs: 8000, idleMs: 1000 },
      }).then(
        (s) => s.close().then(() => new Error('logged in at the wrong speed')),
        (err: unknown) => err,
      );
      expect(isAppError(e) ? e.code : String(e)).toBe('WRONG_BAUD');
      expect((e as Error).message).toContain(`${wrong} baud`);
      // The pokes (3 × 300 ms of silence) and one idle limit: well inside the login time.
      expect(Date.now() - t0).toBeLessThan(4000);
    }, 20_000);
  });
});
