/**
 * The pair health matrix: named checks over what discovery read from both devices, shown before
 * and after every push. A pure function of (pair, facts A, facts B, now) so the CLI, the app and
 * tests show the same verdicts. Before commissioning most RBM checks are "n/a" (nothing runs yet).
 * Each check carries its sentence as a code and params (the `core` catalogue's health.*) beside
 * the English, so every edge says it in the reader's language.
 */
import type { Message, MessageParams } from '../base/message';
import { sameDevice, type SameDevice } from '../discover/compare';
import type { DeviceFacts, RbmFact } from '../model/facts';
import { parseIp } from '../model/ip';
import type { DeviceKey, Pair } from '../model/pair';
import { expectedState, sameVrrpGroup, vrrpFamily } from './expected';
import type { HealthCheck } from './types';

/** Clock skew between the devices: pass up to 10 s (the two clocks are read up to a few seconds apart), warn up to 120 s. */
export const CLOCK_SKEW_PASS_S = 10;
export const CLOCK_SKEW_WARN_S = 120;

type Facts = Record<DeviceKey, DeviceFacts>;
const KEYS: readonly DeviceKey[] = ['a', 'b'];
const up = (k: DeviceKey) => k.toUpperCase();
const ip = (s: string | undefined) => (s === undefined ? undefined : (parseIp(s)?.ip ?? s));

/** One part of a reason made of several (one per device or per problem): its message and its English. */
interface Part {
  m: Message;
  en: string;
}
const part = (code: string, params: MessageParams, en: string): Part => ({ m: { code: `health.${code}`, params }, en });
const list = (parts: readonly Part[], sep: 'comma' | 'semicolon') => ({ sep, items: parts.map((p) => p.m) });

/** `code` names the sentence: the catalogue has `health.<code>.reason` and, when `fix` is given, `.fix`. */
function check(id: string, title: string, status: HealthCheck['status'], code: string, params: MessageParams, reason: string, fix = ''): HealthCheck {
  return { id, title, status, reason, fix, code: `health.${code}`, params };
}

function sameField(id: 'model' | 'software', title: string, f: Facts, read: (d: DeviceFacts) => string | undefined, fix: string): HealthCheck {
  const [a, b] = [read(f.a), read(f.b)];
  if (a === undefined || b === undefined) {
    const device = a === undefined ? 'A' : 'B';
    return check(id, title, 'warn', `${id}.unread`, { device }, `could not be read on device ${device}`, `check it by hand (${title.toLowerCase()})`);
  }
  if (a.trim().toLowerCase() !== b.trim().toLowerCase()) return check(id, title, 'fail', `${id}.differs`, { a, b }, `A has ${a}, B has ${b}`, fix);
  return check(id, title, 'pass', `${id}.same`, { value: a }, `both ${a}`);
}

const configured = (f: Facts) => KEYS.filter((k) => f[k].rbm?.configured);

function rbmPort(pair: Pair, f: Facts): HealthCheck {
  const title = 'RBM port agreement';
  const ks = configured(f);
  const port = pair.controlChannel.port;
  if (ks.length === 0) return check('rbm-port', title, 'n/a', 'not-configured', {}, 'hot backup is not configured on either device yet');
  const bad = ks.filter((k) => f[k].rbm?.port !== undefined && f[k].rbm?.port !== port).map((k) => part('rbm-port.uses', { device: up(k), port: String(f[k].rbm?.port) }, `${up(k)} uses port ${f[k].rbm?.port}`));
  if (bad.length > 0)
    return check('rbm-port', title, 'fail', 'rbm-port.file', { ports: list(bad, 'comma'), port: String(port) }, bad.map((p) => p.en).join(', ') + `, the file says ${port}`, 'apply the pair file so both devices use the same control-channel port');
  if (ks.length === 2 && f.a.rbm?.port !== f.b.rbm?.port) {
    const [a, b] = [String(f.a.rbm?.port), String(f.b.rbm?.port)];
    return check('rbm-port', title, 'fail', 'rbm-port.differ', { a, b }, `A ${a}, B ${b}`, 'use one port on both devices');
  }
  if (ks.length === 2) return check('rbm-port', title, 'pass', 'rbm-port.same', { port: String(port) }, `both ${port}`);
  const only = up(ks[0] as DeviceKey);
  return check('rbm-port', title, 'warn', 'rbm-port.one', { device: only }, `only device ${only} has RBM configured`);
}

