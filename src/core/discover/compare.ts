import type { Message, MessageList, MessageParams } from '../base/message';
import type { DeviceFacts, RbmFact } from '../model/facts';
import { andList } from '../validate/diagnostic';

/** One row the pairing wizard highlights, with both sides' values as display text. */
export interface FactMismatch {
  /** Stable id for the UI and tests: "model", "interfaces", "rbm.role" … */
  field: string;
  label: string;
  a?: string;
  b?: string;
  /** error: RBM cannot pair these; warning: pairing works but will change or lose something; info: could not be checked. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The message in the `core` catalogue (compare.*); `message` stays its English. */
  code?: string;
  params?: MessageParams;
  /** The label in the `core` catalogue (compare.label.*); `label` stays its English. */
  labelCode?: string;
  /**
   * A side's value when the tool worded it: parts (compare.value.*) joined with commas, `a`/`b`
   * staying its English. Absent for a side whose value is only what the device printed.
   */
  values?: { a?: MessageList; b?: MessageList };
}

/** Each label's catalogue key (compare.label.<key>). */
const LABEL_KEYS: Record<string, string> = {
  Model: 'model',
  'Software version': 'software',
  Release: 'release',
  Sysname: 'sysname',
  'Serial number': 'serial',
  'MAC address': 'mac',
  'Sysname and boot time': 'identity',
  Interfaces: 'interfaces',
  'Aggregation membership': 'aggregation',
  'Existing RBM configuration': 'rbm-existing',
  'RBM role': 'rbm-role',
  'Backup mode': 'rbm-mode',
  'Control channel port': 'rbm-port',
  'Control channel addresses': 'rbm-addresses',
  'Keepalive interval': 'keepalive-interval',
  'Keepalive count': 'keepalive-count',
};

/** A row with its message's code and its label's. */
function row(m: Omit<FactMismatch, 'code' | 'params' | 'labelCode'>, code: string, params: MessageParams = {}): FactMismatch {
  const key = LABEL_KEYS[m.label];
  return { ...m, code: `compare.${code}`, params, ...(key ? { labelCode: `compare.label.${key}` } : {}) };
}

/** A value the tool worded: its English for `a`/`b` and its parts for `values`. */
interface Worded {
  text: string;
  parts: Message[];
}
const worded = (text: string, code: string, params: MessageParams): Worded => ({ text, parts: [{ code: `compare.value.${code}`, params }] });
const joined = (ws: Worded[]): Worded => ({ text: ws.map((w) => w.text).join(', '), parts: ws.flatMap((w) => w.parts) });
const list = (w: Worded): MessageList => ({ sep: 'comma', items: w.parts });

/** The `a`, `b` and `values` of a row whose sides the tool worded. */
function sides(a: Worded | undefined, b: Worded | undefined): Pick<FactMismatch, 'a' | 'b' | 'values'> {
  return { a: a?.text, b: b?.text, values: { ...(a ? { a: list(a) } : {}), ...(b ? { b: list(b) } : {}) } };
}

// Interfaces that exist on every device and say nothing about a pair's wiring.
const IGNORED_INTERFACES = /^(?:NULL|InLoopBack|Register-Tunnel|Aux|Console)\d/;

const show = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

/** The row for a fact missing on one side (info) or on both (warning: nothing was compared at all). */
function unreadable(out: FactMismatch[], field: string, label: string, a: string | undefined, b: string | undefined, consequence: Consequence, severity: FactMismatch['severity'] = 'warning'): void {
  if (a !== undefined && b !== undefined) return;
  const what = { label: { sep: 'comma' as const, items: [{ code: `compare.label.${LABEL_KEYS[label] ?? 'model'}` }] } };
  if (a === undefined && b === undefined) {
    out.push(row({ field, label, severity, message: `${label} could not be read on either device; ${CONSEQUENCES[consequence]}` }, `unread-both.${consequence}`, what));
  } else {
    const device = a === undefined ? 'A' : 'B';
    out.push(row({ field, label, a, b, severity: 'info', message: `${label} could not be read on device ${device}; check it by hand.` }, 'unread-one', { ...what, device }));
  }
}

