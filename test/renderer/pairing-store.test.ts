// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stepBlocked } from '../../renderer/src/features/pairing/wizard/gates';
import { setBridge } from '../../renderer/src/services/api';
import { createAppStore } from '../../renderer/src/store/index';
import { DOC, fakeBridge } from './fake-bridge';
import { FP_A, SECRET, wizardAnswers } from './pairing-fakes';

describe('pairing wizard store', () => {
  let fake: ReturnType<typeof fakeBridge>;
  let store: ReturnType<typeof createAppStore>;
  const doc = structuredClone(DOC);
  beforeEach(() => {
    fake = fakeBridge(wizardAnswers());
    setBridge(fake.bridge);
    store = createAppStore();
    store.getState().openDoc('test', doc);
  });
  afterEach(() => setBridge(undefined));
  const w = () => store.getState().wizard;

  it('turns a first-seen host key into a question, then connects with the confirmed fingerprint; the password never enters the store', async () => {
    await store.getState().connect('a', { password: SECRET });
    expect(w().devices.a.status).toBe('failed');
    expect(w().devices.a.hostKey).toEqual({ fingerprint: FP_A, type: 'ssh-rsa', host: '127.0.0.1', port: 2201 });
    expect(w().devices.a.error).toBeUndefined();
    // The URL came from the pair file's connect.
    expect(fake.callsTo('devices.connect')[0]!.input).toMatchObject({ device: 'a', url: 'ssh://admin@127.0.0.1:2201', password: SECRET });

    await store.getState().connect('a', { password: SECRET }, FP_A);
    expect(fake.callsTo('devices.connect')[1]!.input).toMatchObject({ acceptHostKey: FP_A, password: SECRET });
    expect(w().devices.a).toMatchObject({ status: 'connected', info: { sysname: 'FW1', fingerprint: FP_A } });
    expect(JSON.stringify(store.getState())).not.toContain(SECRET);
  });

  it('declining a host key leaves the device unconnected with what to do', async () => {
    await store.getState().connect('a', { password: SECRET });
    store.getState().declineHostKey('a');
    expect(w().devices.a.hostKey).toBeUndefined();
    expect(w().devices.a.error?.fix).toMatch(/Check the fingerprint/);
  });

  it('builds a serial URL from the port picker and sends the console login', async () => {
    store.getState().editConnection('b', { kind: 'serial', serialPath: '/dev/ttyUSB0', baud: 'auto', username: 'admin' });
    await store.getState().connect('b', { password: SECRET });
    expect(fake.callsTo('devices.connect')[0]!.input).toMatchObject({ device: 'b', url: 'serial:///dev/ttyUSB0?baud=auto', username: 'admin' });
  });

  it('opens steps only when their inputs exist, and says why not', async () => {
    const s = () => store.getState();
    expect(stepBlocked(s(), 'discover')).toBe('connectBoth');
    await s().connect('a', { password: SECRET }, FP_A);
    await s().connect('b', { password: SECRET });
    expect(stepBlocked(s(), 'discover')).toBeUndefined();
    await s().validateNow();
    expect(stepBlocked(s(), 'plan')).toBeUndefined();
    expect(stepBlocked(s(), 'push')).toBe('planFirst');
    await s().makePlan();
    expect(stepBlocked(s(), 'push')).toBeUndefined();
    expect(stepBlocked(s(), 'verify')).toBe('pushFirst');
  });

  it('validates with the devices facts once discovered (pair.check instead of pairs.validate)', async () => {
    await store.getState().validateNow();
    expect(fake.callsTo('pair.check')).toHaveLength(0);
    await store.getState().discover();
    expect(w().discover).toMatchObject({ status: 'done', mismatches: [{ field: 'model', severity: 'error' }] });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('pair.check').length).toBeGreaterThan(0);
    expect(store.getState().editor.checked).toBe('facts');
  });

  it('follows batched push progress of its own operation only, keeps a console tail, and cancels by opId', async () => {
    await store.getState().makePlan();
    void store.getState().push();
    const opId = w().push.opId!;
    expect(w().push.status).toBe('running');
    store.getState().applyEvent({ event: 'pair.progress', payload: { opId: 'op-someone-else', devices: { a: { done: 9, total: 9, line: 'x' } }, messages: [] } });
    expect(w().push.lines.a).toBeUndefined();
    store.getState().applyEvent({ event: 'pair.progress', payload: { opId, stage: { name: 'channel', title: 'Stage 1 — control channel' }, devices: { a: { done: 3, total: 22, line: '[channel 3/9] local-ip 10.2.1.1' } }, messages: [{ level: 'info', text: 'Stage 1' }] } });
    expect(w().push).toMatchObject({ stage: { name: 'channel' }, lines: { a: { done: 3, total: 22 } }, log: [{ text: 'Stage 1' }] });
    store.getState().applyEvent({ event: 'devices.output', payload: { device: 'a', data: 'x'.repeat(15_000) } });
    store.getState().applyEvent({ event: 'devices.output', payload: { device: 'a', data: '<FW1>' + 'y'.repeat(15_000) } });
    expect(w().console.a.length).toBe(20_000);
    expect(w().console.a.endsWith('y')).toBe(true);

    await store.getState().cancelPush();
    expect(fake.callsTo('ops.cancel')[0]!.input).toEqual({ opId });
    expect(w().push.status).toBe('cancelling');
  });

  it('ends a rolled-back push as failed with its error, and a verified one on the Verify step', async () => {
    const rolled = { outcome: 'rolled-back', verified: false, saved: false, applied: { a: 3, b: 3 }, findings: [], error: { code: 'CANCELLED', message: 'Cancelled by the user.' }, rollback: { a: { typed: 4, errors: [], differences: [] }, b: { typed: 4, errors: [], differences: [] } } };
    fake = fakeBridge(wizardAnswers({ apply: () => ({ ok: true, data: rolled }) }));
    setBridge(fake.bridge);
    await store.getState().push();
    expect(w().push).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
    expect(w().step).toBe('push');

    fake = fakeBridge(wizardAnswers({ apply: () => ({ ok: true, data: { ...rolled, outcome: 'success', verified: true, saved: true, error: undefined, rollback: undefined, journal: '/j' } }) }));
    setBridge(fake.bridge);
    await store.getState().push();
    expect(w().push.status).toBe('done');
    expect(w().step).toBe('verify');
  });
});
