import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceKey } from '../../src/core/model/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import type { JournalRecord } from '../../src/core/provision/journal';
import type { OneCableEvent, OneCableInput } from '../../src/core/provision/one-cable/types';
import { runOneCable } from '../../src/core/provision/one-cable/workflow';
import type { CableEnd } from '../../src/lab/one-cable';
import { examplePair, fast, memoryJournal } from './lab-pair';
import { startCableLab, type CableLab } from './one-cable-lab';

const NET = 254;
let lab: CableLab | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const pair = examplePair('lab', fast);
const steps = (events: OneCableEvent[]) => events.flatMap((e) => (e.kind === 'step' ? [e.to ? `${e.step}:${e.to}` : e.step] : []));

/**
 * The run's inputs with an engineer who plugs the cable where `plug` says each time the run asks
 * for a move (default: where it asks), so a mistaken plug-in can be played.
 */
function run(l: CableLab, events: OneCableEvent[], journal = memoryJournal(), plug?: (to: DeviceKey, n: number) => CableEnd, extra: Partial<OneCableInput> = {}) {
  let moves = 0;
  const emit = (e: OneCableEvent) => {
    events.push(e);
    if (e.kind === 'step' && e.step === 'move-cable') void l.lab.cable(plug ? plug(e.to as DeviceKey, moves++) : (e.to as DeviceKey), 300);
  };
  return { journal, input: { pair, pack: comware7, open: l.open, waitForCable: l.waitForCable, journal, emit, timeouts: { verifyMs: 20_000, cableMs: 20_000 }, meta: { runId: 'one-cable-test', target: `serial://${l.port}?baud=9600`, tool: 'test' }, ...extra } satisfies OneCableInput };
}

