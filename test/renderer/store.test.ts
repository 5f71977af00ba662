// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridge } from '../../renderer/src/services/api';
import { createAppStore } from '../../renderer/src/store/index';
import { getIn, removeAt, setIn } from '../../renderer/src/store/doc-path';
import { DOC, fakeBridge, standardAnswers } from './fake-bridge';

afterEach(() => {
  setBridge(undefined);
  vi.useRealTimers();
});

describe('doc paths', () => {
  it('reads and writes the validator path syntax without mutating the document', () => {
    const doc = { vrrp: [{ vrid: 1 }], devices: { a: { sysname: 'x' } } };
    const next = setIn(doc, 'vrrp[0].vrid', 2) as typeof doc;
    expect(getIn(next, 'vrrp[0].vrid')).toBe(2);
    expect(doc.vrrp[0]!.vrid).toBe(1);
    expect(getIn(setIn(doc, 'devices.b.controlChannel.localIp', '1.1.1.1'), 'devices.b.controlChannel.localIp')).toBe('1.1.1.1');
    expect(setIn(doc, 'devices.a.sysname', undefined)).toEqual({ vrrp: [{ vrid: 1 }], devices: { a: {} } });
    expect(removeAt({ l: [1, 2, 3] }, 'l', 1)).toEqual({ l: [1, 3] });
  });
});

describe('store', () => {
  let fake: ReturnType<typeof fakeBridge>;
  let store: ReturnType<typeof createAppStore>;
  beforeEach(() => {
    fake = fakeBridge(standardAnswers());
    setBridge(fake.bridge);
    store = createAppStore();
  });

  it('boots once: info, settings, examples and lab status', async () => {
    await Promise.all([store.getState().start(), store.getState().start()]);
    const s = store.getState();
    expect(s.boot).toBe('ready');
    expect(s.info?.labAvailable).toBe(true);
    expect(s.settings?.theme).toBe('system');
    expect(s.examples.map((e) => e.id)).toEqual(['lab']);
    expect(fake.callsTo('app.info')).toHaveLength(1);
    expect(fake.callsTo('lab.status')).toHaveLength(1);
  });

  it('says why when the host cannot be reached', async () => {
    fake = fakeBridge({ 'app.info': () => ({ ok: false, error: { code: 'DISCONNECTED', message: 'The HotPair host is not reachable.' } }) });
    setBridge(fake.bridge);
    await store.getState().start();
    expect(store.getState()).toMatchObject({ boot: 'failed', bootError: { code: 'DISCONNECTED' } });
  });

  it('validates live after a pause in typing and renders only a valid pair', async () => {
    vi.useFakeTimers();
    store.getState().openDoc('test', DOC);
    await vi.runAllTimersAsync();
    expect(store.getState().editor).toMatchObject({ valid: true, checked: 'rules', validating: false });
    expect(store.getState().editor.render?.devices.a.lines[0]!.text).toBe('remote-backup group');
    const renders = fake.callsTo('pairs.render').length;

    store.getState().setField('devices.b.controlChannel.localIp', '10.2.1');
    store.getState().setField('devices.b.controlChannel.localIp', '10.2.1.1');
    expect(store.getState().editor.validating).toBe(true);
    const before = fake.callsTo('pairs.validate').length;
    await vi.runAllTimersAsync();
    expect(fake.callsTo('pairs.validate').length - before).toBe(1); // debounced: two edits, one check
    const e = store.getState().editor;
    expect(e.valid).toBe(false);
    expect(e.diagnostics[0]).toMatchObject({ rule: 'channel.local-ne-peer', path: 'devices.b.controlChannel.localIp' });
    expect(e.render).toBeUndefined();
    expect(fake.callsTo('pairs.render')).toHaveLength(renders);
  });

  it('drops a stale validation answer that arrives after a newer one', async () => {
    let releaseSlow: () => void = () => {};
    let first = true;
    fake = fakeBridge({
      ...standardAnswers(),
      'pairs.validate': (i) => {
        const answer = standardAnswers()['pairs.validate'](i);
        if (!first) return answer;
        first = false;
        return new Promise((r) => (releaseSlow = () => r(answer)));
      },
    });
    setBridge(fake.bridge);
    const bad = setIn(DOC, 'devices.b.controlChannel.localIp', '10.2.1.1');
    store.getState().openDoc('slow', bad); // first check: slow, and says invalid
    const fast = store.getState().validateNow(); // after an edit back to DOC below
    store.setState((s) => ({ editor: { ...s.editor, doc: DOC } }));
    await store.getState().validateNow();
    releaseSlow();
    await fast;
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().editor.valid).toBe(true);
  });

  it('starts the lab as an operation it can follow and cancel', async () => {
    let finish: () => void = () => {};
    fake = fakeBridge({
      ...standardAnswers(),
      'lab.start': () => new Promise((r) => (finish = () => r({ ok: true, data: { state: 'running', devices: [{ key: 'a', sysname: 'FW1' }] } }))),
      'ops.cancel': () => ({ ok: true, data: { cancelled: true } }),
    });
    setBridge(fake.bridge);
    const started = store.getState().startLab();
    const opId = store.getState().labOpId!;
    expect(opId).toMatch(/^op-/);
    expect(fake.callsTo('lab.start')[0]!.input).toEqual({ opId });
    store.getState().applyEvent({ event: 'op.progress', payload: { opId, channel: 'lab.start', step: 'starting device B', state: 'running' } });
    expect(store.getState().labStep).toBe('starting device B');
    store.getState().applyEvent({ event: 'op.progress', payload: { opId: 'op-someone-else', channel: 'x', step: 'other', state: 'running' } });
    expect(store.getState().labStep).toBe('starting device B');
    await store.getState().cancelLab();
    expect(fake.callsTo('ops.cancel')[0]!.input).toEqual({ opId });
    finish();
    await started;
    expect(store.getState()).toMatchObject({ lab: { state: 'running' }, labOpId: undefined });
  });

  it('keeps only serialisable data in state', async () => {
    await store.getState().start();
    store.getState().openDoc('x', DOC);
    const data = Object.fromEntries(Object.entries(store.getState()).filter(([, v]) => typeof v !== 'function'));
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