function clockSkew(f: Facts, now: Date): HealthCheck {
  const title = `Clock skew (pass ≤ ${CLOCK_SKEW_PASS_S} s, warn ≤ ${CLOCK_SKEW_WARN_S} s)`;
  const limits = { pass: CLOCK_SKEW_PASS_S, warn: CLOCK_SKEW_WARN_S };
  const [a, b] = [f.a.clock, f.b.clock].map((c) => (c === undefined ? NaN : Date.parse(c)));
  if (Number.isNaN(a) || Number.isNaN(b)) return check('clock-skew', title, 'warn', 'clock-skew.unread', limits, 'a device clock could not be read', 'check `display clock` on both devices');
  const skew = Math.abs((a as number) - (b as number)) / 1000;
  const drift = Math.max(Math.abs((a as number) - now.getTime()), Math.abs((b as number) - now.getTime())) / 1000;
  const params = { ...limits, skew: skew.toFixed(1), drift: drift.toFixed(0) };
  const reason = `devices differ by ${params.skew} s (largest offset from this computer ${params.drift} s)`;
  const fix = 'set both clocks from the same NTP server (ntp-service unicast-server …) so logs and switchover records line up';
  if (skew <= CLOCK_SKEW_PASS_S) return check('clock-skew', title, 'pass', 'clock-skew.within', params, reason);
  return check('clock-skew', title, skew <= CLOCK_SKEW_WARN_S ? 'warn' : 'fail', 'clock-skew.skew', params, reason, fix);
}

/** The English of `health.identity.same-*`, made from the same value the reader's language gets. */
const SAME_EVIDENCE: Record<SameDevice['field'], (value: string) => string> = {
  serialNumber: (v) => `serial ${v}`,
  mac: (v) => `MAC ${v}`,
  identity: (v) => `sysname ${v} booted at the same time`,
};

function identity(pair: Pair, f: Facts): HealthCheck {
  const title = 'Serial / peer identity';
  const same = sameDevice(f.a, f.b);
  if (same) {
    const value = (same.field === 'serialNumber' ? f.a.serialNumber : same.field === 'mac' ? f.a.mac : f.a.sysname) ?? '';
    return check('identity', title, 'fail', `identity.same-${same.field}`, { value }, `both connections reach ${SAME_EVIDENCE[same.field](value)}`, 'check the --a/--b addresses: they lead to the same device');
  }
  const problems: Part[] = [];
  for (const k of configured(f)) {
    const o: DeviceKey = k === 'a' ? 'b' : 'a';
    const r = f[k].rbm as RbmFact;
    const want = ip(pair.devices[o].controlChannel.localIp);
    const who = { device: up(k), other: up(o) };
    if (r.remoteIp !== undefined && ip(r.remoteIp) !== want)
      problems.push(part('identity.remote-ip', { ...who, remote: r.remoteIp, local: String(want) }, `${up(k)}'s remote IP is ${r.remoteIp}, ${up(o)}'s local IP is ${want}`));
    const oLocal = f[o].rbm?.localIp;
    if (r.remoteIp !== undefined && oLocal !== undefined && ip(oLocal) !== ip(r.remoteIp))
      problems.push(part('identity.points-at', { ...who, remote: r.remoteIp, local: oLocal }, `${up(k)} points at ${r.remoteIp} but ${up(o)} listens on ${oLocal}`));
  }
  if (problems.length > 0)
    return check('identity', title, 'fail', 'identity.problems', { problems: list(problems, 'semicolon') }, problems.map((p) => p.en).join('; '), "apply the pair file: each device's remote IP must be the other's local IP");
  const read = f.a.serialNumber && f.b.serialNumber;
  const serials = read ? `serials ${f.a.serialNumber} / ${f.b.serialNumber} differ` : 'serials not read';
  const paired = configured(f).length === 2;
  const params: MessageParams = read ? { a: f.a.serialNumber as string, b: f.b.serialNumber as string } : {};
  const code = `identity.${read ? 'serials' : 'unread'}${paired ? '-paired' : ''}`;
  return check('identity', title, read ? 'pass' : 'warn', code, params, paired ? `${serials}; remote IPs point at each other` : serials);
}

