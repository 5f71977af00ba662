import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../src/host/index';
import type { HostEvent } from '../../src/contract/index';
import { fakeLab, GOOD_PAIR, tmpWorld } from './fixtures';

function host(lab?: ReturnType<typeof fakeLab>) {
  const w = tmpWorld();
  return { w, host: createHost({ version: '9.9.9', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile, lab: lab?.adapter }) };
}

describe('host', () => {
  it('answers app.info with the channels it implements', async () => {
    const { host: h } = host();
    const r = await h.invoke('app.info', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const info = r.data as { version: string; available: string[]; labAvailable: boolean };
    expect(info.version).toBe('9.9.9');
    expect(info.available).toContain('pairs.validate');
    expect(info.available).not.toContain('bundles.apply');
    expect(info.labAvailable).toBe(false);
  });

  it('answers a channel this host cannot serve with UNSUPPORTED and the reason, not fake data', async () => {
    const { host: h } = host();
    const lab = await h.invoke('lab.start', {});
    expect(lab).toEqual({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/lab\.start is not available yet: this host was started without the lab pair/) } });
  });

  it('refuses bad input with VALIDATION naming the path', async () => {
    const { host: h } = host();
    const r = await h.invoke('settings.set', { syslog: { address: 'x', port: 70000 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect((r.error.details as { issues: { path: unknown[] }[] }).issues[0]!.path).toEqual(['syslog', 'port']);
    expect((await h.invoke('nope.nope', {})).ok).toBe(false);
  });

  it('validates pair text: a good file is valid, a bad address names its path, a syntax error its line', async () => {
    const { host: h } = host();
    const good = await h.invoke('pairs.validate', { text: GOOD_PAIR });
    expect(good).toMatchObject({ ok: true, data: { valid: true } });
    const bad = await h.invoke('pairs.validate', { text: GOOD_PAIR.replace('10.2.1.2', '10.2.1.300') });
    expect(bad.ok && bad.data).toMatchObject({ valid: false });
    const d = bad.ok ? (bad.data as { diagnostics: { path: string; message: string; line?: number }[] }).diagnostics : [];
    expect(d[0]).toMatchObject({ path: 'devices.b.controlChannel.localIp', message: expect.stringMatching(/IPv4 or IPv6/), line: 16 });
    const syntax = await h.invoke('pairs.validate', { text: 'name: [unclosed\n' });
    const sd = syntax.ok ? (syntax.data as { diagnostics: { rule: string; line?: number }[] }).diagnostics : [];
    expect(sd[0]).toMatchObject({ rule: 'file.syntax', line: expect.any(Number) });
    const unknown = await h.invoke('pairs.validate', { text: GOOD_PAIR + 'modee: x\n' });
    expect(JSON.stringify(unknown)).toMatch(/modee/);
    const rule = await h.invoke('pairs.validate', { text: GOOD_PAIR.replace('10.2.1.2', '10.2.1.1') });
    expect(rule).toMatchObject({ ok: true, data: { checked: 'rules', valid: false, diagnostics: [{ rule: 'channel.local-ne-peer' }] } });
  });

  it('serves the pair JSON Schema and the examples', async () => {
    const { host: h } = host();
    const s = await h.invoke('pairs.schema', {});
    expect(s.ok && JSON.stringify(s.data)).toMatch(/controlChannel/);
    const list = await h.invoke('examples.list', {});
    expect(list).toEqual({ ok: true, data: { examples: [{ id: 'as-basic', title: 'A/S test pair second comment line' }] } });
    const one = await h.invoke('examples.get', { id: 'as-basic' });
    expect(one.ok && (one.data as { doc: { name: string } }).doc.name).toBe('site-1');
    expect(await h.invoke('examples.get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('persists settings atomically and merges patches', async () => {
    const { host: h, w } = host();
    const r = await h.invoke('settings.set', { theme: 'dark' });
    expect(r).toMatchObject({ ok: true, data: { theme: 'dark', syslog: { port: 5514 } } });
    expect(JSON.parse(readFileSync(w.settingsFile, 'utf8')).theme).toBe('dark');
    const again = createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile });
    expect(await again.invoke('settings.get', {})).toMatchObject({ ok: true, data: { theme: 'dark' } });
  });

  it('runs lab.start as an operation: progress events, status events, cancel by opId', async () => {
    const lab = fakeLab();
    const { host: h } = host(lab);
    const seen: HostEvent[] = [];
    h.onEvent((e) => seen.push(e));
    const started = h.invoke('lab.start', { opId: 'op-12345678' });
    await new Promise((r) => setTimeout(r, 10));
    expect(await h.invoke('lab.start', { opId: 'op-12345678' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await h.invoke('ops.cancel', { opId: 'op-12345678' })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await started).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(seen.some((e) => e.event === 'op.progress' && e.payload.step === 'starting device A')).toBe(true);
    expect(seen.some((e) => e.event === 'op.progress' && e.payload.state === 'cancelled')).toBe(true);
    expect(await h.invoke('lab.status', {})).toEqual({ ok: true, data: { state: 'stopped', devices: [] } });
    expect(await h.invoke('ops.cancel', { opId: 'op-12345678' })).toEqual({ ok: true, data: { cancelled: false } });

    const second = h.invoke('lab.start', {});
    await new Promise((r) => setTimeout(r, 10));
    lab.release();
    expect(await second).toMatchObject({ ok: true, data: { state: 'running', devices: [{ sysname: 'LAB-A' }], pairDoc: { name: 'site-1' } } });
    expect(seen.filter((e) => e.event === 'lab.status').map((e) => e.payload.state)).toEqual(['starting', 'stopped', 'starting', 'running']);
    await h.dispose();
    expect(lab.stopped.count).toBe(1);
  });

  it('turns a thrown error into INTERNAL with its message and no stack', async () => {
    const lab = fakeLab({ fail: new Error('port in use') });
    const { host: h } = host(lab);
    const r = await h.invoke('lab.start', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'port in use' } });
  });
});

describe('host render', () => {
  it('renders both devices for a valid pair and refuses an invalid one with its diagnostics', async () => {
    const { host: h } = host();
    const r = await h.invoke('pairs.render', { text: GOOD_PAIR });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.data as { devices: { a: { lines: { text: string; stage: string }[]; undo: string[] } } };
    expect(d.devices.a.lines.some((l) => /remote-backup group/.test(l.text))).toBe(true);
    expect(d.devices.a.undo.length).toBeGreaterThan(0);
    const bad = await h.invoke('pairs.render', { text: GOOD_PAIR.replace('10.2.1.2', '10.2.1.1') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { diagnostics: [{ rule: 'channel.local-ne-peer' }] } } });
  });

  it('takes an answer to a running operation as an answer, not as a second run of the same opId', async () => {
    const lab = fakeLab();
    const { host: h } = host(lab);
    const running = h.invoke('lab.start', { opId: 'op-answer-1' });
    await new Promise((r) => setTimeout(r, 10));
    // Nothing of this run is waiting for a cable answer, so it is not accepted; but it is not a CONFLICT either.
    expect(await h.invoke('oneCable.answer', { opId: 'op-answer-1', answer: 'undo-a' })).toEqual({ ok: true, data: { accepted: false } });
    lab.release();
    expect(await running).toMatchObject({ ok: true });
    await h.dispose();
  });
});
