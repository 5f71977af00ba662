import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { comware7 } from '../../../src/core/platforms/comware7';
import { renderPair, renderUndo, scriptText } from '../../../src/core/render/index';
import { EXAMPLES } from './examples';

// UPDATE_GOLDEN=1 npx vitest run test/core/render/golden.test.ts rewrites the files; review the diff before committing.
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/golden');
const update = process.env.UPDATE_GOLDEN === '1';

function check(file: string, lines: string[]): void {
  const text = `${lines.join('\n')}\n`;
  const path = join(GOLDEN, file);
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(existsSync(path), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('golden renders (one pair per mode and collaboration)', () => {
  for (const [name, pair] of Object.entries(EXAMPLES)) {
    it(`${name}: scripts and undo scripts for both devices match the golden files`, () => {
      const r = renderPair(pair, comware7);
      const u = renderUndo(pair, comware7);
      check(`${name}.a.cfg`, scriptText(r.a));
      check(`${name}.b.cfg`, scriptText(r.b));
      check(`${name}.a.undo.cfg`, scriptText(u.a));
      check(`${name}.b.undo.cfg`, scriptText(u.b));
    });
  }

  it('is deterministic: rendering a structurally cloned pair twice gives the same bytes', () => {
    for (const pair of Object.values(EXAMPLES)) {
      const one = JSON.stringify([renderPair(pair, comware7), renderUndo(pair, comware7)]);
      const two = JSON.stringify([renderPair(structuredClone(pair), comware7), renderUndo(structuredClone(pair), comware7)]);
      expect(two).toBe(one);
    }
  });
});
