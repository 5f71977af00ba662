/**
 * What a drill will do and whether it may: the refusal rules, the release note about what the
 * manual operation does, and the plan the engineer confirms. Pure: the runner and the CLI and the
 * app all show the same words.
 */
import type { Message } from '../base/message';
import { releaseLimit } from '../discover/release-limits';
import type { DeviceFacts } from '../model/facts';
import { parseCidr, parseIp, sameSubnet } from '../model/ip';
import type { DeviceKey, Pair } from '../model/pair';
import { refusalSaid as opRefusal } from '../provision/ops';
import type { DrillKind, ProbeTarget, Sentence } from './types';

/** What the engineer types to go ahead when the manual operation may swap roles on this release. */
export const ROLE_SWAP_CONFIRMATION = 'swap roles';

const up = (k: DeviceKey) => k.toUpperCase();

/** Why the drill may not run for this pair at all (before anything is read), or undefined. */
export function pairRefusal(pair: Pair, kind: DrillKind): string | undefined {
  return pairRefusalSaid(pair, kind)?.text;
}

/** `pairRefusal` with its message of the `core` catalogue. */
export function pairRefusalSaid(pair: Pair, kind: DrillKind): Sentence | undefined {
  if (pair.mode === 'dual-active')
    return { text: 'a drill moves the Active role from one device to the other; in dual-active mode both devices are Active (drills of dual-active pairs are not built yet)', code: 'drillRun.refused-reason.dual-active' };
  if (kind.kind === 'switchover') return opRefusal(pair, 'switchover');
  return undefined;
}

/** The interfaces whose failure makes RBM switch over: track entries on interfaces, and the interfaces RBM monitors. */
export function monitoredInterfaces(pair: Pair): string[] {
  return [...new Set([...pair.track.flatMap((t) => (t.interface ? [t.interface] : [])), ...(pair.monitor.interfaces ?? [])])];
}

const sameIf = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();

/**
 * Why `link <interface>` may not be shut on `device`, or undefined. `managementIp` is the address
 * HotPair reaches the device at (undefined over the console); `facts` are what discovery read.
 */
export function linkRefusal(pair: Pair, iface: string, device: DeviceKey, managementIp: string | undefined, facts?: DeviceFacts): string | undefined {
  return linkRefusalSaid(pair, iface, device, managementIp, facts)?.text;
}

/** `linkRefusal` with its message of the `core` catalogue (drillRun.refused-reason.*). */
export function linkRefusalSaid(pair: Pair, iface: string, device: DeviceKey, managementIp: string | undefined, facts?: DeviceFacts): Sentence | undefined {
  const d = pair.devices[device];
  const monitored = monitoredInterfaces(pair);
  const p = { interface: iface, device: up(device) };
  if (!monitored.some((m) => sameIf(m, iface)))
    return {
      text: `${iface} is not monitored by the pair (track entries or monitor.interfaces: ${monitored.join(', ') || 'none'}): shutting it down would not make RBM switch over`,
      code: 'drillRun.refused-reason.not-monitored',
      params: { ...p, monitored: monitored.join(', ') || 'none' },
    };
  if (d.managementInterface && sameIf(d.managementInterface, iface)) return { text: `${iface} is device ${up(device)}'s management interface`, code: 'drillRun.refused-reason.management-interface', params: p };
  if (sameIf(d.dataChannel.interface, iface)) return { text: `${iface} carries device ${up(device)}'s RBM data channel: shutting it splits the pair instead of failing it over`, code: 'drillRun.refused-reason.data-channel', params: p };
  const addresses = [
    ...d.interfaces.filter((i) => sameIf(i.name, iface)).flatMap((i) => [i.address, i.ipv6Address]),
    ...(facts?.interfaces ?? []).filter((i) => sameIf(i.name, iface)).flatMap((i) => [i.address, ...(i.ipv6Addresses ?? [])]),
  ].filter((a): a is string => a !== undefined);
  const carries = (ip: string) => addresses.some((a) => (a.split('/')[0] ?? '') === ip || (parseCidr(a) !== null && sameSubnet(parseCidr(a)!, ip)));
  if (carries(d.controlChannel.localIp))
    return { text: `${iface} carries device ${up(device)}'s RBM control channel (${d.controlChannel.localIp}): shutting it splits the pair instead of failing it over`, code: 'drillRun.refused-reason.control-channel', params: { ...p, ip: d.controlChannel.localIp } };
  if (managementIp !== undefined) {
    if (parseIp(managementIp) === null) return { text: `cannot tell which interface carries HotPair's connection to "${managementIp}": connect by IP address`, code: 'drillRun.refused-reason.management-name', params: { ...p, address: managementIp } };
    if (carries(managementIp)) return { text: `${iface} carries HotPair's own management connection to device ${up(device)} (${managementIp}): the drill would cut itself off`, code: 'drillRun.refused-reason.management-ip', params: { ...p, ip: managementIp } };
  }
  return undefined;
}