/** A status both sides must show; n/a while RBM is not configured on both. */
function bothShow(id: 'control-channel' | 'data-channel', title: string, f: Facts, read: (r: RbmFact) => string | undefined, want: string, fix: string): HealthCheck {
  if (configured(f).length < 2) return check(id, title, 'n/a', 'not-both', {}, 'hot backup is not configured on both devices yet');
  const seen = KEYS.map((k) => [k, read(f[k].rbm as RbmFact)] as const);
  const bad = seen.filter(([, v]) => v !== want);
  if (bad.length === 0) return check(id, title, 'pass', 'shows-all', { want }, `${want} on both`);
  const parts = bad.map(([k, v]) => (v === undefined ? part('shows-nothing', { device: up(k) }, `${up(k)} shows nothing`) : part('shows', { device: up(k), value: v }, `${up(k)} shows ${v}`)));
  return check(id, title, 'fail', `${id}.fail`, { shown: list(parts, 'comma'), want }, parts.map((p) => p.en).join(', ') + ` (expected ${want})`, fix);
}

function roles(pair: Pair, f: Facts): HealthCheck {
  const title = 'Mode, roles and running status';
  if (configured(f).length < 2) return check('roles', title, 'n/a', 'not-both', {}, 'hot backup is not configured on both devices yet');
  const exp = expectedState(pair);
  const bad: Part[] = [];
  for (const k of KEYS) {
    const r = f[k].rbm as RbmFact;
    const e = exp.devices[k];
    const device = up(k);
    if (r.mode !== exp.mode) bad.push(part('roles.mode', { device, mode: r.mode ?? '?', planned: exp.mode }, `${device} runs ${r.mode ?? '?'} mode, planned ${exp.mode}`));
    if (e.role !== undefined && r.role !== e.role)
      bad.push(r.role === undefined ? part('roles.no-role', { device, planned: e.role }, `${device} is no role, planned ${e.role}`) : part('roles.role', { device, role: r.role, planned: e.role }, `${device} is ${r.role}, planned ${e.role}`));
    if (e.runningStatus !== null && r.runningStatus !== e.runningStatus)
      bad.push(part('roles.status', { device, status: r.runningStatus ?? '?', planned: e.runningStatus }, `${device} is ${r.runningStatus ?? '?'}, planned ${e.runningStatus}`));
  }
  const active = KEYS.filter((k) => f[k].rbm?.runningStatus === 'Active').length;
  if (active !== exp.activeCount) bad.push(part('roles.active', { count: active, planned: exp.activeCount }, `${active} device${active === 1 ? '' : 's'} Active, planned ${exp.activeCount}`));
  if (bad.length > 0)
    return check('roles', title, 'fail', 'roles.fail', { problems: list(bad, 'semicolon') }, bad.map((p) => p.en).join('; '), 'apply the pair file; for running status see switchover records (display remote-backup-group status)');
  const params = { mode: exp.mode, roleA: f.a.rbm?.role ?? '-', statusA: String(f.a.rbm?.runningStatus), roleB: f.b.rbm?.role ?? '-', statusB: String(f.b.rbm?.runningStatus) };
  return check('roles', title, 'pass', 'roles.pass', params, `${exp.mode}: A ${params.roleA} ${params.statusA}, B ${params.roleB} ${params.statusB}`);
}

function configSync(pair: Pair, f: Facts): HealthCheck {
  const title = 'Configuration sync and consistency';
  if (configured(f).length < 2) return check('config-sync', title, 'n/a', 'not-both', {}, 'hot backup is not configured on both devices yet');
  const auto = pair.configSync.auto;
  const off = KEYS.filter((k) => f[k].rbm?.autoSync !== undefined && f[k].rbm?.autoSync !== auto);
  if (off.length > 0) {
    const devices = off.map(up).join(', ');
    return check('config-sync', title, 'fail', `config-sync.auto-${auto ? 'off' : 'on'}`, { devices }, `auto-sync is ${auto ? 'off' : 'on'} on ${devices}`, 'apply the pair file (configuration auto-sync enable)');
  }
  const results = KEYS.map((k) => f[k].rbm?.consistency);
  if (results.includes('Inconsistent')) return check('config-sync', title, 'fail', 'config-sync.inconsistent', {}, 'the consistency check found differences', 'run `hotpair op <pair> sync`, then `hotpair op <pair> check`');
  if (!pair.consistencyCheck.enabled) return check('config-sync', title, 'pass', `config-sync.disabled-${auto ? 'on' : 'off'}`, {}, `auto-sync ${auto ? 'on' : 'off'}; consistency check disabled by the file`);
  if (results.every((r) => r === 'Consistent')) return check('config-sync', title, 'pass', 'config-sync.consistent', {}, 'auto-sync as planned; consistency check: Consistent');
  const [a, b] = results.map((r) => r ?? 'unknown') as [string, string];
  return check('config-sync', title, 'warn', 'config-sync.result', { a, b }, `consistency check result: A ${a}, B ${b}`, 'run `hotpair op <pair> check`');
}

