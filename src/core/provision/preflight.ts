/**
 * Preflight: the pair file's rules with both devices' facts (validatePair), plus the checks only
 * facts make possible — the interfaces the file names exist, the addresses it expects against the
 * ones configured (a different address is a change the engineer should see, old → new), ports
 * bundled the way the file says, two different devices, software that has RBM and the features
 * the file uses. Any error stops the run before a byte is pushed.
 */
import { compareFacts, uptimeMinutes, type FactMismatch } from '../discover/compare';
import { comwareMajor, FEATURE_LABELS, RBM_COMWARE_MAJOR, releaseLimit, type RbmFeature } from '../discover/release-limits';
import type { DeviceFacts, InterfaceFact } from '../model/facts';
import { parseCidr } from '../model/ip';
import type { DeviceKey, Pair } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import type { Diagnostic, DiagnosticParams } from '../validate/diagnostic';
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
      code: 'preflight.address-changes',
      params: { device: k, interface: f.name, from: f.address, to: w.address, ip: String(bareIp(f.address)) },
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
        code: f.aggregateMember ? 'preflight.aggregation.other' : 'preflight.aggregation.none',
        params: { device: k, interface: f.name, member: f.aggregateMember ?? '', want: i.aggregateMember },
        path: `devices.${k}.interfaces[${n}].aggregateMember`,
        severity: 'error',
        message: `device ${k} ${f.name} is ${f.aggregateMember ? `a member of ${f.aggregateMember}` : 'not in any aggregate'}, the file says ${i.aggregateMember}`,
        fix: `bundle ${f.name} into ${i.aggregateMember} on the device (port link-aggregation group …) or correct the file`,
      });
    if (f.aggregateMember !== undefined && (i.address !== undefined || i.ipv6Address !== undefined))
      out.push({
        rule: 'preflight.aggregation',
        code: 'preflight.aggregation.member-address',
        params: { device: k, interface: f.name, member: f.aggregateMember },
        path: `devices.${k}.interfaces[${n}].address`,
        severity: 'error',
        message: `device ${k} ${f.name} is a member of ${f.aggregateMember}; a member port takes no address`,
        fix: `put the address on ${f.aggregateMember} instead`,
      });
  });
  return out;
}

/** The RBM features the file uses that some releases lack, with the field that asks for each. */
function featuresUsed(pair: Pair, k: DeviceKey): { feature: RbmFeature; path: string }[] {
  const out: { feature: RbmFeature; path: string }[] = [];
  if (pair.mode === 'mirroring') out.push({ feature: 'mirroring', path: 'mode' });
  if (pair.floatingIps.length > 0) out.push({ feature: 'virtual-ip', path: 'floatingIps' });
  if (pair.devices[k].managementInterface !== undefined) out.push({ feature: 'management-interface', path: `devices.${k}.managementInterface` });
  if ((pair.monitor.interfaces ?? []).length > 0 || (pair.monitor.vlans ?? []).length > 0) out.push({ feature: 'interface-monitoring', path: 'monitor' });
  return out;
}

/** A software generation without RBM, or a release whose guide lacks a feature the file uses. */
function softwareFindings(pair: Pair, k: DeviceKey, f: DeviceFacts): Diagnostic[] {
  const seen = [f.softwareVersion && `Comware ${f.softwareVersion}`, f.release].filter(Boolean).join(', ');
  const major = comwareMajor(f.softwareVersion);
  if (major !== undefined && major < RBM_COMWARE_MAJOR) {
    return [{ rule: 'preflight.comware-version', code: 'preflight.comware-version', params: { device: k, seen, major: RBM_COMWARE_MAJOR }, path: `devices.${k}`, severity: 'error', message: `device ${k} runs ${seen}; RBM needs Comware V${RBM_COMWARE_MAJOR}`, fix: `pair two devices that run a Comware V${RBM_COMWARE_MAJOR} release with RBM (upgrade this one or choose another)` }];
  }
  const limit = releaseLimit(f.release);
  if (!limit) return [];
  return featuresUsed(pair, k)
    .filter((u) => limit.lacks.includes(u.feature))
    .map((u) => ({
      rule: 'preflight.release-features',
      code: `preflight.release-features.${u.feature}`,
      params: { device: k, release: f.release ?? seen, source: limit.source },
      path: u.path,
      severity: 'error' as const,
      message: `device ${k} runs ${f.release ?? seen}, which has no ${FEATURE_LABELS[u.feature]} (${limit.source}); the pair file uses it`,
      fix: `upgrade both devices to a release that has ${FEATURE_LABELS[u.feature]}, or remove it from the pair file`,
    }));
}