/** What an unreadable fact leaves unknown (compare.unread-both.<key>). */
const CONSEQUENCES = {
  compare: 'compare it on both by hand.',
  'mac-apart': 'their MAC addresses tell them apart.',
  'not-proved': 'nothing proves the two connections reach two different devices.',
} as const;
type Consequence = keyof typeof CONSEQUENCES;

/** Same-value check for a field both devices must agree on (RBM requires same hardware and software). */
function same(out: FactMismatch[], field: string, label: string, a: string | undefined, b: string | undefined, why: string): void {
  if (a === undefined || b === undefined) {
    unreadable(out, field, label, a, b, 'compare');
    return;
  }
  if (a.trim().toLowerCase() !== b.trim().toLowerCase()) out.push(row({ field, label, a, b, severity: 'error', message: why }, `differs.${field}`));
}

// Two reads of one box give boot instants this close: uptime prints in whole minutes and the
// version and clock reads of one discovery are up to a minute apart.
const SAME_BOOT_TOLERANCE_SECONDS = 180;

/** Boot time in epoch seconds (clock minus uptime), or the bare uptime when a clock is missing. */
function sameBoot(a: DeviceFacts, b: DeviceFacts): boolean {
  if (a.uptimeSeconds === undefined || b.uptimeSeconds === undefined) return false;
  const boot = (f: DeviceFacts) => (f.clock === undefined ? NaN : Date.parse(f.clock) / 1000 - (f.uptimeSeconds ?? 0));
  const [x, y] = [boot(a), boot(b)];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return Math.abs(x - y) <= SAME_BOOT_TOLERANCE_SECONDS;
  return Math.abs(a.uptimeSeconds - b.uptimeSeconds) <= SAME_BOOT_TOLERANCE_SECONDS;
}

const macKey = (m: string) => m.replace(/[^0-9a-f]/gi, '').toLowerCase();

export interface SameDevice {
  /** The fact that gives it away: serial, else bridge MAC, else sysname with boot time. */
  field: 'serialNumber' | 'mac' | 'identity';
}

/**
 * Whether two sets of facts come from one device: the serial decides when both were read, else
 * the bridge MAC, else the same sysname with the same boot time gives the same box away.
 */
export function sameDevice(a: DeviceFacts, b: DeviceFacts): SameDevice | undefined {
  const [sa, sb] = [a.serialNumber, b.serialNumber];
  if (sa !== undefined && sb !== undefined) return sa.trim() === sb.trim() ? { field: 'serialNumber' } : undefined;
  if (a.mac !== undefined && b.mac !== undefined) return macKey(a.mac) === macKey(b.mac) ? { field: 'mac' } : undefined;
  if (a.sysname !== undefined && a.sysname === b.sysname && sameBoot(a, b)) return { field: 'identity' };
  return undefined;
}

const IDENTITY_LABELS: Record<SameDevice['field'], string> = { serialNumber: 'Serial number', mac: 'MAC address', identity: 'Sysname and boot time' };

function compareIdentity(out: FactMismatch[], a: DeviceFacts, b: DeviceFacts): void {
  const same = sameDevice(a, b);
  const toldApart = !same && a.mac !== undefined && b.mac !== undefined;
  if (toldApart) unreadable(out, 'serialNumber', 'Serial number', a.serialNumber, b.serialNumber, 'mac-apart', 'info');
  else unreadable(out, 'serialNumber', 'Serial number', a.serialNumber, b.serialNumber, 'not-proved');
  if (!same) return;
  const label = IDENTITY_LABELS[same.field];
  if (same.field !== 'identity') {
    out.push(row({ field: same.field, label, a: same.field === 'mac' ? a.mac : a.serialNumber, b: same.field === 'mac' ? b.mac : b.serialNumber, severity: 'error', message: 'Both connections reach the same device.' }, 'same-device'));
    return;
  }
  const why = ' Neither serial nor MAC could be compared, but both have the same sysname and booted at the same time.';
  out.push(row({ field: same.field, label, ...sides(upFor(a), upFor(b)), severity: 'error', message: `Both connections reach the same device.${why}` }, 'same-device-identity'));
}

