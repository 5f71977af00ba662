import type { ControllableDevice } from './device-control';
import type { FaultKind } from './faults';
import type { PairNet } from './rbm/pair-net';
import type { RbmEngine } from './rbm/engine';

/** What a fault acts on: the device, its RBM engine and the wire of its pair. */
export interface FaultTarget {
  device: ControllableDevice;
  engine: RbmEngine;
  net: PairNet;
  /** A reboot is a power cycle that takes this long (a real box needs minutes; the lab keeps it short). */
  rebootMs: number;
  timers: Set<NodeJS.Timeout>;
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/^m-?ge/i, 'M-GigabitEthernet'],
  [/^xge/i, 'Ten-GigabitEthernet'],
  [/^ge/i, 'GigabitEthernet'],
  [/^rag+/i, 'Route-Aggregation'],
  [/^vlan-?int(erface)?/i, 'Vlan-interface'],
];

/** `GE1/0/1`, `g1/0/1` or the full name → the device's interface name. */
export function resolveInterface(device: ControllableDevice, text: string): string {
  const names = device.interfaces().map((i) => i.name);
  const exact = names.find((n) => n.toLowerCase() === text.toLowerCase());
  if (exact) return exact;
  for (const [re, full] of ABBREVIATIONS) {
    const cand = text.replace(re, full);
    const hit = names.find((n) => n.toLowerCase() === cand.toLowerCase());
    if (hit) return hit;
  }
  const m = /^([A-Za-z-]+)\s*([\d/.:]+)$/.exec(text);
  if (m) {
    const hits = names.filter((n) => n.toLowerCase().startsWith((m[1] ?? '').toLowerCase()) && n.endsWith(m[2] ?? ''));
    const typed = hits.filter((n) => n.slice(0, n.length - (m[2] ?? '').length).match(/^[A-Za-z-]+$/));
    if (typed.length === 1) return typed[0] as string;
  }
  throw new Error(`${device.sysname()} has no interface ${text} (it has: ${names.join(', ')})`);
}

/** Applies one fault and says what happened, in a line for the engineer. */
export function applyFault(t: FaultTarget, kind: FaultKind, arg: string | undefined): string {
  const d = t.device;
  const name = d.sysname();
  switch (kind) {
    case 'link-down':
    case 'link-up': {
      const ifName = resolveInterface(d, arg ?? '');
      d.setLink(ifName, kind === 'link-up');
      return `${name}: ${ifName} link ${kind === 'link-up' ? 'up' : 'down'}`;
    }
    case 'track-negative':
      d.forceTrack(Number(arg), 'Negative');
      return `${name}: track ${arg} forced Negative`;
    case 'track-positive':
      // Back to the tracked object; if that is not Positive either, hold it Positive as asked.
      d.forceTrack(Number(arg), undefined);
      if (d.trackState(Number(arg)) !== 'Positive') d.forceTrack(Number(arg), 'Positive');
      return `${name}: track ${arg} Positive`;
    case 'power-off':
      d.powerOff();
      return `${name}: powered off`;
    case 'power-on':
      d.powerOn();
      return `${name}: powered on (booted from the saved configuration)`;
    case 'cut-control-channel':
      t.net.cut = true;
      return `${name}: the link between the pair is cut (RBM frames are dropped; detection by keepalive)`;
    case 'heal':
      t.net.cut = false;
      return `${name}: the link between the pair is healed`;
    case 'reboot': {
      if (!d.powered()) throw new Error(`${name} is powered off; use power-on`);
      d.log('DEVM', 5, 'SYSTEM_REBOOT', 'System is rebooting now.');
      d.powerOff();
      const timer = setTimeout(() => {
        t.timers.delete(timer);
        d.powerOn('User reboot');
      }, t.rebootMs);
      t.timers.add(timer);
      return `${name}: rebooting (back in ${t.rebootMs / 1000} s)`;
    }
    case 'traffic':
      t.engine.setTraffic(Number(arg));
      return `${name}: ${Number(arg)} new sessions per second while Active`;
  }
}