/**
 * The note for releases whose manual operation is the "primary/secondary member switchover"
 * (comware-cli.md, "Features by release"): it may swap the roles rather than the states. Undefined
 * when the release is not one of them; a softer note when the release could not be read.
 */
export function releaseNote(facts: Partial<Record<DeviceKey, DeviceFacts>>): { text: string; confirm: boolean; said?: Message } | undefined {
  for (const k of ['a', 'b'] as const) {
    const limit = releaseLimit(facts[k]?.release);
    if (limit?.switchoverSwapsRoles)
      return {
        text: `device ${up(k)} runs ${facts[k]?.release}: ${limit.source} calls the manual operation "primary/secondary member switchover", so it may swap the primary and secondary roles, and with them the direction of configuration sync, rather than the Active and Standby states`,
        confirm: true,
        said: { code: 'drill.note.swaps', params: { device: up(k), release: String(facts[k]?.release), source: limit.source } },
      };
  }
  if (!facts.a?.release || !facts.b?.release) return { text: 'the software release could not be read: what the manual switchover does (swap the running states, or the primary/secondary roles) depends on the release', confirm: false, said: { code: 'drill.note.unread' } };
  return undefined;
}

export interface DrillPlan {
  pair: string;
  kind: DrillKind;
  /** The device Active now, and the one that takes over. */
  from: DeviceKey;
  to: DeviceKey;
  /** The device the trigger is typed on. */
  on: DeviceKey;
  lines: string[];
  /** Set when the engineer must type this (not just yes) to go ahead. */
  confirmWord?: string;
  releaseNote?: string;
  /** `lines` as messages of the core catalogue (drill.plan.*), one for each line, for the reader's language. */
  said?: Message[];
}

