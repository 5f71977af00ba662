/**
 * Preflight: the pair file's rules with both devices' facts (validatePair), plus the checks only
 * facts make possible — the interfaces the file names exist, the addresses it expects against the
 * ones configured (a different address is a change the engineer should see, old → new), ports
 * bundled the way the file says. Any error stops the run before a byte is pushed.
 */
import { compareFacts } from '../discover/compare';
import type { DeviceFacts, InterfaceFact } from '../model/facts';
import { parseCidr } from '../model/ip';
import type { DeviceKey, Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import type { Diagnostic } from '../validate/diagnostic';
import { sameInterface } from '../validate/ifname';
import { validatePair } from '../validate/index';

const KEYS: readonly DeviceKey[] = ['a', 'b'];

/** Every interface the file names for one device, with the field that names it. */
function namedInterfaces(pair: Pair, k: DeviceKey): { name: string; path: string }[] {
  const d = pair.devices[k];
  const out: { name: string; path: string }[] = [{ name: d.dataChannel.interface, path: `devices.${k}.dataChannel.interface` }];
  if (d.managementInterface !== undefined) out.push({ name: d.managementInterface, path: `devices.${k}.managementInterface` });
  d.interfaces.forEach((i, n) => out.push({ name: i.name, path: `devices.${k}.interfaces[${n}].name` }));
  pair.vrrp.forEach((g, n) => out.push({ name: g.interface, path: `vrrp[${n}].interface` }));
  pair.floatingIps.forEach((f, n) => out.push({ name: f.interface, path: `floatingIps[${n}].interface` }));
  pair.track.forEach((t, n) => t.interface !== undefined && out.push({ name: t.interface, path: `track[${n}].interface` }));
  (pair.monitor.interfaces ?? []).forEach((m, n) => out.push({ name: m, path: `monitor.interfaces[${n}]` }));
  return out;
}

const bareIp = (a: string | undefined) => (a === undefined ? undefined : (parseCidr(a)?.ip ?? a.split('/')[0]));
const sameAddress = (want: string, have: string) => {
  const [w, h] = [parseCidr(want), parseCidr(have)];
  if (!w) return want === have;
  // The brief table shows the bare IP only: compare the prefix only when the device gave one.
  return h ? w.ip === h.ip && w.prefix === h.prefix : w.ip === (have.split('/')[0] ?? have);
};

function addressFindings(pair: Pair, k: DeviceKey, facts: DeviceFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const d = pair.devices[k];
  const wanted: { name: string; address: string; path: string }[] = [];
  if (d.dataChannel.address !== undefined) wanted.push({ name: d.dataChannel.interface, address: d.dataChannel.address, path: `devices.${k}.dataChannel.address` });
  d.interfaces.forEach((i, n) => i.address !== undefined && wanted.push({ name: i.name, address: i.address, path: `devices.${k}.interfaces[${n}].address` }));
  for (const w of wanted) {
    const f = facts.interfaces.find((x) => sameInterface(x.name, w.name));
    if (!f?.address || sameAddress(w.address, f.address)) continue;
    out.push({
      rule: 'preflight.address-changes',
      path: w.path,
      severity: 'warning',
      message: `device ${k} ${f.name}: the address changes ${f.address} → ${w.address}`,
      fix: `if ${bareIp(f.address)} is in use (management, another service), correct the pair file before pushing`,
    });
  }
  return out;
}

function aggregationFindings(pair: Pair, k: DeviceKey, facts: DeviceFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  pair.devices[k].interfaces.forEach((i, n) => {
    const f: InterfaceFact | undefined = facts.interfaces.find((x) => sameInterface(x.name, i.name));
    if (!f) return;
    if (i.aggregateMember !== undefined && !sameInterface(i.aggregateMember, f.aggregateMember))
      out.push({
        rule: 'preflight.aggregation',
        path: `devices.${k}.interfaces[${n}].aggregateMember`,
        severity: 'error',
        message: `device ${k} ${f.name} is ${f.aggregateMember ? `a member of ${f.aggregateMember}` : 'not in any aggregate'}, the file says ${i.aggregateMember}`,
        fix: `bundle ${f.name} into ${i.aggregateMember} on the device (port link-aggregation group …) or correct the file`,
      });
    if (f.aggregateMember !== undefined && (i.address !== undefined || i.ipv6Address !== undefined))
      out.push({
        rule: 'preflight.aggregation',
        path: `devices.${k}.interfaces[${n}].address`,
        severity: 'error',
        message: `device ${k} ${f.name} is a member of ${f.aggregateMember}; a member port takes no address`,
        fix: `put the address on ${f.aggregateMember} instead`,
      });
  });
  return out;
}

/** The checks that need discovery facts, beyond the rules in src/core/validate. */
export function factFindings(pair: Pair, facts: Record<DeviceKey, DeviceFacts>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const k of KEYS) {
    const f = facts[k];
    if (f.interfaces.length === 0) {
      out.push({ rule: 'preflight.interfaces', path: `devices.${k}`, severity: 'warning', message: `the interface list of device ${k} could not be read`, fix: 'check the interface names by hand (display interface brief)' });
    } else {
      const seen = new Set<string>();
      for (const n of namedInterfaces(pair, k)) {
        if (seen.has(n.path) || f.interfaces.some((x) => sameInterface(x.name, n.name))) continue;
        seen.add(n.path);
        out.push({ rule: 'preflight.interfaces', path: n.path, severity: 'error', message: `device ${k} has no interface ${n.name}`, fix: `use one of the device's interfaces (${f.interfaces.slice(0, 6).map((x) => x.name).join(', ')}…) or check the cabling plan` });
      }
    }
    out.push(...addressFindings(pair, k, f), ...aggregationFindings(pair, k, f));
  }
  // Mismatches that make two devices unpairable whatever is pushed (model/software come from validatePair).
  for (const m of compareFacts(facts.a, facts.b)) {
    if (m.field !== 'serialNumber' && m.field !== 'interfaces') continue;
    out.push({ rule: `preflight.${m.field}`, path: 'devices', severity: m.severity === 'info' ? 'info' : m.severity, message: `${m.message}${m.a || m.b ? ` (A: ${m.a ?? '-'}; B: ${m.b ?? '-'})` : ''}`, fix: m.field === 'serialNumber' ? 'check the --a/--b addresses' : 'pair two devices with the same interface layout' });
  }
  return out;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** All findings, errors first; the run stops when any is an error. */
export function preflight(pair: Pair, facts: Record<DeviceKey, DeviceFacts>, pack: PlatformPack): Diagnostic[] {
  return [...validatePair(pair, facts, pack), ...factFindings(pair, facts)].sort((x, y) => ORDER[x.severity] - ORDER[y.severity]);
}
