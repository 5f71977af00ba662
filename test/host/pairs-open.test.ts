import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../src/host/index';
import { GOOD_PAIR, tmpWorld } from './fixtures';

const host = () => {
  const w = tmpWorld();
  return createHost({ version: '1', mode: 'browser', examplesDir: w.examples, settingsFile: w.settingsFile });
};

describe('opening the engineer\'s own pairs', () => {
  it('opens a pair file as a document for the editor, even one with rule findings', async () => {
    // An unknown key is a finding the editor shows beside the fields, not a reason to refuse the file.
    const r = await host().invoke('pairs.open', { name: 'site.yaml', text: `${GOOD_PAIR}\nmodee: typo\n` });
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.data as { doc: unknown }).doc).toMatchObject({ modee: 'typo', devices: { a: expect.any(Object), b: expect.any(Object) } });
  });

  it('refuses text that does not parse, naming the file, line and column, and the fix', async () => {
    const r = await host().invoke('pairs.open', { name: 'broken.yaml', text: 'name: x\ndevices: [a, b\n' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^broken\.yaml:\d+:\d+: /), fix: expect.stringMatching(/Correct the file/) } });
    const list = await host().invoke('pairs.open', { name: 'list.yaml', text: '- a\n- b\n' });
    expect(list).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('turns an inventory over a template into one document per row and names the rows it cannot map', async () => {
    const template = readFileSync('resources/examples/as-vrrp.yaml', 'utf8');
    const csv = ['name,devices.a.sysname,devices.a.controlChannel.localIp,vrrp.x.vrid', 'site-1,S1A,10.9.1.1,', 'site-2,S2A,10.9.2.1,7'].join('\n');
    const res = await host().invoke('pairs.inventory', { csv, template });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = { data: res.data as { pairs: { name: string; doc: unknown }[]; errors: unknown[] } };
    expect(r.data.pairs.map((p) => p.name)).toEqual(['site-1']);
    expect((r.data.pairs[0]!.doc as { devices: { a: { sysname: string }; b: { sysname: string } } }).devices.a.sysname).toBe('S1A');
    // the template fills what a row leaves out
    expect((r.data.pairs[0]!.doc as { devices: { b: { sysname: string } } }).devices.b.sysname).toBe('FW-B');
    expect(r.data.errors).toEqual([{ row: 2, column: 'vrrp.x.vrid', message: expect.stringMatching(/expected a list index/), said: { code: 'inventory.expected-index', params: { segment: 'x' } } }]);
    const bad = await host().invoke('pairs.inventory', { csv: 'name,mode\n"unclosed,x\n' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/not valid CSV/) } });
  });
});
