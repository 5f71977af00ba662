import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackFile } from '../../../src/cli/pack-file';
import { comware7 } from '../../../src/core/platforms/comware7';
import type { PlatformPack } from '../../../src/core/platforms/pack';
import { dialectOf, type Dialect } from '../../../src/lab/cli/dialect';
import { CliSession } from '../../../src/lab/cli/engine';
import type { ViewKind } from '../../../src/lab/cli/types';
import { defaultRbm } from '../../../src/lab/device/model';
import { device, run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'hotpair-dialect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pack file as a field engineer would edit it, loaded the way `--pack FILE` loads one. */
function packFile(edit: (p: PlatformPack) => void): PlatformPack {
  const p = structuredClone(comware7) as PlatformPack;
  edit(p);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(p));
  const r = readPackFile(file);
  if (!r.ok) throw new Error(r.message);
  return r.pack;
}

const renamed = () =>
  packFile((p) => {
    const t = p.commands.keepaliveInterval;
    if (!t) throw new Error('the pack has keepaliveInterval');
    p.commands.keepaliveInterval = { ...t, template: 'keepalive period {seconds}', undo: 'undo keepalive period' };
    p.keywords = { period: 'Keepalive period' };
  });

const VIEWS: ViewKind[] = ['user', 'system', 'interface', 'rbm', 'track', 'luser', 'objgroup'];
function signatures(d: Dialect): Set<string> {
  const out = new Set<string>();
  for (const v of VIEWS) for (const r of d.rows(v)) out.add(`${v}: ${r.toks.map((t) => (t.kind === 'kw' ? t.word : t.kind === 'param' ? `<${t.name}:${t.type}:${t.min ?? ''}-${t.max ?? ''}>` : '<compound>')).join(' ')}`);
  return out;
}

describe('the lab speaks the dialect of its pack', () => {
  it('a renamed keyword changes exactly that command (and its undo form)', () => {
    const built = signatures(dialectOf(comware7));
    const custom = signatures(dialectOf(renamed()));
    const [lo, hi] = comware7.limits.keepaliveInterval;
    expect([...built].filter((s) => !custom.has(s)).sort()).toEqual([`rbm: keepalive interval <seconds:int:${lo}-${hi}>`, 'rbm: undo keepalive interval']);
    expect([...custom].filter((s) => !built.has(s)).sort()).toEqual([`rbm: keepalive period <seconds:int:${lo}-${hi}>`, 'rbm: undo keepalive period']);
  });

  it('a device with the pack takes the new keyword and refuses the old one under it', () => {
    const d = device({ pack: renamed() });
    const s = new CliSession(d, { screenLength: 0 });
    const out = run(d, ['system-view', 'remote-backup group', 'keepalive interval 2'], s);
    expect(out.slice(-2)).toEqual([`${' '.repeat('[FW1-remote-backup-group]keepalive '.length)}^`, " % Unrecognized command found at '^' position."]);
    expect(d.running.rbm?.keepaliveInterval).not.toBe(2);
    expect(run(d, ['keepalive period 2'], s)).toEqual(['[FW1-remote-backup-group]keepalive period 2']);
    expect(d.running.rbm?.keepaliveInterval).toBe(2);
    expect(s.help('keepalive ')).toEqual(['  count   Keepalive count', '  period  Keepalive period']);
    run(d, ['undo keepalive period'], s);
    expect(d.running.rbm?.keepaliveInterval).toBe(defaultRbm().keepaliveInterval);
  });

  it('reads configuration files in the form the lab writes them, whatever it speaks', () => {
    const d = device({ pack: renamed() });
    expect(d.applyConfig(['remote-backup group', ' keepalive interval 3'])).toEqual([]);
    expect(d.running.rbm?.keepaliveInterval).toBe(3);
  });

  it('types placeholders a pack dumped before params existed as the built-in pack does', () => {
    const old = packFile((p) => {
      delete p.params;
      for (const t of Object.values(p.commands)) delete t.params;
    });
    expect(signatures(dialectOf(old))).toEqual(signatures(dialectOf(comware7)));
  });

  it('refuses at once a pack whose template renames a value the lab reads', () => {
    const bad = packFile((p) => {
      const t = p.commands.localIp;
      if (t) p.commands.localIp = { ...t, template: 'local-ip {address}' };
      p.params = { ...p.params, address: { type: 'ipv4' } };
    });
    expect(() => dialectOf(bad)).toThrow(/localIp: the lab reads \{ip\}/);
  });
});
