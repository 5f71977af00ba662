import dgram from 'node:dgram';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MonitorReceivers } from '../../../src/core/monitor/node/receivers';
import { MonitorService } from '../../../src/core/monitor/service';
import { DEFAULT_ALERTS, type Observation } from '../../../src/core/monitor/types';

const service = (pair: string, a: string, b: string) => new MonitorService({ runId: 'r', correlationWindowMs: 5000, alerts: DEFAULT_ALERTS }, [{ name: pair, sysnames: { a, b } }]);
const devices = (pair: string, a: string, b: string) => [
  { pair, device: 'a' as const, sysname: a },
  { pair, device: 'b' as const, sysname: b },
];
const line = (host: string) => `<190>Nov 25 14:20:01 2026 ${host} %%10RBM/4/RBM_STATUS: Status changed from Standby to Active. Reason: Peer lost.`;

async function send(port: number, text: string): Promise<void> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r, j) => sock.send(text, port, '127.0.0.1', (e) => (e ? j(e) : r())));
  sock.close();
}

async function until(what: string, probe: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const open: MonitorReceivers[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

async function receivers(strict = true): Promise<MonitorReceivers> {
  const r = new MonitorReceivers();
  open.push(r);
  await r.open({ syslog: { host: '127.0.0.1', port: 0 }, metrics: { host: '127.0.0.1', port: 0 } }, { strict });
  return r;
}

describe('MonitorReceivers: one syslog receiver and one /metrics for every attached pair', () => {
  it('routes each log line to the service watching its pair, and stops when the pair leaves', async () => {
    const rx = await receivers();
    const s1 = service('site-1', 'FW1', 'FW2');
    const s2 = service('site-2', 'FW3', 'FW4');
    const seen1: Observation[] = [];
    const seen2: Observation[] = [];
    vi.spyOn(s1, 'observe').mockImplementation((o) => (seen1.push(o), []));
    vi.spyOn(s2, 'observe').mockImplementation((o) => (seen2.push(o), []));
    rx.attach(s1, devices('site-1', 'FW1', 'FW2'));
    const detach2 = rx.attach(s2, devices('site-2', 'FW3', 'FW4'));

    await send(rx.syslogPort!, line('FW4'));
    await send(rx.syslogPort!, line('FW1'));
    await until('both lines', () => seen1.length === 1 && seen2.length === 1);
    expect(seen1[0]).toMatchObject({ kind: 'log', pair: 'site-1', device: 'a' });
    expect(seen2[0]).toMatchObject({ kind: 'log', pair: 'site-2', device: 'b' });

    detach2();
    await send(rx.syslogPort!, line('FW3'));
    await send(rx.syslogPort!, line('FW2'));
    await until('the line for the pair still attached', () => seen1.length === 2);
    expect(seen2).toHaveLength(1);
  });

  it('serves every attached pair on one /metrics', async () => {
    const rx = await receivers();
    rx.attach(service('site-1', 'FW1', 'FW2'), devices('site-1', 'FW1', 'FW2'));
    rx.attach(service('site-2', 'FW3', 'FW4'), devices('site-2', 'FW3', 'FW4'));
    const text = await (await fetch(rx.metrics!.url)).text();
    expect(text).toMatch(/pair="site-1"/);
    expect(text).toMatch(/pair="site-2"/);
    expect(rx.describe()).toEqual({ syslog: `udp+tcp 127.0.0.1:${rx.syslogPort}`, metrics: rx.metrics!.url, warnings: [] });
  });

  it('a port already taken: the CLI (strict) fails with the address, the app carries on with a warning', async () => {
    const first = await receivers();
    const taken = { syslog: { host: '127.0.0.1', port: first.syslogPort! }, metrics: false as const };
    const strict = new MonitorReceivers();
    await expect(strict.open(taken, { strict: true })).rejects.toThrow(new RegExp(`^syslog receiver on 127\\.0\\.0\\.1:${first.syslogPort}: .*EADDRINUSE`));
    expect(strict.running).toBe(false);
    const warnings: string[] = [];
    const lenient = new MonitorReceivers({ onWarning: (m) => warnings.push(m) });
    open.push(lenient);
    await lenient.open(taken);
    expect(warnings).toEqual([expect.stringMatching(/^syslog receiver not started on 127\.0\.0\.1:\d+ .*polling only/)]);
    expect(lenient.describe().warnings).toHaveLength(1);
  });
});
