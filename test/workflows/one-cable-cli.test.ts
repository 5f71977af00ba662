import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOneCableCli } from '../../src/cli/commands/pair-one-cable';
import { EXIT } from '../../src/cli/commands/pair';
import { comware7 } from '../../src/core/platforms/comware7';
import { LAB_PASSWORD, LAB_USERNAME } from '../../src/lab/lab';
import { examplePair, fast } from './lab-pair';
import { startCableLab, type CableLab } from './one-cable-lab';

describe('hotpair pair --one-cable --console serial://…?baud=auto --json --yes', () => {
  let dir: string;
  let lab: CableLab | undefined;
  const env = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotpair-1c-cli-'));
    process.env.HOTPAIR_DATA_DIR = dir;
    process.env.ONE_CABLE_PW = LAB_PASSWORD;
  });
  afterEach(async () => {
    await lab?.stop();
    lab = undefined;
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one JSON object per step, waits for the cable on B, ends verified and saved on B', async () => {
    lab = await startCableLab(255);
    const l = lab;
    const lines: Record<string, unknown>[] = [];
    let buf = '';
    const out = (t: string) => {
      buf += t;
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const obj = JSON.parse(buf.slice(0, i)) as Record<string, unknown>;
        buf = buf.slice(i + 1);
        lines.push(obj);
        if (obj.step === 'move-cable') void l.lab.cable(obj.to as 'a' | 'b', 300);
      }
    };
    const code = await runOneCableCli({
      pair: examplePair('lab', fast),
      pack: comware7,
      flags: { oneCable: true, console: `serial://${l.port}?baud=auto`, json: true, yes: true, user: LAB_USERNAME, passwordEnv: 'ONE_CABLE_PW', verifyTimeout: '20' },
      io: { out, err: () => undefined },
    });
    expect(lines.at(-1)).toMatchObject({ step: 'result', outcome: 'success' });
    expect(code).toBe(EXIT.ok);
    expect(lines).toContainEqual(expect.objectContaining({ step: 'move-cable', to: 'b' }));
    const steps = lines.filter((x) => ['on-a', 'move-cable', 'on-b', 'done', 'result'].includes(x.step as string)).map((x) => x.step);
    expect(steps).toEqual(['on-a', 'on-b', 'move-cable', 'done', 'result']);
    // --yes: A saved before the cable moved, the run ends on B; the journal is a one-cable run.
    const journal = readFileSync(lines.at(-1)?.journal as string, 'utf8');
    expect(journal).toContain('"mode":"one-cable"');
    // The syntax probe asked each device about its own part with the cable on it, before its push.
    const recs = journal.split('\n').filter(Boolean).map((x) => JSON.parse(x) as { type: string; phase?: string; device?: string; stage?: string; unconfirmed?: string[] });
    const firstPush = (k: string) => recs.findIndex((x) => x.type === 'step' && x.device === k);
    for (const k of ['a', 'b']) {
      const at = recs.findIndex((x) => x.type === 'probe' && x.phase === 'done' && x.device === k);
      expect(recs[at]?.unconfirmed).toEqual([]);
      expect(at).toBeLessThan(firstPush(k));
    }
    expect(l.lab.member('a').device.saved.rbm?.role).toBe('primary');
    expect(l.lab.member('b').device.saved.rbm?.role).toBe('secondary');
  }, 120_000);
});