/** Whole minutes a device has run, as the same-device row shows them. */
export const uptimeMinutes = (f: DeviceFacts): number => Math.round((f.uptimeSeconds ?? 0) / 60);

/** "FW1, up 10 min": which box, and how long it has run. */
function upFor(f: DeviceFacts): Worded {
  const [sysname, minutes] = [f.sysname ?? '?', uptimeMinutes(f)];
  return worded(`${sysname}, up ${minutes} min`, 'uptime', { sysname, minutes });
}

/** An RBM configuration in a few words: role and mode as the device prints them, the addresses named. */
function describeRbm(r: RbmFact | undefined): Worded | undefined {
  if (!r?.configured) return undefined;
  const parts = [...(r.role ? [worded(r.role, 'role', { role: r.role })] : []), ...(r.mode ? [worded(r.mode, 'mode', { mode: r.mode })] : []), ...(r.localIp ? [worded(`local ${r.localIp}`, 'local', { ip: r.localIp })] : []), ...(r.remoteIp ? [worded(`remote ${r.remoteIp}`, 'remote', { ip: r.remoteIp })] : [])];
  return parts.length > 0 ? joined(parts) : worded('configured', 'configured', {});
}

const addresses = (r: RbmFact): Worded => {
  const [local, remote] = [r.localIp ?? '?', r.remoteIp ?? '?'];
  return worded(`local ${local}, remote ${remote}`, 'addresses', { local, remote });
};

function compareRbm(out: FactMismatch[], a: RbmFact | undefined, b: RbmFact | undefined): void {
  for (const [side, r] of [['A', a], ['B', b]] as const) {
    if (r?.configured) {
      out.push(
        row(
          {
            field: `rbm.existing.${side.toLowerCase()}`,
            label: 'Existing RBM configuration',
            ...sides(side === 'A' ? describeRbm(r) : undefined, side === 'B' ? describeRbm(r) : undefined),
            severity: 'warning',
            message: `Device ${side} already has an RBM configuration; pairing will replace it.`,
          },
          'rbm-existing',
          { device: side },
        ),
      );
    }
  }
  if (!a?.configured || !b?.configured) return;
  if (a.role !== undefined && a.role === b.role) {
    out.push(row({ field: 'rbm.role', label: 'RBM role', a: a.role, b: b.role, severity: 'error', message: `Both devices are configured as ${a.role}; one must be primary and the other secondary.` }, 'rbm-role', { role: a.role }));
  }
  if (a.mode !== undefined && b.mode !== undefined && a.mode !== b.mode) {
    out.push(row({ field: 'rbm.mode', label: 'Backup mode', a: a.mode, b: b.mode, severity: 'error', message: 'The two devices run different backup modes.' }, 'rbm-mode'));
  }
  if (a.port !== undefined && b.port !== undefined && a.port !== b.port) {
    out.push(row({ field: 'rbm.port', label: 'Control channel port', a: show(a.port), b: show(b.port), severity: 'error', message: 'The control channel ports differ, so the channel cannot connect.' }, 'rbm-port'));
  }
  // Each side's remote IP must be the other's local IP, or the control channel never connects.
  if ((a.remoteIp !== undefined && b.localIp !== undefined && a.remoteIp !== b.localIp) || (b.remoteIp !== undefined && a.localIp !== undefined && b.remoteIp !== a.localIp)) {
    out.push(
      row(
        {
          field: 'rbm.addresses',
          label: 'Control channel addresses',
          ...sides(addresses(a), addresses(b)),
          severity: 'error',
          message: "Each device's remote IP must be the other device's local IP.",
        },
        'rbm-addresses',
      ),
    );
  }
  for (const key of ['keepaliveInterval', 'keepaliveCount'] as const) {
    if (a[key] !== undefined && b[key] !== undefined && a[key] !== b[key]) {
      out.push(row({ field: `rbm.${key}`, label: key === 'keepaliveInterval' ? 'Keepalive interval' : 'Keepalive count', a: show(a[key]), b: show(b[key]), severity: 'warning', message: 'Keepalive settings differ; failure detection will be asymmetric.' }, 'keepalive'));
    }
  }
}

