import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPairText, loadWrittenDoc } from '../../../src/core/model/load';
import { loadPair, loadPairObject, packFor } from '../../../src/core/model/pair-loader';
import { MAX_PAIR_NESTING } from '../../../src/core/model/text-guards';
import { comware7 } from '../../../src/core/platforms/comware7';

const LAB = readFileSync('resources/examples/lab.yaml', 'utf8');
const nestedList = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('loadPair: text → pair → pack → rules', () => {
  it('loads a valid pair with the pack of its platform', () => {
    const r = loadPair(LAB, { sourceName: 'lab.yaml' });
    expect(r).toMatchObject({ ok: true, valid: true, pack: comware7, pair: { name: 'lab' } });
  });

  it('uses a field-corrected pack when given, and says when its platform is not the pair\'s', () => {
    const custom = { ...comware7, id: 'comware7-r9', version: 'fixed' };
    const r = loadPair(LAB, { pack: custom });
    expect(r.ok && r.pack).toBe(custom);
    expect(r.ok && r.diagnostics.find((d) => d.rule === 'pair.platform')).toMatchObject({ severity: 'error', path: 'platform', line: expect.any(Number) });
  });

  it('refuses a platform this build has no pack for through the rules, not by guessing', () => {
    expect(packFor('comware7')).toBe(comware7);
    const r = loadPair(LAB.replace('platform: comware7', 'platform: junos'));
    expect(r.ok && r.valid).toBe(false);
    expect(r.ok && r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['pair.platform']);
  });

  it('checks a pair built in memory the same way (inventory rows)', () => {
    const doc = loadWrittenDoc(LAB);
    if (!doc.ok) throw new Error('lab.yaml should parse');
    expect(loadPairObject(doc.doc)).toMatchObject({ ok: true, valid: true, pack: comware7 });
    expect(loadPairObject({ ...doc.doc, mode: 'sideways' })).toMatchObject({ ok: false, errors: [{ kind: 'invalid', path: 'mode' }] });
  });
});

describe('text that is not a pair file is refused before parsing, in the user\'s terms', () => {
  it.each([
    ['flow lists', nestedList(100_000)],
    ['JSON objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['block lists on one line', `${'- '.repeat(100_000)}x\n`],
  ])('100,000 levels of %s: the nesting limit, no stack overflow', (_, text) => {
    const r = loadPairText(text, 'deep.yaml');
    expect(r).toMatchObject({ ok: false, errors: [{ kind: 'too-deep', message: expect.stringContaining(`deep.yaml nests mappings or lists more than ${MAX_PAIR_NESTING} levels deep`), line: 1, column: expect.any(Number) }] });
    expect(loadWrittenDoc(text, 'deep.yaml')).toMatchObject({ ok: false, errors: [{ kind: 'too-deep' }] });
  });

  it('lets nesting up to the limit through to the schema', () => {
    const r = loadPairText(`name: ${nestedList(MAX_PAIR_NESTING - 1)}\n`, 'p.yaml');
    expect(r.ok || r.errors[0]!.kind).not.toBe('too-deep');
    const over = loadPairText(`name: ${nestedList(MAX_PAIR_NESTING)}\n`, 'p.yaml');
    expect(over.ok || over.errors[0]!.kind).toBe('too-deep');
  });

  it('refuses binary text and oversized text with one message each', () => {
    expect(loadPairText('name: x\n\u0000\u0001\u0002', 'blob')).toMatchObject({ ok: false, errors: [{ kind: 'not-text', message: 'blob is not a text file (it contains NUL bytes); a pair file is YAML or JSON text', line: 2, column: 1 }] });
    expect(loadPairText(`# ${'x'.repeat(2_000_000)}`, 'big.yaml')).toMatchObject({ ok: false, errors: [{ kind: 'too-large', message: expect.stringMatching(/^big\.yaml is 2\.0 MB; a pair file is at most 1\.0 MB/) }] });
  });
});
