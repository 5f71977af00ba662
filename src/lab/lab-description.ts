import type { Message } from '../core/base/message';
import { DEFAULT_CONSOLE_BAUD } from './hosts/console-host';
import type { DataPlaneAddress } from './dataplane';
import type { Lab } from './lab';
import { cablePath } from './one-cable';
import { syslogTarget } from './syslog';

export interface DeviceEndpoint {
  key: string;
  sysname: string;
  ssh: { host: string; port: number; username: string; password: string };
  serial?: string;
  /** Loopback address that stands for this device's IPs on the RBM channels. */
  loopback: string;
  controlIp?: string;
  rbmPort?: number;
}

export interface LabDescription {
  pid: number;
  stateDir: string;
  devices: DeviceEndpoint[];
  /** Control-channel IP ↦ loopback address, per pair. */
  controlChannel: { pair: number; map: Record<string, string>; port?: number }[];
  syslog: string;
  baud?: number;
  /** Each virtual IP ↦ the loopback host:port that accepts TCP only while a device owns the address. */
  dataPlane?: DataPlaneAddress[];
  /** The single console cable's port (`hotpair lab --one-cable`), whose far end `hotpair lab cable` moves. */
  oneCable?: { path: string };
  notes: string[];
  /** `notes` (and the syslog line) as messages of the core catalogue (`lab.note.…`), in the same order, for the reader's language. */
  noteMessages?: Message[];
  syslogMessage?: Message;
}

/** A note in English and as its message. */
const note = (code: string, english: string, params?: Message['params']): { english: string; said: Message } => ({ english, said: { code: `lab.note.${code}`, ...(params ? { params } : {}) } });

export function describeLab(lab: Lab): LabDescription {
  const o = lab.options;
  const devices = lab.members.map((m) => ({
    key: m.key,
    sysname: m.device.sysname(),
    ssh: { host: '127.0.0.1', port: m.ssh.port, username: o.username, password: o.password },
    ...(m.console ? { serial: m.console.path } : {}),
    loopback: m.net.loopbackOf(m.device),
    ...(m.blueprint.controlIp ? { controlIp: m.blueprint.controlIp } : {}),
    ...(m.rbmPort ? { rbmPort: m.rbmPort } : {}),
  }));
  const pairs = [...new Set(lab.members.map((m) => m.net))];
  const baud = String(o.baud ?? DEFAULT_CONSOLE_BAUD);
  const notes = [
    ...(o.oneCable !== undefined
      ? [note('one-cable', `One console cable: ${cablePath(o.stateDir)} reaches device A, device B or nothing; move it with: hotpair lab cable a|b|none`, { path: cablePath(o.stateDir) })]
      : []),
    note('rbm', 'RBM channels run over real TCP between per-device loopback addresses (127.10.<pair>.1 = A, .2 = B); the higher control IP listens.'),
    ...(lab.members.some((m) => m.console)
      ? [note('baud', `Serial consoles run at ${baud} baud 8N1, as a real console does: a program set to another speed reads garbage and the device gets garbage (--baud sets the speed).`, { baud })]
      : []),
    note(
      'data-plane',
      'Data plane: each VRRP virtual IP and floating IP is a loopback host:port (dataPlane) that accepts TCP only while the device owning the address holds it; addresses configured later are added to dataplane.json in the state dir, with when each stopped and resumed answering.',
    ),
    ...(pairs.length > 1 ? [note('pairs', 'Every pair has RBM configured on its own free port (control P, data channel P+1), shown per pair.')] : []),
    note('faults', 'Faults: hotpair lab fault <device> link-down|link-up <if> | track-negative|track-positive <id> | power-off | power-on | cut-control-channel | heal | reboot | traffic <n>'),
  ];
  const target = syslogTarget('0.0.0.0');
  return {
    pid: process.pid,
    stateDir: o.stateDir,
    devices,
    controlChannel: pairs.map((n) => {
      const ms = lab.members.filter((m) => m.net === n);
      const map: Record<string, string> = {};
      // The control-channel IPs: as planned for the pair, and as configured once RBM is set up.
      for (const m of ms) for (const ip of [m.blueprint.controlIp, m.device.rbmConfig()?.localIp]) if (ip) map[ip] = n.loopbackOf(m.device);
      return { pair: n.pairIndex, map, ...(ms[0]?.rbmPort ? { port: ms[0].rbmPort } : {}) };
    }),
    syslog: `each device sends to its 'info-center loghost' over UDP; loopback targets as configured, any other address to ${target} on the same port`,
    syslogMessage: { code: 'lab.note.syslog', params: { target } },
    ...(o.baud ? { baud: o.baud } : {}),
    ...(lab.dataPlane ? { dataPlane: lab.dataPlane.describe() } : {}),
    ...(o.oneCable !== undefined ? { oneCable: { path: cablePath(o.stateDir) } } : {}),
    notes: notes.map((n) => n.english),
    noteMessages: notes.map((n) => n.said),
  };
}
