import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../src/core/provision/journal';
import { readProgress } from '../../../src/core/provision/one-cable/progress';

const t = '2025-01-01T00:00:00.000Z';
const text = (rs: JournalRecord[]) => rs.map((r) => JSON.stringify(r)).join('\n');
const step = (device: 'a' | 'b', index: number, phase: 'begin' | 'done', undo: string[]): JournalRecord => ({ type: 'step', device, stage: 'channel', index, line: `line ${index}`, undo, phase, time: t });

describe('where a one-cable run stands, from its journal', () => {
  const start: JournalRecord = { type: 'run-start', runId: 'r1', pair: 'lab', pairFile: 'lab.yaml', time: t, targets: { a: 'serial:///dev/ttyUSB0', b: 'serial:///dev/ttyUSB0' }, tool: 'test', mode: 'one-cable' };

  it("killed between the devices: A's part done and saved, its undo kept, B untouched", () => {
    const p = readProgress(
      text([start, { type: 'pre-config', device: 'a', text: 'first' }, { type: 'pre-config', device: 'a', text: 'second' }, step('a', 0, 'begin', ['undo 0']), step('a', 0, 'done', ['undo 0']), step('a', 1, 'begin', ['undo 1']), step('a', 1, 'done', ['undo 1']), { type: 'save', device: 'a', ok: true, time: t }, { type: 'stage', name: 'one-cable:a', phase: 'done', time: t }, { type: 'cable', to: 'b', phase: 'wait', time: t }]) + '\n{"type":"step","dev',
    );
    expect(p).toMatchObject({ oneCable: true, pairFile: 'lab.yaml', target: 'serial:///dev/ttyUSB0', partDone: { a: true, b: false }, saved: { a: true, b: false }, undo: { a: [['undo 0'], ['undo 1']], b: [] } });
    expect(p.preConfig.a).toBe('first');
    expect(p.ended).toBeUndefined();
  });

  it('a line begun and never confirmed may have landed: its undo counts; a rollback clears what came before it', () => {
    const p = readProgress(text([start, step('b', 0, 'begin', ['u0']), step('b', 0, 'done', ['u0']), step('b', 1, 'begin', ['u1'])]));
    expect(p.undo.b).toEqual([['u0'], ['u1']]);
    const q = readProgress(text([start, step('b', 0, 'begin', ['u0']), step('b', 0, 'done', ['u0']), { type: 'rollback', device: 'b', phase: 'done', time: t }, step('b', 0, 'begin', ['v0']), step('b', 0, 'done', ['v0'])]));
    expect(q.undo.b).toEqual([['v0']]);
  });

  it('a two-device run is not a one-cable run', () => {
    expect(readProgress(text([{ ...start, mode: undefined } as JournalRecord])).oneCable).toBe(false);
  });
});
