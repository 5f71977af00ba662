import { describe, expect, it } from 'vitest';
import { PacedPipe, TokenBucket } from '../../../src/lab/hosts/pacing';
import { toSyslog, syslogTarget } from '../../../src/lab/syslog';
import { defaultStateDir } from '../../../src/lab/state-dir';
import { blueprintLines, defaultBlueprints } from '../../../src/lab/blueprints';
import { checkFaultArg } from '../../../src/lab/faults';

describe('serial pacing (token bucket)', () => {
  it('moves 9600 baud = 960 bytes/s after the burst allowance', () => {
    let t = 0;
    const bucket = new TokenBucket(960, 96, () => t);
    expect(bucket.take(500)).toBe(96); // the burst
    expect(bucket.take(10)).toBe(0);
    t += 1000;
    expect(bucket.take(2000)).toBe(96); // capped at capacity, not 960
    t += 50;
    expect(bucket.take(100)).toBe(48);
    expect(bucket.waitMs()).toBe(2);
  });
  it('a paced pipe delivers in order at the line rate', async () => {
    const got: Buffer[] = [];
    const pipe = new PacedPipe((b) => got.push(b), new TokenBucket(2000, 20));
    const t0 = Date.now();
    pipe.push(Buffer.from('a'.repeat(150)));
    pipe.push(Buffer.from('b'.repeat(50)));
    while (Buffer.concat(got).length < 200) await new Promise((r) => setTimeout(r, 5));
    const took = Date.now() - t0;
    expect(Buffer.concat(got).toString()).toBe('a'.repeat(150) + 'b'.repeat(50));
    expect(took).toBeGreaterThanOrEqual(85); // (200 - 20 burst) bytes at 2000 B/s = 90 ms
    expect(took).toBeLessThan(1_000);
    pipe.close();
  });
  it('unpaced pipes pass through at once', () => {
    const got: string[] = [];
    new PacedPipe((b) => got.push(b.toString()), undefined).push(Buffer.from('x'));
    expect(got).toEqual(['x']);
  });
});

describe('syslog', () => {
  it('formats a log-buffer line as RFC 3164 with Comware’s %%10 marker (local7)', () => {
    const b = toSyslog('%Nov  5 14:03:09:123 2026 FW1 RBM/6/RBM_CHANNEL: Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected.');
    expect(b?.toString()).toBe('<190>Nov  5 14:03:09 2026 FW1 %%10RBM/6/RBM_CHANNEL: Local IP=10.2.1.1, remote IP=10.2.1.2, status=Connected.');
    expect(toSyslog('%Nov 25 14:03:09:123 2026 FW2 VRRP4/4/X: t')?.toString()).toMatch(/^<188>Nov 25 /);
    expect(toSyslog('not a log line')).toBeUndefined();
  });
  it('delivers non-loopback loghosts to 127.0.0.1', () => {
    expect(syslogTarget('10.9.9.9')).toBe('127.0.0.1');
    expect(syslogTarget('127.0.0.5')).toBe('127.0.0.5');
  });
});

describe('lab setup', () => {
  it('state dir is lab/ in the tool\'s state folder: HOTPAIR_STATE_DIR, else XDG_STATE_HOME, else ~/.local/state', () => {
    const linux = (env: Record<string, string>) => ({ platform: 'linux' as const, env, home: '/home/eng' });
    expect(defaultStateDir(linux({ HOTPAIR_STATE_DIR: '/s', XDG_STATE_HOME: '/x/state' }))).toBe('/s/lab');
    expect(defaultStateDir(linux({ XDG_STATE_HOME: '/x/state' }))).toBe('/x/state/hotpair/lab');
    expect(defaultStateDir(linux({}))).toBe('/home/eng/.local/state/hotpair/lab');
  });
  it('default devices are addressed and carry no RBM', () => {
    const [a, b] = defaultBlueprints();
    expect(blueprintLines(a)).toContain(' ip address 10.2.1.1 255.255.255.0');
    expect(blueprintLines(b)).toContain(' ip address 10.1.1.2 255.255.255.0');
    expect(blueprintLines(a).some((l) => l.startsWith('remote-backup'))).toBe(false);
  });
  it('checks fault arguments', () => {
    expect(checkFaultArg('link-down', undefined)).toMatch(/needs an interface/);
    expect(checkFaultArg('traffic', 'x')).toMatch(/whole number/);
    expect(checkFaultArg('power-off', 'x')).toMatch(/takes no argument/);
    expect(checkFaultArg('track-negative', '3')).toBeUndefined();
  });
});
