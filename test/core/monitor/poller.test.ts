import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/base/errors';
import { backoffMs, type DeviceLink, pollPair, type PollSession } from '../../../src/core/monitor/poller';
import type { Observation } from '../../../src/core/monitor/types';

const STATUS = (running: string) => `Local remote backup group information:
  Backup mode: Active/standby
  Device management role: Primary
  Device running status: ${running}
  Control channel status: Connected
  Keepalive interval: 1s
  Keepalive count: 3
`;

/** A device whose answers the test controls: up/down, and what it prints. */
class FakeDevice implements DeviceLink {
  up = true;
  opens = 0;
  running = 'Active';
  commands: string[] = [];
  async open(): Promise<PollSession> {
    this.opens += 1;
    if (!this.up) throw new AppError('CONNECT_FAILED', 'connection refused');
    return {
      prompt: { hostname: 'FW1' },
      exec: async (cmd: string) => {
        this.commands.push(cmd);
        if (!this.up) throw new AppError('DISCONNECTED', 'connection closed');
        if (cmd === 'display track all') throw new AppError('COMMAND_REJECTED', '% Unrecognized command');
        if (cmd === 'display vrrp') return { output: 'IPv4 Virtual Router Information:\n Running Mode      : Standard\n' };
        return { output: STATUS(this.running) };
      },
      close: () => undefined,
    };
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pollPair', () => {
  it('polls both devices each interval, parses them, and survives a refused optional command', async () => {
    const a = new FakeDevice();
    const b = new FakeDevice();
    b.running = 'Standby';
    const obs: Observation[] = [];
    const ctrl = new AbortController();
    const done = pollPair({ a, b }, { pair: 'p', intervalMs: 50, signal: ctrl.signal, onObservation: (o) => obs.push(o) });
    await wait(180);
    ctrl.abort();
    await done;
    const polls = obs.filter((o) => o.kind === 'poll');
    expect(polls.length).toBeGreaterThanOrEqual(4);
    const lastB = polls.filter((o) => o.kind === 'poll' && o.device === 'b').at(-1);
    expect(lastB).toMatchObject({ sysname: 'FW1', rbm: { runningStatus: 'Standby', keepaliveCount: 3 }, vrrp: [] });
    expect(lastB && 'tracks' in lastB).toBe(false);
    expect(a.opens).toBe(1);
  });

  it('turns a dead device into poll-failed observations and reconnects with backoff', async () => {
    const a = new FakeDevice();
    const b = new FakeDevice();
    const obs: Observation[] = [];
    const ctrl = new AbortController();
    const done = pollPair({ a, b }, { pair: 'p', intervalMs: 20, signal: ctrl.signal, onObservation: (o) => obs.push(o), backoff: { initialMs: 40, maxMs: 80 } });
    await wait(50);
    a.up = false;
    await wait(400);
    const opensWhileDown = a.opens;
    a.up = true;
    await wait(150);
    ctrl.abort();
    await done;
    const failures = obs.filter((o) => o.kind === 'poll-failed' && o.device === 'a');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    // 400 ms down at a 20 ms interval would be ~20 attempts without backoff; with 40→80 ms, ≤ 8.
    expect(opensWhileDown).toBeLessThanOrEqual(9);
    expect(obs.at(-1)).toBeDefined();
    const lastA = obs.filter((o) => 'device' in o && o.device === 'a').at(-1);
    expect(lastA?.kind).toBe('poll');
    expect(obs.filter((o) => o.kind === 'poll-failed' && o.device === 'b')).toHaveLength(0);
  });

  it('backoff doubles up to its cap', () => {
    const b = { initialMs: 1000, maxMs: 8000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, b))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
