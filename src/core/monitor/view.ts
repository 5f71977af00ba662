/**
 * Text for the live terminal view and the history listing: one row per pair, one line per event.
 * Pure strings (colour is optional ANSI SGR) so the CLI only decides where to write them.
 */
import type { DeviceHealth, PairHealth } from './health';
import { verdict } from './health';
import type { MonitorEvent } from './types';

const SGR = { red: '31', green: '32', yellow: '33', dim: '2', bold: '1' } as const;
type Colour = keyof typeof SGR;

export function paint(text: string, colour: Colour, on: boolean): string {
  return on ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text;
}

export function clock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}Z`;
}

function side(d: DeviceHealth, colour: boolean): string {
  const name = d.sysname ?? d.key.toUpperCase();
  if (d.reachable === false) return paint(`${name} UNREACHABLE`, 'red', colour);
  if (d.reachable === undefined) return paint(`${name} …`, 'dim', colour);
  const role = d.role ? d.role[0]!.toUpperCase() : '-';
  const status = d.runningStatus ?? '?';
  const ctl = d.controlChannel === 'Connected' ? 'ctl up' : d.controlChannel === 'Disconnected' ? paint('ctl DOWN', 'red', colour) : 'ctl ?';
  const data = d.dataChannelState === 'Down' ? paint(' data DOWN', 'yellow', colour) : '';
  const cons = d.consistency?.result === 'Inconsistent' ? paint(' INCONSISTENT', 'yellow', colour) : '';
  const st = status === 'Active' ? paint(status, 'green', colour) : status;
  const sess = d.sessions ? ` ${d.sessions.total} sess` : '';
  return `${name}(${role}) ${st} ${ctl}${data}${cons}${sess}`;
}

export function pairRow(h: PairHealth, colour: boolean, now: number): string {
  const v = verdict(h);
  const vc: Colour = v === 'healthy' ? 'green' : v === 'degraded' ? 'yellow' : v === 'down' ? 'red' : 'dim';
  const last = h.lastSwitchover ? `last switchover ${ago(now - h.lastSwitchover.time)} ago (${h.lastSwitchover.cause})` : 'no switchover seen';
  return `${paint(v.toUpperCase().padEnd(8), vc, colour)} ${h.pair.padEnd(16)} ${side(h.devices.a, colour)} | ${side(h.devices.b, colour)} | ${last}`;
}

export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}

/** What an event says, without the time and pair (the caller prefixes those). */
export function describe(e: MonitorEvent): string {
  const dev = 'device' in e && e.device ? `${e.device.toUpperCase()} ` : '';
  switch (e.kind) {
    case 'switchover':
      return `${dev}switchover ${e.from} → ${e.to}, cause: ${e.cause} [${e.seenBy}]`;
    case 'channel-down':
    case 'channel-up':
      return `${dev}${e.channel} channel ${e.kind === 'channel-up' ? 'up' : 'DOWN'} [${e.seenBy}]`;
    case 'consistency':
      return `${dev}configuration ${e.result.toLowerCase()}${e.detail ? `: ${e.detail}` : ''} [${e.seenBy}]`;
    case 'config-sync':
      return `${dev}configuration sync ${e.status}: ${e.detail}`;
    case 'vrrp':
      return `${dev}VRRP ${e.interface ?? ''} vrid ${e.vrid} ${e.from} → ${e.to}`.replace(/ {2,}/g, ' ');
    case 'device-unreachable':
      return `${dev}unreachable: ${e.error}`;
    case 'device-back':
      return `${dev}answering again after ${ago(e.downForMs)}`;
    case 'alert':
      return `ALERT ${e.rule}: ${e.message}`;
  }
}

/** `live`: mark revisions "(updated)", since the earlier line is already on screen; history shows each event once. */
export function eventLine(e: MonitorEvent, colour: boolean, live = true): string {
  const c: Colour | undefined =
    e.kind === 'alert' ? 'red' : e.kind === 'switchover' ? 'bold' : e.kind === 'channel-down' || e.kind === 'device-unreachable' ? 'yellow' : undefined;
  const text = `${clock(e.time)} ${e.pair} ${describe(e)}${live && e.rev > 0 ? ' (updated)' : ''}`;
  return c ? paint(text, c, colour) : text;
}

/** The whole screen: header, pair rows, then the newest events that fit. */
export function screen(healths: readonly PairHealth[], events: readonly MonitorEvent[], opts: { colour: boolean; now: number; rows: number; title: string }): string {
  const head = [paint(opts.title, 'bold', opts.colour), ...healths.map((h) => pairRow(h, opts.colour, opts.now)), ''];
  const room = Math.max(3, opts.rows - head.length - 1);
  const tail = events.slice(-room).map((e) => eventLine(e, opts.colour));
  return [...head, ...tail].join('\n');
}
