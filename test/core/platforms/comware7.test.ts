import { describe, expect, it } from 'vitest';
import { comware7 } from '../../../src/core/platforms/comware7';
import { fill, parsePack } from '../../../src/core/platforms/pack';

/**
 * The built-in pack against what vendor documents name (the vendor CLI notes): only
 * syntax the vendor CLI notes confirm is marked verified among the RBM commands and the VRRP bindings.
 */
describe('Comware V7 pack against comware-cli.md §8', () => {
  it('round-trips through the pack schema (what `hotpair pack dump` writes, `--pack` reads)', () => {
    const r = parsePack(JSON.stringify(comware7));
    expect(r.ok && r.pack).toEqual(comware7);
  });

  it('marks verified exactly the RBM commands the 2024/2025 command references name', () => {
    const rbm = Object.entries(comware7.commands).filter(([, t]) => t.view === 'rbm' || t.template.includes('remote-backup'));
    expect(rbm.filter(([, t]) => t.verified).map(([k]) => k).sort()).toEqual(['adjustCost', 'autoSync', 'autoSyncStaticRoutes', 'opCheck', 'rbmEnter']);
  });

  it('never verifies the RBM-bound VRRP keyword, which no public text shows', () => {
    for (const k of ['vrrpBind', 'vrrpBindIpv6', 'vrrpBindIpv6LinkLocal']) expect(comware7.commands[k]?.verified).toBe(false);
  });

  it('types an IPv6 group\'s first virtual address with `link-local`, as the VRRP guide shows', () => {
    const t = comware7.commands.vrrpBindIpv6LinkLocal!;
    expect(fill(t.template, { vrid: 1, ip: 'FE80::1', group: 'active' })).toBe('vrrp ipv6 vrid 1 virtual-ip FE80::1 link-local active');
    expect(fill(t.undo!, { vrid: 1, ip: 'FE80::1' })).toBe('undo vrrp ipv6 vrid 1 virtual-ip FE80::1 link-local');
  });

  it('keeps `reset remote-backup-group election` only as unverified data', () => {
    expect(comware7.commands.opReset).toMatchObject({ template: 'reset remote-backup-group election', verified: false });
  });

  it('lays out USB auto-configuration as smart_config.ini plus <serial>.cfg, marked unverified for SecPath', () => {
    expect(comware7.usbAutoConfig).toMatchObject({ indexFile: 'smart_config.ini', configFile: '{serial}.cfg', verified: false });
    const u = comware7.usbAutoConfig as { indexHeader: string; indexEntry: string; indexFooter: string };
    expect(u.indexHeader.startsWith('BEGIN LSW\n[GLOBAL CONFIG]\n')).toBe(true);
    expect(u.indexEntry).toMatch(/^\[DEVICE DESCRIPTION\]\n(?:.*\n)*SN=\{serial\}\n(?:.*\n)*SYSTEM-CONFIG=\{file\}\n$/);
    expect(u.indexFooter).toBe('END LSW\n');
    expect(JSON.stringify(comware7)).not.toContain('autocfg');
  });
});
