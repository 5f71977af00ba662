import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pair } from '../../../src/core/model/pair';
import { parseCurrentConfig } from '../../../src/core/parse/current-config';
import { comware7 } from '../../../src/core/platforms/comware7';
import { planChanges, renderPair, renderUndo, scriptText } from '../../../src/core/render/index';
import { CliSession } from '../../../src/lab/cli/engine';
import { LabDevice } from '../../../src/lab/device/index';
import { acceptedPair, pairInput } from './arbitrary';
import { EXAMPLES } from './examples';

/**
 * The rendered scripts against the lab appliance's CLI (the simulator implements the pack's
 * templates): every line is accepted, the configuration it leaves plans nothing more, and the
 * undo script brings `display current-configuration` back to what it was, byte for byte.
 */
const INTERFACES = ['M-GigabitEthernet0/0/0', ...Array.from({ length: 50 }, (_, i) => `GigabitEthernet1/0/${i}`)];

function type(session: CliSession, lines: readonly string[]): string[] {
  const rejected: string[] = [];
  for (const l of lines) {
    const o = session.execute(l);
    if (o.failed || (o.lines ?? []).some((x) => /^\s*%/.test(x))) rejected.push(`${l}: ${(o.lines ?? []).join(' ')}`);
  }
  return rejected;
}

const currentConfig = (s: CliSession) => (s.execute(comware7.displays.currentConfig as string).lines ?? []).join('\n');

function roundTrip(pair: Pair): void {
  const scripts = renderPair(pair, comware7);
  const undo = renderUndo(pair, comware7, scripts);
  for (const k of ['a', 'b'] as const) {
    const session = new CliSession(new LabDevice({ key: k, sysname: pair.devices[k].sysname, interfaces: INTERFACES }));
    const before = currentConfig(session);
    expect(type(session, scriptText(scripts[k]))).toEqual([]);
    const plan = planChanges(scripts[k], parseCurrentConfig(currentConfig(session)), comware7);
    expect({ add: scriptText(plan.add), remove: plan.remove }).toEqual({ add: [], remove: [] });
    expect(type(session, scriptText(undo[k]))).toEqual([]);
    expect(currentConfig(session)).toBe(before);
  }
}

describe('rendered scripts on the lab appliance', () => {
  for (const [name, pair] of Object.entries(EXAMPLES)) {
    it(`${name}: accepted line by line on both devices; applied → empty plan; undo → configuration as before`, () => roundTrip(pair));
  }

  it('the same holds for generated pairs the rules accept', () => {
    let accepted = 0;
    fc.assert(
      fc.property(pairInput, (input) => {
        const pair = acceptedPair(input);
        if (!pair) return;
        accepted++;
        roundTrip(pair);
      }),
      { numRuns: Number(process.env.LAB_RUNS ?? 60), seed: Number(process.env.LAB_SEED ?? 4242) },
    );
    expect(accepted).toBeGreaterThan(5);
  });
});
