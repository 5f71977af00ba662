import dgram from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHistory } from '../../../src/cli/commands/history';
import { parseFlap, runMonitor, type MonitorCliOptions } from '../../../src/cli/commands/monitor';
import type { DeviceLink } from '../../../src/core/monitor/poller';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const PAIR = `name: site-1
devices:
  a: { sysname: FW1, connect: 'ssh://admin@127.0.0.1:2201', controlChannel: { localIp: 10.2.1.1 }, dataChannel: { interface: GigabitEthernet1/0/3 } }
  b: { sysname: FW2, connect: 'ssh://admin@127.0.0.1:2202', controlChannel: { localIp: 10.2.1.2 }, dataChannel: { interface: GigabitEthernet1/0/3 } }
`;

const status = (running: string, channel: string) =>
  `Local remote backup group information:\n  Backup mode: Active/standby\n  Device running status: ${running}\n  Control channel status: ${channel}\n`;

/** B is standby, then (from the test) becomes active with the channel down, as after A's power-off. */
function links(state: { bActive: boolean }): Record<'a' | 'b', DeviceLink> {
  const link = (name: string, out: () => string): DeviceLink => ({
    open: async () => ({ prompt: { hostname: name }, exec: async () => ({ output: out() }), close: () => undefined }),
  });
  return {
    a: link('FW1', () => status('Active', 'Connected')),
    b: link('FW2', () => (state.bActive ? status('Active', 'Disconnected') : status('Standby', 'Connected'))),
  };
}

const opts = (dir: string, over: Partial<MonitorCliOptions> = {}): MonitorCliOptions => ({
  interval: '500ms',
  db: join(dir, 'h.sqlite'),
  syslog: '127.0.0.1:0',
  metrics: 'off',
  retention: '90',
  channelDown: '30s',
  flap: '3/10m',
  ...over,
});

describe('hotpair monitor / history', () => {
  it('parses --flap', () => {
    expect(parseFlap('3/10m')).toEqual({ flapCount: 3, flapMinutes: 10 });
    expect(parseFlap('x')).toBeUndefined();
  });

  it('rejects bad arguments with exit 2 and a message naming the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotpair-cli-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'p.yaml'), PAIR);
    const err: string[] = [];
    const code = await runMonitor(join(dir, 'p.yaml'), opts(dir, { interval: 'soon' }), { out: () => undefined, err: (s) => err.push(s), tty: false, rows: 40 });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/--interval "soon"/);
  });

  it('polls, writes history as it happens, prints events, and history reads them back as text, JSON and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotpair-cli-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'p.yaml'), PAIR);
    const state = { bActive: false };
    const out: string[] = [];
    let stop!: () => void;
    const stopSignal = new Promise<void>((r) => (stop = r));
    const run = runMonitor(join(dir, 'p.yaml'), opts(dir), { out: (s) => out.push(s), err: (s) => out.push(s), tty: false, rows: 40, links: () => links(state), stopSignal });
    await new Promise((r) => setTimeout(r, 800));
    state.bActive = true;
    // The syslog port is in the title line; the log line and the next poll must merge.
    const port = Number(/syslog udp\+tcp 127\.0\.0\.1:(\d+)/.exec(out.join(''))?.[1]);
    const sock = dgram.createSocket('udp4');
    const line = '<190>Nov 25 14:00:03 2026 FW2 %%10RBM/4/RBM_STATUS: Running status changed from Standby to Active. Reason: Peer lost.';
    await new Promise<void>((r) => sock.send(line, port, '127.0.0.1', () => r()));
    sock.close();
    await new Promise((r) => setTimeout(r, 1200));
    stop();
    expect(await run).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/site-1 B switchover Standby → Active, cause: Peer lost \[log\]/);
    expect(text).toMatch(/\(updated\)/);

    const h: string[] = [];
    const io = { out: (s: string) => h.push(s), err: (s: string) => h.push(s), tty: false };
    expect(runHistory('site-1', { db: join(dir, 'h.sqlite'), since: '1h', json: true }, io)).toBe(0);
    const events = JSON.parse(h.join('')) as { kind: string; seenBy?: string; cause?: string }[];
    const sw = events.filter((e) => e.kind === 'switchover');
    expect(sw).toEqual([expect.objectContaining({ seenBy: 'both', cause: 'Peer lost' })]);
    expect(events.some((e) => e.kind === 'channel-down')).toBe(true);
    h.length = 0;
    expect(runHistory('site-1', { db: join(dir, 'h.sqlite'), since: '1h', csv: true, kind: 'switchover' }, io)).toBe(0);
    const csv = h.join('').trim().split('\r\n');
    expect(csv[0]).toBe('time,pair,device,kind,summary,seen_by,from,to,cause,id,rev');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/,site-1,b,switchover,.*,both,Standby,Active,Peer lost,/);
    h.length = 0;
    expect(runHistory('nope', { db: join(dir, 'h.sqlite'), since: '1h' }, io)).toBe(0);
    expect(h.join('')).toMatch(/no events for nope .*pairs in this history: site-1/);
    expect(runHistory('site-1', { db: join(dir, 'missing.sqlite'), since: '1h' }, io)).toBe(2);
  }, 15_000);
});
