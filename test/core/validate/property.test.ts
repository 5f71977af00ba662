import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../../../src/core/model/facts';
import { Pair, type PairInput } from '../../../src/core/model/pair';
import { RULE_IDS, validatePair } from '../../../src/core/validate/index';
import { asPair, deviceFacts, mirrorPair } from './fixtures';

const ifName = fc.constantFrom('GigabitEthernet1/0/1', 'GigabitEthernet1/0/2', 'GE1/0/4', 'Route-Aggregation1');
const ip = fc.constantFrom('10.1.1.3', '10.2.1.1', '2001:db8::9', '10.9.9.9');

/** Schema-valid pairs that combine modes, roles and collaborations freely (most of them break rules). */
const pairs = fc
  .record({
    base: fc.constantFrom(asPair, mirrorPair),
    mode: fc.constantFrom('active-standby', 'dual-active', 'mirroring'),
    roles: fc.constantFrom('manual', 'auto'),
    localIpB: fc.constantFrom('10.2.1.2', '10.2.1.1', '2001:db8::2', '10.255.2.2'),
    track: fc.array(fc.record({ id: fc.integer({ min: 1, max: 3 }), interface: fc.option(ifName, { nil: undefined }) }), { maxLength: 3 }),
    vrrp: fc.array(fc.record({ interface: ifName, vrid: fc.integer({ min: 1, max: 3 }), virtualIp: ip, group: fc.constantFrom('active', 'standby'), mode: fc.constantFrom('standard', 'load-sharing') }), { maxLength: 3 }),
    floating: fc.array(fc.record({ interface: ifName, address: fc.constantFrom('10.1.1.3/24', '2001:db8::3/64') }), { maxLength: 2 }),
    ospf: fc.boolean(),
    monitor: fc.record({ interfaces: fc.option(fc.array(ifName, { maxLength: 2 }), { nil: undefined }), vlans: fc.option(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }), { nil: undefined }) }),
    staticRoutes: fc.boolean(),
    facts: fc.option(fc.record({ model: fc.constantFrom('A', 'B'), mode: fc.constantFrom('active-standby', 'mirroring', undefined) }), { nil: undefined }),
  })
  .map((r) => {
    const p: PairInput = r.base();
    Object.assign(p, { mode: r.mode, roles: r.roles, track: r.track, vrrp: r.vrrp, floatingIps: r.floating, monitor: r.monitor, configSync: { staticRoutes: r.staticRoutes } });
    if (r.ospf) p.routing = { ospf: { increment: 10 } };
    p.devices.b.controlChannel.localIp = r.localIpB;
    const facts: DeviceFacts | undefined = r.facts && deviceFacts({ model: r.facts.model, rbm: { configured: r.facts.mode !== undefined, ...(r.facts.mode ? { mode: r.facts.mode } : {}) } });
    return { pair: Pair.parse(p), facts };
  });

describe('validatePair on arbitrary combinations', () => {
  it('never throws, no rule crashes, and every diagnostic is well formed', () => {
    fc.assert(
      fc.property(pairs, ({ pair, facts }) => {
        const ds = validatePair(pair, facts ? { a: facts, b: deviceFacts({ model: 'A' }) } : {});
        for (const d of ds) {
          expect(RULE_IDS).toContain(d.rule);
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.message).not.toMatch(/could not be checked/);
          expect(d.fix.length).toBeGreaterThan(0);
        }
        // The validator is a pure function of its input.
        expect(validatePair(pair, facts ? { a: facts, b: deviceFacts({ model: 'A' }) } : {})).toEqual(ds);
      }),
      { numRuns: 150 },
    );
  });
});
