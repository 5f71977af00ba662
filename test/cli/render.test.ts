import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { runPackDump } from '../../src/cli/commands/pack';
import { runRender, type RenderOptions } from '../../src/cli/commands/render';
import { main } from '../../src/cli/main';
import { comware7 } from '../../src/core/platforms/comware7';
import { renderPair, renderUndo, scriptText } from '../../src/core/render/index';
import { EXAMPLE_INPUTS, EXAMPLES } from '../core/render/examples';

const dir = mkdtempSync(join(tmpdir(), 'hotpair-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const asVrrp = file('as-vrrp.yaml', stringify(EXAMPLE_INPUTS['as-vrrp']));

function run(path: string, opts: RenderOptions = {}) {
  let out = '';
  let err = '';
  const code = runRender(path, opts, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('hotpair render', () => {
  it('prints both scripts with a header each and lists unverified lines on stderr, not in the script', () => {
    const r = run(asVrrp);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# ---- device a: FW1 \(primary\) ----\nsystem-view\n/);
    expect(r.out).toContain('# ---- device b: FW2 (secondary) ----');
    expect(r.out).not.toMatch(/unverified|note:/);
    expect(r.err).toMatch(/note: (1 line uses|\d+ lines use) command syntax not yet verified/);
    expect(r.err).toContain('a:6  device-role primary');
  });

  it('--device b prints exactly the bare script of B', () => {
    const r = run(asVrrp, { device: 'b' });
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${scriptText(renderPair(EXAMPLES['as-vrrp']!, comware7).b).join('\n')}\n`);
    expect(r.err).not.toContain(' a:');
  });

  it('--undo prints the undo script', () => {
    const r = run(asVrrp, { device: 'a', undo: true });
    expect(r.out).toBe(`${scriptText(renderUndo(EXAMPLES['as-vrrp']!, comware7).a).join('\n')}\n`);
  });

  it('--json gives the lines with stage, kind and verified flags', () => {
    const r = run(asVrrp, { json: true, device: 'a' });
    const body = JSON.parse(r.out) as { name: string; undo: boolean; a: { sysname: string; lines: { text: string; stage: string; verified: boolean }[] }; b?: unknown };
    expect(body.name).toBe('as-vrrp');
    expect(body.b).toBeUndefined();
    expect(body.a.lines[0]).toMatchObject({ text: 'system-view', kind: 'frame' });
    expect(body.a.lines.find((l) => l.text === 'device-role primary')).toMatchObject({ stage: 'channel', verified: false });
  });

  it('refuses a pair with rule errors (exit 1) and lists them', () => {
    const input = structuredClone(EXAMPLE_INPUTS['as-vrrp']!);
    input.devices.b.role = 'primary';
    const r = run(file('two-primaries.yaml', stringify(input)));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('role.pair');
  });

  it('exit 2 for a missing file, a broken file, a bad --device and a bad --pack', () => {
    expect(run(join(dir, 'nope.yaml')).code).toBe(2);
    const broken = run(file('broken.yaml', 'name: x\ndevices: [\n'));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.yaml:\d+:\d+/);
    expect(run(asVrrp, { device: 'c' }).err).toContain('--device must be a or b');
    expect(run(asVrrp, { pack: file('bad-pack.json', '{"formatVersion": 1}') }).code).toBe(2);
  });

  it('--pack FILE renders with a corrected template', () => {
    const pack = structuredClone(comware7);
    pack.commands.keepaliveCount!.template = 'keepalive retry {count}';
    const r = run(asVrrp, { device: 'a', pack: file('pack.json', JSON.stringify(pack)) });
    expect(r.code).toBe(0);
    expect(r.out).toContain('\nkeepalive retry 10\n');
  });

  it('is registered on the hotpair program', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      process.exitCode = undefined;
      expect(await main(['node', 'hotpair', 'render', asVrrp, '--device', 'a'])).toBe(0);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain('remote-backup group\n');
    } finally {
      write.mockRestore();
      errWrite.mockRestore();
      process.exitCode = undefined;
    }
  });
});

describe('hotpair pack dump', () => {
  it('prints the built-in pack as JSON that loads back with --pack', () => {
    let out = '';
    expect(runPackDump({}, (s) => (out += s), () => undefined)).toBe(0);
    expect(JSON.parse(out)).toEqual(comware7);
    let again = '';
    expect(runPackDump({ pack: file('dumped.json', out) }, (s) => (again += s), () => undefined)).toBe(0);
    expect(again).toBe(out);
  });

  it('says what is wrong with a bad pack file (exit 2)', () => {
    let err = '';
    expect(runPackDump({ pack: file('bad.json', 'not json') }, () => undefined, (s) => (err += s))).toBe(2);
    expect(err).toMatch(/not JSON/);
  });
});
