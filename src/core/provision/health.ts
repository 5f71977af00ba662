/**
 * The pair health matrix: named checks over what discovery read from both devices, shown before
 * and after every push. A pure function of (pair, facts A, facts B, now) so the CLI, the app and
 * tests show the same verdicts. Before commissioning most RBM checks are "n/a" (nothing runs yet).
 */
import type { DeviceFacts, RbmFact } from '../model/facts';
import { parseIp } from '../model/ip';
import type { DeviceKey, Pair } from '../model/pair';
import { expectedState } from './expected';
import type { HealthCheck } from './types';

/** Clock skew between the devices: pass up to 10 s (the two clocks are read up to a few seconds apart), warn up to 120 s. */
export const CLOCK_SKEW_PASS_S = 10;
export const CLOCK_SKEW_WARN_S = 120;

type Facts = Record<DeviceKey, DeviceFacts>;
const KEYS: readonly DeviceKey[] = ['a', 'b'];
const up = (k: DeviceKey) => k.toUpperCase();
const ip = (s: string | undefined) => (s === undefined ? undefined : (parseIp(s)?.ip ?? s));

function check(id: string, title: string, status: HealthCheck['status'], reason: string, fix = ''): HealthCheck {
  return { id, title, status, reason, fix };
}

function sameField(id: string, title: string, f: Facts, read: (d: DeviceFacts) => string | undefined, fix: string): HealthCheck {
  const [a, b] = [read(f.a), read(f.b)];
  if (a === undefined || b === undefined) return check(id, title, 'warn', `could not be read on device ${a === undefined ? 'A' : 'B'}`, `check it by hand (${title.toLowerCase()})`);
  if (a.trim().toLowerCase() !== b.trim().toLowerCase()) return check(id, title, 'fail', `A has ${a}, B has ${b}`, fix);
  return check(id, title, 'pass', `both ${a}`);
}

const configured = (f: Facts) => KEYS.filter((k) => f[k].rbm?.configured);

function rbmPort(pair: Pair, f: Facts): HealthCheck {
  const title = 'RBM port agreement';
  const ks = configured(f);
  if (ks.length === 0) return check('rbm-port', title, 'n/a', 'hot backup is not configured on either device yet');
  const bad = ks.filter((k) => f[k].rbm?.port !== undefined && f[k].rbm?.port !== pair.controlChannel.port);
  if (bad.length > 0)
    return check('rbm-port', title, 'fail', bad.map((k) => `${up(k)} uses port ${f[k].rbm?.port}`).join(', ') + `, the file says ${pair.controlChannel.port}`, 'apply the pair file so both devices use the same control-channel port');
  if (ks.length === 2 && f.a.rbm?.port !== f.b.rbm?.port) return check('rbm-port', title, 'fail', `A ${f.a.rbm?.port}, B ${f.b.rbm?.port}`, 'use one port on both devices');
  return check('rbm-port', title, ks.length === 2 ? 'pass' : 'warn', ks.length === 2 ? `both ${pair.controlChannel.port}` : `only device ${up(ks[0] as DeviceKey)} has RBM configured`);
}

function clockSkew(f: Facts, now: Date): HealthCheck {
  const title = `Clock skew (pass ≤ ${CLOCK_SKEW_PASS_S} s, warn ≤ ${CLOCK_SKEW_WARN_S} s)`;
  const [a, b] = [f.a.clock, f.b.clock].map((c) => (c === undefined ? NaN : Date.parse(c)));
  if (Number.isNaN(a) || Number.isNaN(b)) return check('clock-skew', title, 'warn', 'a device clock could not be read', 'check `display clock` on both devices');
  const skew = Math.abs((a as number) - (b as number)) / 1000;
  const drift = Math.max(Math.abs((a as number) - now.getTime()), Math.abs((b as number) - now.getTime())) / 1000;
  const reason = `devices differ by ${skew.toFixed(1)} s (largest offset from this computer ${drift.toFixed(0)} s)`;
  const fix = 'set both clocks from the same NTP server (ntp-service unicast-server …) so logs and switchover records line up';
  if (skew <= CLOCK_SKEW_PASS_S) return check('clock-skew', title, 'pass', reason);
  return check('clock-skew', title, skew <= CLOCK_SKEW_WARN_S ? 'warn' : 'fail', reason, fix);
}

function identity(pair: Pair, f: Facts): HealthCheck {
  const title = 'Serial / peer identity';
  if (f.a.serialNumber !== undefined && f.a.serialNumber === f.b.serialNumber)
    return check('identity', title, 'fail', `both connections reach serial ${f.a.serialNumber}`, 'check the --a/--b addresses: they lead to the same device');
  const problems: string[] = [];
  for (const k of configured(f)) {
    const o: DeviceKey = k === 'a' ? 'b' : 'a';
    const r = f[k].rbm as RbmFact;
    const want = ip(pair.devices[o].controlChannel.localIp);
    if (r.remoteIp !== undefined && ip(r.remoteIp) !== want) problems.push(`${up(k)}'s remote IP is ${r.remoteIp}, ${up(o)}'s local IP is ${want}`);
    const oLocal = f[o].rbm?.localIp;
    if (r.remoteIp !== undefined && oLocal !== undefined && ip(oLocal) !== ip(r.remoteIp)) problems.push(`${up(k)} points at ${r.remoteIp} but ${up(o)} listens on ${oLocal}`);
  }
  if (problems.length > 0) return check('identity', title, 'fail', problems.join('; '), "apply the pair file: each device's remote IP must be the other's local IP");
  const serials = f.a.serialNumber && f.b.serialNumber ? `serials ${f.a.serialNumber} / ${f.b.serialNumber} differ` : 'serials not read';
  return check('identity', title, f.a.serialNumber && f.b.serialNumber ? 'pass' : 'warn', configured(f).length === 2 ? `${serials}; remote IPs point at each other` : serials);
}

