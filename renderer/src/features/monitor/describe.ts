/**
 * Words for the Monitor screen: what an event says and what caused it. Pure, so the timeline
 * rows and the tests share them.
 */
import type { DeviceHealth, MonitorEvent, MonitorEventKind, PairStatus } from '../../../../src/contract/index';

export const deviceName = (pair: PairStatus | undefined, key: 'a' | 'b'): string => pair?.health.devices[key].sysname ?? key.toUpperCase();

export function clockTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 129_600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}

export type EventGroup = 'all' | 'switchover' | 'channel' | 'alert' | 'reachability' | 'config';
export const EVENT_GROUPS: { id: EventGroup; label: string }[] = [
  { id: 'all', label: 'All events' },
  { id: 'switchover', label: 'Switchovers' },
  { id: 'channel', label: 'Channel up/down' },
  { id: 'alert', label: 'Alerts' },
  { id: 'reachability', label: 'Unreachable/back' },
  { id: 'config', label: 'Consistency and sync' },
];
const GROUP_OF: Record<MonitorEventKind, EventGroup> = {
  switchover: 'switchover',
  vrrp: 'switchover',
  'channel-down': 'channel',
  'channel-up': 'channel',
  alert: 'alert',
  'device-unreachable': 'reachability',
  'device-back': 'reachability',
  consistency: 'config',
  'config-sync': 'config',
};
export const groupOf = (e: MonitorEvent): EventGroup => GROUP_OF[e.kind];

export type Tone = 'bad' | 'warn' | 'good' | 'info';

export interface EventText {
  title: string;
  /** Why it happened, when known (the device's cause, the error, the alert rule). */
  cause?: string;
  tone: Tone;
  seenBy?: 'poll' | 'log' | 'both';
}

const duration = (ms: number) => ago(ms).replace(' ago', '');

export function describeEvent(e: MonitorEvent, pair: PairStatus | undefined): EventText {
  const dev = 'device' in e && e.device ? deviceName(pair, e.device) : undefined;
  switch (e.kind) {
    case 'switchover':
      return { title: `${dev} switchover ${e.from} → ${e.to}`, cause: e.cause, tone: e.to === 'Active' ? 'warn' : 'info', seenBy: e.seenBy };
    case 'channel-down':
      return { title: `${e.channel === 'control' ? 'Control' : 'Data'} channel down, as ${dev} sees it`, tone: 'bad', seenBy: e.seenBy };
    case 'channel-up':
      return { title: `${e.channel === 'control' ? 'Control' : 'Data'} channel up, as ${dev} sees it`, tone: 'good', seenBy: e.seenBy };
    case 'consistency':
      return { title: `${dev}: configuration ${e.result.toLowerCase()}`, ...(e.detail ? { cause: e.detail } : {}), tone: e.result === 'Inconsistent' ? 'warn' : 'good', seenBy: e.seenBy };
    case 'config-sync':
      return { title: `${dev}: configuration sync ${e.status}`, cause: e.detail, tone: e.status === 'failed' ? 'bad' : 'info' };
    case 'vrrp':
      return { title: `${dev}: VRRP ${e.interface ?? ''} vrid ${e.vrid} ${e.from} → ${e.to}`.replace(/ {2,}/g, ' '), tone: 'info' };
    case 'device-unreachable':
      return { title: `${dev} unreachable`, cause: e.error, tone: 'bad' };
    case 'device-back':
      return { title: `${dev} answering again`, cause: `after ${duration(e.downForMs)}`, tone: 'good' };
    case 'alert':
      return { title: `Alert: ${e.message}`, cause: `rule ${e.rule}${e.cause ? `; cause ${e.cause}` : ''}`, tone: e.severity === 'critical' ? 'bad' : 'warn' };
  }
}

/** Control channel as one device sees it, in words. */
export function channelText(d: DeviceHealth): string {
  if (d.reachable === false) return 'unknown (not answering)';
  return d.controlChannel === 'Connected' ? 'connected' : d.controlChannel === 'Disconnected' ? 'DISCONNECTED' : 'not reported yet';
}
