import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pair } from '../../../src/core/model/pair';
import { parseCurrentConfig } from '../../../src/core/parse/current-config';
import { comware7 } from '../../../src/core/platforms/comware7';
import { planChanges, renderPair, renderUndo } from '../../../src/core/render/index';
import { acceptedPair, pairInput } from './arbitrary';

describe('render properties', () => {
  it('every pair the rules accept renders without error, identically twice, within lineMax, with an undo', () => {
    let accepted = 0;
    fc.assert(
      fc.property(pairInput, (input) => {
        const pair = acceptedPair(input);
        if (!pair) return;
        accepted++;
        const one = renderPair(pair, comware7);
        const two = renderPair(Pair.parse(structuredClone(input)), comware7);
        expect(JSON.stringify(two)).toBe(JSON.stringify(one));
        const undo = renderUndo(pair, comware7, one);
        for (const s of [one.a, one.b, undo.a, undo.b]) for (const l of s.lines) expect(l.text.length).toBeLessThanOrEqual(comware7.session.lineMax);
        // A device that runs exactly the script (defaults printed) needs nothing more.
        const running = `${one.a.lines.map((l) => (l.kind === 'command' && l.context !== undefined ? ` ${l.text}` : l.kind === 'exit' || l.kind === 'frame' ? '#' : l.text)).join('\n')}\n`;
        const plan = planChanges(one.a, parseCurrentConfig(running), comware7);
        expect(plan.add.filter((l) => l.kind === 'command').map((l) => l.text)).toEqual([]);
        expect(plan.remove).toEqual([]);
      }),
      { numRuns: 200, seed: 20261125 },
    );
    // Not vacuous: a fair share of the generated pairs pass the rules.
    expect(accepted).toBeGreaterThan(20);
  });
});