const bundledIn = (name: string, member: string | undefined): Worded =>
  member === undefined ? worded(`${name} → none`, 'member-none', { interface: name }) : worded(`${name} → ${member}`, 'member', { interface: name, member });

function compareInterfaces(out: FactMismatch[], a: DeviceFacts, b: DeviceFacts): void {
  if (a.interfaces.length === 0 || b.interfaces.length === 0) {
    if (a.interfaces.length !== b.interfaces.length) {
      const device = a.interfaces.length === 0 ? 'A' : 'B';
      out.push(row({ field: 'interfaces', label: 'Interfaces', severity: 'info', message: `The interface list of device ${device} could not be read.` }, 'interfaces-unread', { device }));
    }
    return;
  }
  const names = (f: DeviceFacts) => new Set(f.interfaces.map((i) => i.name).filter((n) => !IGNORED_INTERFACES.test(n)));
  const [na, nb] = [names(a), names(b)];
  const onlyA = [...na].filter((n) => !nb.has(n)).sort();
  const onlyB = [...nb].filter((n) => !na.has(n)).sort();
  const onlyHere = (names: string[]) => (names.length > 0 ? worded(`only here: ${andList(names)}`, 'only-here', { names }) : undefined);
  if (onlyA.length > 0 || onlyB.length > 0) {
    out.push(
      row(
        {
          field: 'interfaces',
          label: 'Interfaces',
          ...sides(onlyHere(onlyA), onlyHere(onlyB)),
          severity: 'error',
          message: 'The devices have different interfaces; RBM needs the same hardware and interface layout.',
        },
        'interfaces',
      ),
    );
  }
  const memberOf = new Map(b.interfaces.map((i) => [i.name, i.aggregateMember]));
  const differing = a.interfaces.filter((i) => nb.has(i.name) && i.aggregateMember !== memberOf.get(i.name));
  if (differing.length > 0) {
    out.push(
      row(
        {
          field: 'interfaces.aggregation',
          label: 'Aggregation membership',
          ...sides(joined(differing.map((i) => bundledIn(i.name, i.aggregateMember))), joined(differing.map((i) => bundledIn(i.name, memberOf.get(i.name))))),
          severity: 'warning',
          message: 'Ports are bundled differently on the two devices.',
        },
        'aggregation',
      ),
    );
  }
}

/**
 * The differences between two devices that matter before pairing them: model, software
 * version and release, whether they are two devices at all, interface sets and aggregation,
 * sysname, and any RBM configuration already present. A fact unreadable on both sides is a
 * warning, not silence. Pure; an empty list means nothing to highlight.
 */
export function compareFacts(a: DeviceFacts, b: DeviceFacts): FactMismatch[] {
  const out: FactMismatch[] = [];
  same(out, 'model', 'Model', a.model, b.model, 'RBM needs the same model on both devices.');
  same(out, 'softwareVersion', 'Software version', a.softwareVersion, b.softwareVersion, 'RBM needs the same software version on both devices.');
  same(out, 'release', 'Release', a.release, b.release, 'RBM needs the same release on both devices; upgrade one first.');
  if (a.sysname !== undefined && a.sysname === b.sysname) {
    out.push(row({ field: 'sysname', label: 'Sysname', a: a.sysname, b: b.sysname, severity: 'warning', message: 'Both devices have the same sysname; logs and prompts will not tell them apart.' }, 'sysname'));
  }
  compareIdentity(out, a, b);
  compareInterfaces(out, a, b);
  compareRbm(out, a.rbm, b.rbm);
  return out;
}