export function buildPlan(o: {
  pair: Pair;
  kind: DrillKind;
  from: DeviceKey;
  on: DeviceKey;
  probes: readonly ProbeTarget[];
  measureSwitchback: boolean;
  note?: { text: string; confirm: boolean; said?: Message };
  commands: { switchover: string; shutdown: string; undoShutdown: string };
}): DrillPlan {
  const { pair, kind, from } = o;
  const to: DeviceKey = from === 'a' ? 'b' : 'a';
  const name = (k: DeviceKey) => `${up(k)} (${pair.devices[k].sysname})`;
  const vips = [...new Set([...pair.vrrp.map((g) => g.virtualIp), ...pair.floatingIps.map((f) => f.address.split('/')[0] ?? f.address)])];
  const automatic = kind.kind === 'link' && pair.fallback.enabled;
  const lines = [
    `Failover drill on pair ${pair.name}: move the Active role from ${name(from)} to ${name(to)}, measure it, and put it back.`,
    kind.kind === 'switchover'
      ? `Trigger: "${o.commands.switchover}" typed on device ${name(o.on)} (the manual switchover).`
      : `Trigger: "${o.commands.shutdown}" on ${kind.interface} of device ${name(o.on)}, which RBM monitors; "${o.commands.undoShutdown}" brings it back.`,
    `It interrupts: traffic through ${vips.length ? vips.join(', ') : "the pair's virtual addresses"} while the role moves, twice (there and back); connections whose sessions are not backed up are cut.`,
    automatic
      ? `Back: once the link is up, RBM falls back by itself after its ${pair.fallback.delaySeconds} s delay; the drill waits for it${o.measureSwitchback ? ' and measures it' : ''}.`
      : `Back: ${kind.kind === 'link' ? 'once the link is up, ' : ''}the drill runs the manual switchover again${o.measureSwitchback ? ' and measures it' : ' (not measured: add --fallback to measure it)'}.`,
    o.probes.length
      ? `Probes: a TCP connect every 50 ms to ${o.probes.map((p) => `${p.host}:${p.port}`).join(', ')}.`
      : 'Probes: none given (--probe HOST:PORT measures the interruption a client sees).',
    'If anything unexpected happens (a flap, a consistency change, a device unreachable) the drill stops and puts the pair back where it started.',
  ];
  if (o.note) lines.push(`Note: ${o.note.text}.${o.note.confirm ? ` Type "${ROLE_SWAP_CONFIRMATION}" to go ahead anyway.` : ''}`);
  const m = (code: string, params: Message['params'] = {}): Message => ({ code: `drill.plan.${code}`, params });
  const back = automatic ? `auto${o.measureSwitchback ? '-measured' : ''}` : `manual${kind.kind === 'link' ? '-link' : ''}${o.measureSwitchback ? '-measured' : ''}`;
  const said: Message[] = [
    m('intro', { pair: pair.name, from: name(from), to: name(to) }),
    kind.kind === 'switchover'
      ? m('trigger-switchover', { command: o.commands.switchover, on: name(o.on) })
      : m('trigger-link', { shutdown: o.commands.shutdown, undo: o.commands.undoShutdown, interface: kind.interface, on: name(o.on) }),
    vips.length ? m('interrupts', { vips: vips.join(', ') }) : m('interrupts-pair'),
    m(`back-${back}`, { delay: pair.fallback.delaySeconds }),
    o.probes.length ? m('probes', { targets: o.probes.map((p) => `${p.host}:${p.port}`).join(', ') }) : m('probes-none'),
    m('stops'),
  ];
  if (o.note) {
    const note = { sep: 'comma' as const, items: [o.note.said ?? { code: 'drill.note.none' }] };
    said.push(m(o.note.confirm ? 'note-confirm' : 'note', { note, word: ROLE_SWAP_CONFIRMATION }));
  }
  return {
    pair: pair.name,
    kind,
    from,
    to,
    on: o.on,
    lines,
    ...(o.note?.said || !o.note ? { said } : {}),
    ...(o.note?.confirm ? { confirmWord: ROLE_SWAP_CONFIRMATION } : {}),
    ...(o.note ? { releaseNote: o.note.text } : {}),
  };
}

/** Whether an answer confirms the plan: the named word where the plan needs one, else yes. */
export function accepts(plan: DrillPlan, answer: string | boolean): boolean {
  if (plan.confirmWord !== undefined) return typeof answer === 'string' && answer.trim().toLowerCase() === plan.confirmWord;
  return answer === true || (typeof answer === 'string' && /^y(es)?$/i.test(answer.trim()));
}

/** What a probe target must look like, as the refusal of one says it. */
export const PROBE_FORM = 'expected HOST:PORT (an IPv6 address as [ADDR]:PORT)';

/** `HOST:PORT` (IPv6 as `[addr]:port`) → a probe target, or an error message (`said`: the same as a message of the `core` catalogue). */
export function parseProbe(text: string): { ok: true; target: ProbeTarget } | { ok: false; message: string; said: Message } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:\s]+):(\d+)$/.exec(text);
  const port = Number(m?.[2]);
  if (!m || !m[1] || !Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, message: `--probe "${text}": ${PROBE_FORM}`, said: { code: 'drillRun.probe.usage', params: { text } } };
  return { ok: true, target: { host: m[1], port } };
}

export const probeText = (t: ProbeTarget) => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`);