/** A status both sides must show; n/a while RBM is not configured on both. */
function bothShow(id: string, title: string, f: Facts, read: (r: RbmFact) => string | undefined, want: string, fix: string): HealthCheck {
  if (configured(f).length < 2) return check(id, title, 'n/a', 'hot backup is not configured on both devices yet');
  const seen = KEYS.map((k) => [k, read(f[k].rbm as RbmFact)] as const);
  const bad = seen.filter(([, v]) => v !== want);
  if (bad.length === 0) return check(id, title, 'pass', `${want} on both`);
  return check(id, title, 'fail', bad.map(([k, v]) => `${up(k)} shows ${v ?? 'nothing'}`).join(', ') + ` (expected ${want})`, fix);
}

function roles(pair: Pair, f: Facts): HealthCheck {
  const title = 'Mode, roles and running status';
  if (configured(f).length < 2) return check('roles', title, 'n/a', 'hot backup is not configured on both devices yet');
  const exp = expectedState(pair);
  const bad: string[] = [];
  for (const k of KEYS) {
    const r = f[k].rbm as RbmFact;
    const e = exp.devices[k];
    if (r.mode !== exp.mode) bad.push(`${up(k)} runs ${r.mode ?? '?'} mode, planned ${exp.mode}`);
    if (e.role !== undefined && r.role !== e.role) bad.push(`${up(k)} is ${r.role ?? 'no role'}, planned ${e.role}`);
    if (e.runningStatus !== null && r.runningStatus !== e.runningStatus) bad.push(`${up(k)} is ${r.runningStatus ?? '?'}, planned ${e.runningStatus}`);
  }
  const active = KEYS.filter((k) => f[k].rbm?.runningStatus === 'Active').length;
  if (active !== exp.activeCount) bad.push(`${active} device(s) Active, planned ${exp.activeCount}`);
  if (bad.length > 0) return check('roles', title, 'fail', bad.join('; '), 'apply the pair file; for running status see switchover records (display remote-backup-group status)');
  return check('roles', title, 'pass', `${exp.mode}: A ${f.a.rbm?.role ?? '-'} ${f.a.rbm?.runningStatus}, B ${f.b.rbm?.role ?? '-'} ${f.b.rbm?.runningStatus}`);
}

function configSync(pair: Pair, f: Facts): HealthCheck {
  const title = 'Configuration sync and consistency';
  if (configured(f).length < 2) return check('config-sync', title, 'n/a', 'hot backup is not configured on both devices yet');
  const off = KEYS.filter((k) => f[k].rbm?.autoSync !== undefined && f[k].rbm?.autoSync !== pair.configSync.auto);
  if (off.length > 0) return check('config-sync', title, 'fail', `auto-sync is ${pair.configSync.auto ? 'off' : 'on'} on ${off.map(up).join(', ')}`, 'apply the pair file (configuration auto-sync enable)');
  const results = KEYS.map((k) => f[k].rbm?.consistency);
  if (results.includes('Inconsistent')) return check('config-sync', title, 'fail', 'the consistency check found differences', 'run `hotpair op <pair> sync`, then `hotpair op <pair> check`');
  if (!pair.consistencyCheck.enabled) return check('config-sync', title, 'pass', `auto-sync ${pair.configSync.auto ? 'on' : 'off'}; consistency check disabled by the file`);
  if (results.every((r) => r === 'Consistent')) return check('config-sync', title, 'pass', 'auto-sync as planned; consistency check: Consistent');
  return check('config-sync', title, 'warn', `consistency check result: ${results.map((r, i) => `${i ? 'B' : 'A'} ${r ?? 'unknown'}`).join(', ')}`, 'run `hotpair op <pair> check`');
}

function vrrp(pair: Pair, f: Facts): HealthCheck {
  const title = 'VRRP group states';
  if (pair.vrrp.length === 0) return check('vrrp', title, 'n/a', 'the pair file has no VRRP groups');
  const exp = expectedState(pair);
  const bad: string[] = [];
  for (const k of KEYS)
    for (const g of exp.devices[k].vrrp) {
      const seen = f[k].vrrp.find((v) => v.interface === g.interface && v.vrid === g.vrid);
      if (!seen) bad.push(`${up(k)} has no group ${g.vrid} on ${g.interface}`);
      else if (g.state !== null && seen.state !== g.state) bad.push(`${up(k)} group ${g.vrid} is ${seen.state}, expected ${g.state}`);
    }
  if (bad.length > 0) return check('vrrp', title, configured(f).length < 2 ? 'n/a' : 'fail', bad.join('; '), 'apply the pair file; RBM decides the masters once the channel is up');
  return check('vrrp', title, 'pass', `${pair.vrrp.length} group(s) as expected on both devices`);
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
