import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Pair } from '../../../src/core/model/pair';
import { comware7 } from '../../../src/core/platforms/comware7';
import { RULE_IDS, RULES, validatePair } from '../../../src/core/validate/index';
import { channelAndRoleCases, envCases, type RuleCase } from './cases-core';
import { collaborationCases, mirroringCases, monitorCases } from './cases-modes';
import { asPair, dualPair, mirrorPair } from './fixtures';

const VENDOR_HELP = new URL('../../../../shared/docs/hot-backup-help.txt', import.meta.url);
const HAS_VENDOR_HELP = existsSync(VENDOR_HELP);

const CASES: RuleCase[] = [...channelAndRoleCases, ...envCases, ...mirroringCases, ...collaborationCases, ...monitorCases];

function run(c: RuleCase) {
  const input = structuredClone(c.base());
  c.edit?.(input);
  return validatePair(Pair.parse(input), c.facts ?? {});
}

describe('validatePair: every rule fires on its case and stays quiet on its passing case', () => {
  it.each(CASES.map((c) => [`${c.rule} ${c.fires ? 'fires' : 'passes'}: ${c.name}`, c] as const))('%s', (_, c) => {
    const found = run(c).filter((d) => d.rule === c.rule);
    if (!c.fires) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThan(0);
    const hit = found.find((d) => d.path === c.path);
    expect(hit, `paths reported: ${found.map((d) => d.path).join(', ')}`).toBeDefined();
    expect(hit!.severity).toBe(c.severity);
    expect(hit!.message.length).toBeGreaterThan(10);
    expect(hit!.fix.length).toBeGreaterThan(5);
  });
});

describe('rule catalogue', () => {
  it('covers every rule id with at least one firing and one passing case', () => {
    const missing = RULE_IDS.flatMap((id) => [
      ...(CASES.some((c) => c.rule === id && c.fires) ? [] : [`${id}: no firing case`]),
      ...(CASES.some((c) => c.rule === id && !c.fires) ? [] : [`${id}: no passing case`]),
    ]);
    expect(missing).toEqual([]);
    expect(CASES.filter((c) => !RULE_IDS.includes(c.rule)).map((c) => c.rule)).toEqual([]);
  });

  it('holds every rule id the foundation issue names, once each', () => {
    const required = `channel.local-ne-peer channel.single-family channel.port-range keepalive.range role.pair role.manual-not-mirroring role.auto-modes
      mgmt-if.mirroring-only mirroring.requires-channel-and-role mirroring.requires-track mirroring.no-vrrp-or-vip mirroring.static-routing-only
      mirroring.same-ips mirroring.ipv6-link-local mirroring.initial-state vip.requires-track routing.requires-track monitor.exclusive monitor.no-vlan1
      monitor.no-aggregate-member monitor.track-overlap monitor.vrrp-overlap datachannel.ip-distinct datachannel.family vrrp.standard-mode
      vrrp.groups-per-mode static-routes.scope backup.http-dns-asymmetric fallback.delay-range consistency.schedule pair.same-hardware pair.same-software`.split(/\s+/);
    expect(required.filter((id) => !RULE_IDS.includes(id))).toEqual([]);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  // The vendor's hot-backup help is not redistributed with the repository: it sits beside the
  // clone the project was started in. A bare clone cannot check the quotes, and says so.
  it.skipIf(!HAS_VENDOR_HELP)(
    `quotes each reason verbatim from the vendor help${HAS_VENDOR_HELP ? '' : ' — SKIPPED: the vendor help text (../shared/docs/hot-backup-help.txt) is not beside this clone'}`,
    () => {
      const seed = readFileSync(VENDOR_HELP, 'utf8').replace(/\s+/g, ' ');
      const unquoted = RULES.filter((r) => r.reason !== undefined && !seed.includes(r.reason.replace(/\s+/g, ' '))).map((r) => r.id);
      expect(unquoted).toEqual([]);
    },
  );

  it('gives every rule but the documented house rules a reason from the vendor help', () => {
    expect(RULES.filter((r) => r.reason === undefined).map((r) => r.id).sort()).toEqual(
      ['interface.address-family', 'interface.known', 'interface.unique', 'pair.connect-distinct', 'pair.platform', 'pair.sysname-distinct', 'track.unique-id', 'vrrp.ipv6-link-local-first', 'vrrp.subnet', 'vrrp.unique-vrid'].sort(),
    );
  });
});

describe('validatePair behaviour', () => {
  it('reports nothing for the valid fixtures', () => {
    for (const p of [asPair(), mirrorPair(), dualPair()]) expect(validatePair(Pair.parse(p))).toEqual([]);
  });

  it('reports every finding at once, errors first, with the seed sentence as reason', () => {
    const p = asPair();
    p.controlChannel = { port: 80, keepalive: { intervalSeconds: 0, count: 3 } };
    p.backup = { http: true };
    p.devices.b.sysname = 'FW1';
    const ds = validatePair(Pair.parse(p));
    expect(ds.map((d) => `${d.severity} ${d.rule}`)).toEqual([
      'error channel.port-range',
      'error keepalive.range',
      'warning pair.sysname-distinct',
      'info backup.http-dns-asymmetric',
    ]);
    expect(ds[0]!.reason).toBe('The hot backup member devices must have the same port number.');
    expect(ds[2]!.reason).toBeUndefined();
  });

  it('takes its ranges from the platform pack', () => {
    const p = Pair.parse({ ...asPair(), controlChannel: { port: 2000 } });
    expect(validatePair(p).some((d) => d.rule === 'channel.port-range')).toBe(false);
    const strict = { ...comware7, limits: { ...comware7.limits, controlPort: [50000, 60000] as [number, number] } };
    const d = validatePair(p, {}, strict).find((x) => x.rule === 'channel.port-range');
    expect(d?.message).toContain('50000–60000');
  });

  it('never throws, even on a pair that skipped the schema', () => {
    const broken = Pair.parse(asPair());
    (broken.devices.a.controlChannel as { localIp: unknown }).localIp = 42;
    (broken as { track: unknown }).track = null;
    const ds = validatePair(broken);
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => typeof d.rule === 'string' && typeof d.message === 'string')).toBe(true);
  });
});
