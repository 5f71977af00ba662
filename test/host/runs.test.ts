import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../src/host/index';
import { tmpWorld } from './fixtures';

const rec = (...r: object[]) => r.map((x) => JSON.stringify(x)).join('\n') + '\n';
const start = (pair: string, time: string) => ({ type: 'run-start', runId: `r-${pair}`, pair, time, targets: { a: 'ssh://a', b: 'ssh://b' }, tool: 'test' });
const step = (device: 'a' | 'b', index: number) => ({ type: 'step', device, stage: 'channel', index, line: `line ${index}`, phase: 'done', time: '2026-01-01T00:00:01Z' });

describe('pair.runs', () => {
  it('lists the journals newest first with outcome and applied counts, marking an interrupted run, and no configuration text', async () => {
    const w = tmpWorld();
    const data = join(w.root, 'data');
    const dir = join(data, 'journal');
    mkdirSync(dir, { recursive: true });
    const old = join(dir, 'site-1-2026-01-01T00-00-00-000Z.jsonl');
    writeFileSync(old, rec(start('site-1', '2026-01-01T00:00:00Z'), { type: 'pre-config', device: 'a', text: 'SECRET RUNNING CONFIG' }, step('a', 0), step('a', 1), step('b', 0), { type: 'run-end', outcome: 'success', time: '2026-01-01T00:00:09Z' }));
    utimesSync(old, new Date('2026-01-01T00:00:09Z'), new Date('2026-01-01T00:00:09Z'));
    writeFileSync(join(dir, 'lab-2026-02-01T00-00-00-000Z.jsonl'), rec(start('lab', '2026-02-01T00:00:00Z'), step('b', 0)));
    const h = createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile, dataDir: data });

    const r = await h.invoke('pair.runs', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const runs = (r.data as { runs: Record<string, unknown>[] }).runs;
    expect(runs.map((x) => [x.pair, x.outcome, x.interrupted, x.applied])).toEqual([
      ['lab', undefined, true, { a: 0, b: 1 }],
      ['site-1', 'success', false, { a: 2, b: 1 }],
    ]);
    expect(JSON.stringify(r.data)).not.toMatch(/SECRET RUNNING CONFIG/);
    const one = await h.invoke('pair.runs', { limit: 1 });
    expect(one.ok && (one.data as { runs: unknown[] }).runs).toHaveLength(1);
    await h.dispose();
  });

  it('answers an empty list when nothing was ever commissioned', async () => {
    const w = tmpWorld();
    const h = createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile, dataDir: join(w.root, 'empty') });
    expect(await h.invoke('pair.runs', {})).toEqual({ ok: true, data: { runs: [] } });
    await h.dispose();
  });
});
