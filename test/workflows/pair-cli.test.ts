import { describe, expect, it } from 'vitest';
import { EXIT, runPairCli } from '../../src/cli/commands/pair';
import { parseLoghost } from '../../src/cli/pair-file';
import type { Pair } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { SessionFactory } from '../../src/core/provision/types';
import { LabDevice } from '../../src/lab/device/index';
import { EXAMPLES } from '../core/render/examples';
import { useTempDataDir } from './temp-data-dir';
import { InProcessSession } from '../core/provision/in-process-session';

/** `hotpair pair` output and exit codes, with in-process appliances behind the session factory. */
describe('hotpair pair: printing and exit codes', () => {
  useTempDataDir('hotpair-pair-cli-');

  const pair = EXAMPLES['as-vrrp'] as Pair;
  type Extra = Pick<Parameters<typeof runPairCli>[0], 'askLoghost'>;
  const run = async (flags: Parameters<typeof runPairCli>[0]['flags'], edit?: (s: InProcessSession) => void, p: Pair = pair, extra: Extra = {}) => {
    const devices = { a: new LabDevice({ key: 'a', sysname: p.devices.a.sysname }), b: new LabDevice({ key: 'b', sysname: p.devices.b.sysname }) };
    const open: SessionFactory = async (k) => {
      const s = new InProcessSession(devices[k]);
      if (k === 'b') edit?.(s);
      return s;
    };
    let out = '';
    let err = '';
    const code = await runPairCli({ pair: p, pack: comware7, flags, open, io: { out: (t) => void (out += t), err: (t) => void (err += t) }, ...extra });
    return { code, out, err, devices };
  };

  it('refuses to push without a terminal unless --yes (exit 2)', async () => {
    const r = await run({});
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/refusing to push without a terminal/);
  });

  it('--dry-run prints preflight, the health matrix and the per-device diff, exit 0', async () => {
    const r = await run({ dryRun: true });
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Pair health \(before the push\):/);
    expect(r.out).toMatch(/Device A \(FW1\): 0 to remove, \d+ to add/);
    expect(r.out).toMatch(/^ {2}\+ remote-backup group$/m);
    expect(r.out).toMatch(/Dry run: nothing was pushed\./);
  });

  it('a rejected line: rollback report and exit 1', async () => {
    const r = await run({ yes: true }, (s) => {
      const exec = s.exec.bind(s);
      s.exec = async (c, o) => (c === 'keepalive count 10' ? exec('keepalive count 999', o) : exec(c, o));
    });
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toMatch(/COMMAND_REJECTED/);
    expect(r.out).toMatch(/Device B: \d+ undo lines? typed; configuration equals the copy taken before the push/);
    expect(r.out).toMatch(/Failed; both devices were rolled back/);
    expect(r.out).toMatch(/Journal: .*\.jsonl/);
  });

  it('preflight errors: exit 1, every finding printed with its fix, nothing pushed', async () => {
    const bad = structuredClone(pair);
    bad.devices.a.dataChannel.interface = 'GigabitEthernet7/0/7';
    const r = await run({ yes: true }, undefined, bad);
    expect(r.code).toBe(EXIT.failed);
    expect(r.out).toMatch(/error: device a has no interface GigabitEthernet7\/0\/7 \[devices\.a\.dataChannel\.interface\] \(preflight\.interfaces\)\n {2}fix: /);
    expect(r.out).toMatch(/nothing was pushed/);
  });

  describe('--loghost (issue 6: point the loghost at the monitor)', () => {
    it('parses HOST[:PORT], IPv6 in brackets, port 5514 (the monitor default) by default, and refuses names and bad ports', () => {
      expect(parseLoghost('192.0.2.50:5514')).toEqual({ ok: true, loghost: { address: '192.0.2.50', port: 5514 } });
      expect(parseLoghost('192.0.2.50')).toEqual({ ok: true, loghost: { address: '192.0.2.50', port: 5514 } });
      expect(parseLoghost('[2001:db8::50]:1514')).toEqual({ ok: true, loghost: { address: '2001:db8::50', port: 1514 } });
      expect(parseLoghost('2001:db8::50')).toEqual({ ok: true, loghost: { address: '2001:db8::50', port: 5514 } });
      expect(parseLoghost('monitor.example:514')).toMatchObject({ ok: false, message: expect.stringMatching(/not an IPv4 or IPv6 address/) });
      expect(parseLoghost('192.0.2.50:70000')).toMatchObject({ ok: false, message: expect.stringMatching(/outside 1-65535/) });
      expect(parseLoghost('192.0.2.50:')).toMatchObject({ ok: false });
    });

    it('--loghost puts the loghost line in both plans; a bad value is a usage error (exit 2) before any connection', async () => {
      const r = await run({ dryRun: true, loghost: '192.0.2.50:5514' });
      expect(r.code).toBe(EXIT.ok);
      expect(r.out.match(/^ {2}\+ info-center loghost 192\.0\.2\.50 port 5514$/gm)).toHaveLength(2);
      const bad = await run({ dryRun: true, loghost: 'monitor:514' });
      expect(bad.code).toBe(EXIT.usage);
      expect(bad.err).toMatch(/--loghost "monitor:514"/);
      expect(bad.out).toBe('');
    });

    it('asks on a terminal without --yes (Enter skips), never with --yes', async () => {
      const asked: string[] = [];
      const answer = (a: string) => async (q: string) => (asked.push(q), a);
      const skipped = await run({ dryRun: true }, undefined, pair, { askLoghost: answer('') });
      expect(asked).toHaveLength(1);
      expect(skipped.out).not.toMatch(/info-center loghost/);
      const given = await run({ dryRun: true }, undefined, pair, { askLoghost: answer('192.0.2.9') });
      expect(given.out).toMatch(/^ {2}\+ info-center loghost 192\.0\.2\.9 port 5514$/m);
      const never = async (): Promise<string> => {
        throw new Error('asked despite --yes');
      };
      const yes = await run({ yes: true, dryRun: true }, undefined, pair, { askLoghost: never });
      expect(yes.code).toBe(EXIT.ok);
      expect(yes.out).not.toMatch(/info-center loghost/);
      expect(asked).toHaveLength(2);
    });
  });
});