describe('one console cable: commissioning resources/examples/lab.yaml one device at a time', () => {
  it('A, then the cable to B (A plugged in again by mistake is refused), to a verified pair saved on both', async () => {
    lab = await startCableLab(NET);
    const events: OneCableEvent[] = [];
    // The first time the run asks for B the engineer plugs into A again; the run says so and waits.
    const { journal, input } = run(lab, events, undefined, (to, n) => (n === 0 ? 'a' : to));
    const r = await runOneCable(input);
    expect(r.error).toBeUndefined();
    expect(r.outcome).toBe('success');
    expect(steps(events)).toEqual(['on-a', 'on-b', 'move-cable:b', 'wrong-device', 'move-cable:b', 'done']);
    expect(events.find((e) => e.kind === 'step' && e.step === 'wrong-device')).toMatchObject({ text: expect.stringMatching(/device A again \(sysname FW1, serial/) });
    // The journal: A's part, the moves, who answered each time, B's part, both saves.
    const recs = journal.records;
    const answered = recs.flatMap((x) => (x.type === 'answered' ? [`${x.expected}:${x.device ?? '?'}:${x.sysname}`] : []));
    expect(answered).toEqual(['a:a:FW1', 'b:a:FW1', 'b:b:FW2']);
    expect(recs.filter((x) => x.type === 'cable').map((x) => x.type === 'cable' && `${x.phase}:${x.to}`)).toEqual(['wait:b', 'plugged:b', 'wait:b', 'plugged:b']);
    expect(recs.filter((x): x is Extract<JournalRecord, { type: 'stage' }> => x.type === 'stage' && x.name.startsWith('one-cable')).map((x) => `${x.name}:${x.phase}`)).toEqual(['one-cable:a:begin', 'one-cable:a:done', 'one-cable:b:begin', 'one-cable:b:done']);
    expect(recs.filter((x) => x.type === 'save').map((x) => x.type === 'save' && `${x.device}:${x.ok}`)).toEqual(['a:true', 'b:true']);
    // A's commit delay ended on A before the cable moved, B's after verification.
    const cd = recs.filter((x) => x.type === 'commit-delay').map((x) => x.type === 'commit-delay' && `${x.device}:${x.phase}`);
    expect(cd).toEqual(['a:start', 'a:confirm', 'b:start', 'b:confirm']);
    expect(recs.findIndex((x) => x.type === 'commit-delay' && x.device === 'a' && x.phase === 'confirm')).toBeLessThan(recs.findIndex((x) => x.type === 'cable'));
    // The pair as the devices see it, and saved: a power cycle keeps it.
    const a = lab.lab.engine('a');
    expect(a.runningStatus()).toBe('Active');
    expect(lab.lab.engine('b').runningStatus()).toBe('Standby');
    expect(lab.lab.member('a').device.saved.rbm?.role).toBe('primary');
    expect(lab.lab.member('b').device.saved.rbm?.role).toBe('secondary');
    expect(r.health.after?.find((c) => c.id === 'control-channel')?.status).toBe('pass');
  }, 120_000);

  it('a failed verification on B: B rolled back at once, A undone from the journal once the cable is back on A', async () => {
    lab = await startCableLab(NET);
    const beforeA = lab.config('a');
    const beforeB = lab.config('b');
    await lab.lab.inject('a', 'cut-control-channel'); // the channel never comes up: verification from B cannot pass
    const events: OneCableEvent[] = [];
    let offered = 0;
    const { journal, input } = run(lab, events, undefined, undefined, { timeouts: { verifyMs: 6_000, cableMs: 20_000 }, undoA: async () => (offered++, true) });
    const r = await runOneCable(input);
    expect(r.outcome).toBe('rolled-back');
    expect(r.error?.code).toBe('VERIFY_FAILED');
    expect(offered).toBe(1);
    expect(steps(events)).toEqual(['on-a', 'on-b', 'move-cable:b', 'undo-b', 'left-on-a', 'move-cable:a', 'undo-a', 'done']);
    expect(events.find((e) => e.kind === 'step' && e.step === 'left-on-a')).toMatchObject({ text: expect.stringMatching(/Device A keeps its part: \d+ lines?, saved/) });
    expect(r.rollback?.a?.differences).toEqual([]);
    expect(r.rollback?.b?.differences).toEqual([]);
    expect(lab.config('a')).toBe(beforeA);
    expect(lab.config('b')).toBe(beforeB);
    // A had been saved before the cable moved: after its undo the saved configuration is clean again.
    expect(lab.lab.member('a').device.saved.rbm).toBeUndefined();
    expect(journal.records.at(-1)).toMatchObject({ type: 'run-end', outcome: 'rolled-back' });
  }, 120_000);

  it('the tool stopped between A and B: the journal takes the run up on B', async () => {
    lab = await startCableLab(NET);
    const events: OneCableEvent[] = [];
    const ctrl = new AbortController();
    const journal = memoryJournal();
    const first = run(lab, events, journal, undefined, { signal: ctrl.signal });
    const emit = first.input.emit;
    // Killed while the engineer moves the cable: nothing more is written after the cable request.
    const r1 = await runOneCable({ ...first.input, emit: (e) => (emit(e), e.kind === 'step' && e.step === 'move-cable' && ctrl.abort()) });
    expect(r1.outcome).toBe('failed');
    expect(journal.records.some((x) => x.type === 'run-end')).toBe(false);
    await new Promise((res) => setTimeout(res, 800)); // the cable reaches B meanwhile
    const typedOnA = journal.records.filter((x) => x.type === 'step' && x.device === 'a').length;

    const later: OneCableEvent[] = [];
    const again = run(lab, later, journal, undefined, { resume: journal.text() });
    const r2 = await runOneCable(again.input);
    expect(r2.error).toBeUndefined();
    expect(r2.outcome).toBe('success');
    // Taken up on B at once: A's part is not typed again.
    expect(steps(later)).toEqual(['resume', 'on-b', 'done']);
    expect(journal.records.filter((x) => x.type === 'run-start')).toHaveLength(1);
    expect(journal.records.filter((x) => x.type === 'step' && x.device === 'a').length).toBe(typedOnA);
    expect(lab.lab.engine('b').runningStatus()).toBe('Standby');
    expect(lab.lab.member('b').device.saved.rbm?.role).toBe('secondary');
  }, 120_000);
});
