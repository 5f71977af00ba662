/**
 * The app's Monitor warnings (a syslog port already taken, a history store that fails) produced
 * for real through the host's monitor, then said from what the host sends: in English exactly the
 * host's own text, in Chinese and in the pseudo-locale with nothing but values (times, addresses,
 * ports, the pair's name, the system's reason) left outside the catalogue.
 */
import http from 'node:http';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MonitorBatchSchema, MonitorSnapshotSchema, type HostEvent, type MonitorBatch } from '../../src/contract/index';
import type { Message } from '../../src/core/base/message';
import type { EventStore } from '../../src/core/monitor/node/store';
import { createHost, type Host } from '../../src/host/index';
import { MonitorManager } from '../../src/host/monitor/manager';
import { Webhook, WebhookStatusError } from '../../src/core/monitor/node/webhook';
import type { MonitorEvent } from '../../src/core/monitor/types';
import { saidText } from '../../src/i18n/progress';
import { en, languageChecks, pseudo, zh } from './english-left';

const root = join(import.meta.dirname, '../..');

/** Latin words the Chinese keeps on purpose: the protocol's name. */
const ZH_TOKENS = ['syslog'];
const { expectChinese, expectPseudo } = languageChecks({ tokens: ZH_TOKENS, separators: /[\s，。；：、“”（）()"`.,:;…—\u4e00-\u9fff]+/, syntax: (w) => /\d/.test(w) });

// The lab pair file pointed at a port nothing listens on: the pair is watched, its devices never answer.
const pairText = readFileSync(join(root, 'resources/examples/lab.yaml'), 'utf8').replaceAll(/127\.0\.0\.1:220[12]/g, '127.0.0.1:1');

/** Every string param of a message and of the messages inside it: the values shown as written. */
function valuesOf(m: Message): string[] {
  return Object.values(m.params ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : typeof v === 'object' ? v.items.flatMap(valuesOf) : []));
}

/** A warning as the Monitor view says it, in the three languages; returns the Chinese. */
function said(english: string, m: Message): string {
  const values = valuesOf(m);
  expect(saidText(en, m, '(missing)')).toBe(english);
  const chinese = saidText(zh, m, '(missing)');
  expectChinese(chinese, values);
  expectPseudo(saidText(pseudo, m, '(missing)'), values);
  return chinese;
}

async function until<T>(what: string, probe: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the Monitor view\'s warnings, from the host', () => {
  it('a syslog port already taken: the snapshot and the pushed batches carry the coded warning', async () => {
    const squatter = net.createServer();
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => squatter.close(r)));
    const port = (squatter.address() as net.AddressInfo).port;
    const host: Host = createHost({ version: '0', mode: 'browser', examplesDir: join(root, 'resources/examples'), monitor: { syslogPort: port, metricsPort: false } });
    cleanups.push(() => host.dispose());
    const batches: MonitorBatch[] = [];
    host.onEvent((e: HostEvent) => e.event === 'monitor.events' && batches.push(MonitorBatchSchema.parse(e.payload)));

    const started = await host.invoke('monitor.start', { source: 'file', text: pairText, passwords: { a: 'x', b: 'y' } });
    expect(started.ok).toBe(true);
    const snap = await host.invoke('monitor.snapshot', {});
    if (!snap.ok) throw new Error(JSON.stringify(snap.error));
    const { receivers } = MonitorSnapshotSchema.parse(snap.data);
    expect(receivers.syslog).toBeUndefined();
    expect(receivers.warnings).toHaveLength(1);
    const m = receivers.warningsSaid?.[0];
    expect(m).toMatchObject({
      code: 'host.receiver.warning-at',
      params: { time: expect.stringMatching(/^\d\d:\d\d:\d\dZ$/), warning: { items: [{ code: 'host.receiver.syslog-not-started', params: { host: '127.0.0.1', port: String(port) } }] } },
    });
    const chinese = said(receivers.warnings[0]!, m!);
    expect(chinese).toContain(`未能在 127.0.0.1:${port} 启动 syslog 接收器`);

    // The view learns of it from a push as well, not only when it asks.
    const pushed = await until('a batch with the receivers', () => batches.find((b) => b.receivers)?.receivers);
    expect(pushed.warningsSaid).toEqual(receivers.warningsSaid);
  });

  it('a runtime\'s warning (the history store failing) names its pair and keeps its message', async () => {
    const manager = new MonitorManager({ emit: () => undefined, settings: () => Promise.resolve({ ...DEFAULT_SETTINGS, monitorIntervalSeconds: 1 }), options: { syslogPort: false, metricsPort: false } });
    cleanups.push(() => manager.dispose());
    await manager.start({ source: 'file', text: pairText, passwords: { a: 'x', b: 'y' } });
    // A store that can no longer write: the next events (the devices not answering) fail to be kept.
    (manager as unknown as { store: EventStore }).store.close();
    const receivers = await until('the store warning', () => {
      const r = manager.snapshot().receivers;
      return r.warnings.length > 0 ? r : undefined;
    });
    MonitorSnapshotSchema.parse(manager.snapshot());
    const m = receivers.warningsSaid![0]!;
    const inner = (m.params!.warning as { items: Message[] }).items[0]!;
    expect(inner).toMatchObject({ code: 'host.monitor-warning', params: { pair: 'lab' } });
    expect((inner.params!.warning as { items: Message[] }).items[0]).toMatchObject({ code: 'monitor.warning.store', params: { reason: expect.any(String) } });
    expect(receivers.warnings[0]).toMatch(/^\d\d:\d\d:\d\dZ lab: store: /);
    expect(said(receivers.warnings[0]!, m)).toMatch(/配对 lab：历史记录库：/);
  });
});

describe('a webhook that refuses an alert', () => {
  it('hands back the HTTP status as a number, so the warning is coded without reading its English', async () => {
    const srv = http.createServer((_req, res) => res.writeHead(403).end());
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => srv.close(r)));
    const failures: Error[] = [];
    const hook = new Webhook({ url: `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}/hook`, retries: 0, onError: (e) => failures.push(e) });
    const alert: MonitorEvent = { id: 'r-1', rev: 0, pair: 'lab', time: 1, kind: 'alert', rule: 'channel-down', severity: 'warning', message: 'control channel down' };
    hook.send([alert]);
    await hook.drain();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(WebhookStatusError);
    expect((failures[0] as WebhookStatusError).status).toBe(403);
  });
});
