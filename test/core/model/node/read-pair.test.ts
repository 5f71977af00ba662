import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPairFile, readTextFile } from '../../../../src/core/model/node/read-pair';
import { MAX_PAIR_FILE_BYTES } from '../../../../src/core/model/text-guards';
import { comware7 } from '../../../../src/core/platforms/comware7';

const dir = mkdtempSync(join(tmpdir(), 'hotpair-read-pair-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LAB = readFileSync('resources/examples/lab.yaml', 'utf8');

function write(name: string, data: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, data);
  return f;
}

const refusal = (r: ReturnType<typeof readPairFile>) => {
  if (r.ok) throw new Error('expected the file to be refused');
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
};

describe('reading a pair file', () => {
  it('reads, loads, picks the pack and runs the rules in one call, each finding at its line', () => {
    const f = write('clash.yaml', LAB.replace('localIp: 10.2.1.2', 'localIp: 10.2.1.1'));
    const r = readPairFile(f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack).toBe(comware7);
    expect(r.valid).toBe(false);
    const line = LAB.split('\n').findIndex((l) => l.includes('localIp: 10.2.1.2')) + 1;
    expect(r.diagnostics.find((d) => d.rule === 'channel.local-ne-peer')).toMatchObject({ path: 'devices.b.controlChannel.localIp', line });
  });

  it('refuses a 30 MB file from its size, before reading it: memory stays flat', () => {
    const f = join(dir, 'huge.bin');
    writeFileSync(f, '');
    truncateSync(f, 30_000_000); // sparse: 30 MB by stat, nothing on disk
    const before = process.memoryUsage();
    const r = readPairFile(f);
    const after = process.memoryUsage();
    const e = refusal(r);
    expect(e.kind).toBe('too-large');
    expect(e.message).toBe(`${f} is 30.0 MB; a pair file is at most 1.0 MB (1,000,000 bytes), so this is not a pair file — check the file name`);
    // Reading it would have taken 30 MB of buffer and 30-60 MB of string.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(1_000_000);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(5_000_000);
  });

  it('accepts a file of exactly the limit and refuses one byte more', () => {
    const atLimit = write('at-limit.yaml', `${LAB}#${'x'.repeat(MAX_PAIR_FILE_BYTES - Buffer.byteLength(LAB) - 2)}\n`);
    expect(readTextFile(atLimit).ok).toBe(true);
    const over = write('over.yaml', `${LAB}#${'x'.repeat(MAX_PAIR_FILE_BYTES - Buffer.byteLength(LAB) - 1)}\n`);
    expect(readTextFile(over)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('refuses a binary file as "not a text file", NUL bytes or not UTF-8', () => {
    const png = write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(refusal(readPairFile(png))).toMatchObject({ kind: 'not-text', message: `${png} is not a text file (it contains NUL bytes); a pair file is YAML or JSON text` });
    const latin1 = write('latin1.yaml', Buffer.from('name: caf\xe9\n', 'latin1'));
    expect(refusal(readPairFile(latin1)).message).toBe(`${latin1} is not a text file (it is not UTF-8); a pair file is YAML or JSON text`);
  });

  it('refuses a pair file nested 100,000 levels deep by naming the nesting limit, never the engine', () => {
    const f = write('deep.json', `{"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const e = refusal(readPairFile(f));
    expect(e).toMatchObject({ kind: 'too-deep', line: 1 });
    expect(e.message).toMatch(/more than 64 levels deep \(the limit for a pair file/);
    expect(e.message).not.toMatch(/call stack|RangeError|\n\s+at /);
  });

  it('says what is wrong with a missing file or a folder', () => {
    expect(refusal(readPairFile(join(dir, 'nope.yaml')))).toMatchObject({ kind: 'read', message: `no such file: ${join(dir, 'nope.yaml')}` });
    expect(refusal(readPairFile(dir)).message).toBe(`${dir} is a folder, not a file`);
  });

  it('names the kind of file in its messages', () => {
    const f = write('pack.json', Buffer.from([0x7b, 0x00, 0x7d]));
    expect(readTextFile(f, { what: 'platform pack' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/a platform pack is YAML or JSON text$/) } });
  });
});