// compareFacts rows the preflight repeats; model and software mismatches come from validatePair,
// but their "could not be read" rows come from here only.
const IDENTITY_FIXES: Record<string, string> = {
  serialNumber: 'check the --a/--b addresses; if they are right, read `display device manuinfo` on both by hand',
  mac: 'check the --a/--b addresses',
  identity: 'check the --a/--b addresses; if these really are two devices, give one another sysname and discover again',
  interfaces: 'pair two devices with the same interface layout',
};
const UNREADABLE_ONLY = new Set(['model', 'softwareVersion', 'release']);

/**
 * A repeated row's code and params (core catalogue, preflight.*). Each code says the row with its
 * values in one sentence; the fix follows the fact, so a fact read with `display version` shares
 * one code whose `field` picks the label.
 */
function repeatedRow(m: FactMismatch, facts: Record<DeviceKey, DeviceFacts>): { code: string; params: DiagnosticParams } | undefined {
  const sides = { a: m.a ?? '-', b: m.b ?? '-' };
  const device = typeof m.params?.device === 'string' ? m.params.device : '';
  const fact = m.field === 'serialNumber' ? 'serialNumber' : 'version';
  switch (m.code) {
    case 'compare.same-device':
      return { code: `preflight.same-device.${m.field}`, params: sides };
    case 'compare.same-device-identity':
      return { code: 'preflight.same-device.identity', params: { sysname: facts.a.sysname ?? '?', upA: uptimeMinutes(facts.a), upB: uptimeMinutes(facts.b) } };
    case 'compare.unread-both.mac-apart':
    case 'compare.unread-both.not-proved':
      return { code: `preflight.${m.code.slice('compare.'.length)}`, params: {} };
    case 'compare.unread-both.compare':
      return { code: 'preflight.unread-both.version', params: { field: m.field } };
    case 'compare.unread-one':
      return { code: `preflight.unread-one.${fact}`, params: { field: m.field, device, ...sides } };
    case 'compare.interfaces-unread':
      return { code: 'preflight.interfaces.unread-one', params: { device } };
    case 'compare.interfaces': {
      const only = (k: DeviceKey) => (m.values?.[k]?.items ?? []).flatMap((x) => x.params?.names ?? []).filter((n): n is string => typeof n === 'string');
      const [onlyA, onlyB] = [only('a'), only('b')];
      return { code: 'preflight.interfaces.differ', params: { onlyA, onlyB, countA: onlyA.length, countB: onlyB.length } };
    }
    default:
      return undefined;
  }
}

/** What one device's facts alone can show against the file (a one-cable run checks A before B is reached). */
export function deviceFindings(pair: Pair, k: DeviceKey, f: DeviceFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (f.interfaces.length === 0) {
    out.push({ rule: 'preflight.interfaces', code: 'preflight.interfaces.unread', params: { device: k }, path: `devices.${k}`, severity: 'warning', message: `the interface list of device ${k} could not be read`, fix: 'check the interface names by hand (display interface brief)' });
  } else {
    const seen = new Set<string>();
    for (const n of namedInterfaces(pair, k)) {
      if (seen.has(n.path) || f.interfaces.some((x) => sameInterface(x.name, n.name))) continue;
      seen.add(n.path);
      out.push({ rule: 'preflight.interfaces', code: 'preflight.interfaces.missing', params: { device: k, interface: n.name, some: f.interfaces.slice(0, 6).map((x) => x.name).join(', ') }, path: n.path, severity: 'error', message: `device ${k} has no interface ${n.name}`, fix: `use one of the device's interfaces (${f.interfaces.slice(0, 6).map((x) => x.name).join(', ')}…) or check the cabling plan` });
    }
  }
  out.push(...addressFindings(pair, k, f), ...aggregationFindings(pair, k, f), ...softwareFindings(pair, k, f));
  return out;
}

/** The checks that need discovery facts, beyond the rules in src/core/validate. */
export function factFindings(pair: Pair, facts: Record<DeviceKey, DeviceFacts>): Diagnostic[] {
  const out: Diagnostic[] = KEYS.flatMap((k) => deviceFindings(pair, k, facts[k]));
  // Mismatches that make two devices unpairable whatever is pushed, and facts nobody could read.
  for (const m of compareFacts(facts.a, facts.b)) {
    const fix = IDENTITY_FIXES[m.field] ?? (UNREADABLE_ONLY.has(m.field) && m.severity !== 'error' ? `read it by hand on both devices (display version)` : undefined);
    if (fix === undefined) continue;
    const said = repeatedRow(m, facts);
    out.push({ rule: `preflight.${m.field}`, ...said, path: 'devices', severity: m.severity, message: `${m.message}${m.a || m.b ? ` (A: ${m.a ?? '-'}; B: ${m.b ?? '-'})` : ''}`, fix });
  }
  return out;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** All findings, errors first; the run stops when any is an error. */
export function preflight(pair: Pair, facts: Record<DeviceKey, DeviceFacts>, pack: PlatformPack): Diagnostic[] {
  return [...validatePair(pair, facts, pack), ...factFindings(pair, facts)].sort((x, y) => ORDER[x.severity] - ORDER[y.severity]);
}