function vrrp(pair: Pair, f: Facts): HealthCheck {
  const title = 'VRRP group states';
  if (pair.vrrp.length === 0) return check('vrrp', title, 'n/a', 'vrrp.none', {}, 'the pair file has no VRRP groups');
  const exp = expectedState(pair);
  const bad: Part[] = [];
  const unread: Part[] = [];
  for (const k of KEYS) {
    // Facts with no IPv6 group at all are taken as a reading without `display vrrp ipv6 verbose`
    // (discovery reads it only where it can): those groups are unread, not missing.
    const ipv6Read = f[k].vrrp.some((v) => vrrpFamily(v) === 'ipv6');
    for (const g of exp.devices[k].vrrp) {
      const seen = f[k].vrrp.find((v) => sameVrrpGroup(v, g));
      const v6 = g.family === 'ipv6';
      const at = { device: up(k), vrid: String(g.vrid) };
      const sfx = v6 ? '-ipv6' : '';
      const kind = v6 ? 'IPv6 group' : 'group';
      if (!seen && v6 && !ipv6Read) unread.push(part('vrrp.unread-ipv6', { ...at, interface: g.interface }, `${up(k)} IPv6 group ${g.vrid} on ${g.interface}`));
      else if (!seen) bad.push(part(`vrrp.missing${sfx}`, { ...at, interface: g.interface }, `${up(k)} has no ${kind} ${g.vrid} on ${g.interface}`));
      else if (g.state !== null && seen.state !== g.state) bad.push(part(`vrrp.state${sfx}`, { ...at, state: seen.state, expected: g.state }, `${up(k)} ${kind} ${g.vrid} is ${seen.state}, expected ${g.state}`));
    }
  }
  const notConfigured = configured(f).length < 2;
  if (bad.length > 0)
    return check('vrrp', title, notConfigured ? 'n/a' : 'fail', 'vrrp.fail', { problems: list(bad, 'semicolon') }, bad.map((p) => p.en).join('; '), 'apply the pair file; RBM decides the masters once the channel is up');
  if (unread.length > 0)
    return check('vrrp', title, notConfigured ? 'n/a' : 'warn', 'vrrp.unread', { problems: list(unread, 'semicolon'), command: 'display vrrp ipv6 verbose' }, `not read: ${unread.map((p) => p.en).join('; ')}`, 'check them on each device with display vrrp ipv6 verbose');
  // An IPv6 group lists each of its addresses in the file: count groups, not lines.
  const count = exp.devices.a.vrrp.length;
  return check('vrrp', title, 'pass', 'vrrp.pass', { count }, `${count} group${count === 1 ? '' : 's'} as expected on both devices`);
}

export function healthMatrix(pair: Pair, a: DeviceFacts, b: DeviceFacts, now: Date): HealthCheck[] {
  const f: Facts = { a, b };
  return [
    sameField('model', 'Model', f, (d) => d.model, 'pair two appliances of the same model'),
    sameField('software', 'Software version and release', f, (d) => (d.softwareVersion === undefined ? undefined : `${d.softwareVersion}${d.release ? ` ${d.release}` : ''}`), 'upgrade one device so both run the same release'),
    rbmPort(pair, f),
    clockSkew(f, now),
    identity(pair, f),
    roles(pair, f),
    bothShow('control-channel', 'Control channel', f, (r) => r.controlChannel, 'Connected', 'check the channel link and that each remote IP is reachable from the other device (ping -a local-ip remote-ip)'),
    bothShow('data-channel', 'Data channel', f, (r) => r.dataChannelState, 'Up', 'check the data-channel interface link and cabling'),
    configSync(pair, f),
    vrrp(pair, f),
  ];
}
