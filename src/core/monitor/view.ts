/**
 * The monitor in words, for every screen that shows it: the live terminal view and the history
 * listing of the CLI, and the app's Monitor screen. What an event says is written once here (as
 * parts: title, cause, tone, who saw it), so the CLI line and the app's timeline row cannot drift.
 * Pure strings (colour is optional ANSI SGR) so each caller only decides where to write them.
 */
import { ENGLISH, type MessageParams, type Translator } from '../base/message';
import type { DeviceHealth, PairHealth } from './health';
import { verdict } from './health';
import type { DeviceKey } from '../model/pair';
import type { MonitorEvent, MonitorEventKind } from './types';

const SGR = { red: '31', green: '32', yellow: '33', dim: '2', bold: '1' } as const;
type Colour = keyof typeof SGR;

export function paint(text: string, colour: Colour, on: boolean): string {
  return on ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text;
}

/** A moment as `YYYY-MM-DD hh:mm:ss`: in UTC marked `Z` (logs, the CLI), or in the viewer's own zone (the app). */
export function clock(ms: number, zone: 'utc' | 'local' = 'utc'): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  if (zone === 'local') return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}Z`;
}

/** A length of time in its largest sensible unit: `90s`, `5m` for a terminal column; `90 s`, `5 min` in prose. */
export function duration(ms: number, style: 'short' | 'long' = 'short'): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const [n, short, long] = s < 120 ? [s, 's', ' s'] : s < 7200 ? [Math.round(s / 60), 'm', ' min'] : s < 172800 ? [Math.round(s / 3600), 'h', ' h'] : [Math.round(s / 86400), 'd', ' d'];
  return `${n}${style === 'short' ? short : long}`;
}

/** A device by its sysname once a poll has read it, else by its key in the pair file (A, B). */
export const deviceName = (h: PairHealth | undefined, key: DeviceKey): string => h?.devices[key].sysname ?? key.toUpperCase();

/** The control channel as one device sees it, in words. */
export function channelText(d: DeviceHealth): string {
  if (d.reachable === false) return 'unknown (not answering)';
  return d.controlChannel === 'Connected' ? 'connected' : d.controlChannel === 'Disconnected' ? 'DISCONNECTED' : 'not reported yet';
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
  const last = h.lastSwitchover ? `last switchover ${duration(now - h.lastSwitchover.time)} ago (${h.lastSwitchover.cause})` : 'no switchover seen';
  return `${paint(v.toUpperCase().padEnd(8), vc, colour)} ${h.pair.padEnd(16)} ${side(h.devices.a, colour)} | ${side(h.devices.b, colour)} | ${last}`;
}

/** How an event should strike the reader: colour in the app, colour in the terminal. */
export type Tone = 'bad' | 'warn' | 'good' | 'info';

export interface EventText {
  /** What happened, naming the device. */
  title: string;
  /** Why it happened, when known: the device's cause, the error, the detail it logged. */
  cause?: string;
  tone: Tone;
  seenBy?: 'poll' | 'log' | 'both';
}

const channelWord = (c: 'control' | 'data') => (c === 'control' ? 'Control' : 'Data');

/**
 * What an event says, in parts; `name` gives a device its name (default: its key, A or B); `tr`
 * says it in the reader's language (the core catalogue's monitor.event.*, monitor.alert.*).
 * Device words (running states, VRRP states, causes the device logged) stay as the device printed them.
 */
export function eventText(e: MonitorEvent, name: (key: DeviceKey) => string = (k) => k.toUpperCase(), tr: Translator = ENGLISH): EventText {
  const dev = 'device' in e && e.device ? name(e.device) : '';
  const t = (code: string, params: MessageParams, en: string) => tr.text(`monitor.${code}`, params, en);
  switch (e.kind) {
    case 'switchover':
      return { title: t('event.switchover', { device: dev, from: e.from, to: e.to }, `${dev} switchover ${e.from} → ${e.to}`), cause: e.cause, tone: e.to === 'Active' ? 'warn' : 'info', seenBy: e.seenBy };
    case 'channel-down':
      return { title: t(`event.${e.channel}-down`, { device: dev }, `${channelWord(e.channel)} channel down, as ${dev} sees it`), tone: 'bad', seenBy: e.seenBy };
    case 'channel-up':
      return { title: t(`event.${e.channel}-up`, { device: dev }, `${channelWord(e.channel)} channel up, as ${dev} sees it`), tone: 'good', seenBy: e.seenBy };
    case 'consistency':
      return { title: t('event.consistency', { device: dev, result: e.result.toLowerCase() }, `${dev}: configuration ${e.result.toLowerCase()}`), ...(e.detail ? { cause: e.detail } : {}), tone: e.result === 'Inconsistent' ? 'warn' : 'good', seenBy: e.seenBy };
    case 'config-sync':
      return { title: t(`event.config-sync-${e.status}`, { device: dev }, `${dev}: configuration sync ${e.status}`), ...(e.detail ? { cause: e.detail } : {}), tone: e.status === 'failed' ? 'bad' : 'info' };
    case 'vrrp': {
      const params = { device: dev, interface: e.interface ?? '', vrid: String(e.vrid), from: e.from, to: e.to };
      return { title: t(e.interface ? 'event.vrrp' : 'event.vrrp-no-interface', params, `${dev}: VRRP ${e.interface ?? ''} vrid ${e.vrid} ${e.from} → ${e.to}`.replace(/ {2,}/g, ' ')), tone: 'info' };
    }
    case 'device-unreachable':
      return { title: t('event.unreachable', { device: dev }, `${dev} unreachable`), cause: e.error, tone: 'bad' };
    case 'device-back': {
      const after = duration(e.downForMs, 'long');
      return { title: t('event.back', { device: dev, after }, `${dev} answering again after ${after}`), tone: 'good' };
    }
    case 'alert': {
      // The alert's message usually quotes the cause already; say it once.
      const key = e.rule === 'inconsistent-config' && e.params?.detail ? 'inconsistent-config-detail' : e.rule;
      const message = e.params ? t(`alert.${key}`, e.params, e.message) : e.message;
      return { title: t('event.alert', { rule: e.rule, message }, `Alert ${e.rule}: ${message}`), ...(e.cause && !e.message.includes(e.cause) ? { cause: e.cause } : {}), tone: e.severity === 'critical' ? 'bad' : 'warn' };
    }
    case 'drill': {
      const figures = [
        e.switchoverMs !== undefined ? t('drill.switchover', { ms: e.switchoverMs }, `switchover ${e.switchoverMs} ms`) : '',
        e.interruptionMs !== undefined ? t('drill.interruption', { ms: e.interruptionMs, failed: e.failedProbes ?? 0 }, `interruption ${e.interruptionMs} ms, ${e.failedProbes ?? 0} failed probe${e.failedProbes === 1 ? '' : 's'}`) : '',
        e.sessionsPreservedPct !== undefined ? t('drill.sessions', { pct: e.sessionsPreservedPct }, `${e.sessionsPreservedPct} % of sessions kept`) : '',
      ].filter(Boolean);
      const what = e.drill === 'link' ? t('drill.link', { interface: e.interface ?? '' }, `link ${e.interface ?? ''}`.trim()) : t('drill.switchover-kind', {}, 'switchover');
      const outcome = t(`drill.outcome.${e.outcome}`, {}, e.outcome);
      const list = figures.join(tr.text('sep.comma', {}, ', '));
      return {
        title: t(figures.length ? 'drill.title-figures' : 'drill.title', { what, outcome, figures: list }, `Drill (${what}) ${outcome}${figures.length ? `: ${list}` : ''}`),
        cause: e.said ? tr.text(e.said.code, e.said.params, e.message) : e.message,
        tone: e.outcome === 'passed' ? 'good' : e.outcome === 'failed' ? 'bad' : 'info',
      };
    }
  }
}

/** What an event says on one line, without the time and pair (the caller prefixes those). */
export function describe(e: MonitorEvent, tr: Translator = ENGLISH): string {
  const t = eventText(e, undefined, tr);
  return `${t.title}${t.cause ? tr.text('monitor.cause', { cause: t.cause }, `, cause: ${t.cause}`) : ''}${t.seenBy ? ` [${t.seenBy}]` : ''}`;
}

/** Kinds of event as a reader filters them. */
export type EventGroup = 'all' | 'switchover' | 'channel' | 'alert' | 'reachability' | 'config';
export const EVENT_GROUPS: readonly { id: EventGroup; label: string }[] = [
  { id: 'all', label: 'All events' },
  { id: 'switchover', label: 'Switchovers' },
  { id: 'channel', label: 'Channel up/down' },
  { id: 'alert', label: 'Alerts' },
  { id: 'reachability', label: 'Unreachable/back' },
  { id: 'config', label: 'Consistency and sync' },
];
const GROUP_OF: Record<MonitorEventKind, Exclude<EventGroup, 'all'>> = {
  switchover: 'switchover',
  vrrp: 'switchover',
  'channel-down': 'channel',
  'channel-up': 'channel',
  alert: 'alert',
  'device-unreachable': 'reachability',
  'device-back': 'reachability',
  consistency: 'config',
  'config-sync': 'config',
  drill: 'switchover',
};
/** A filter's label in the reader's language (core catalogue monitor.group.<id>). */
export const groupLabel = (id: EventGroup, tr: Translator = ENGLISH): string => tr.text(`monitor.group.${id}`, {}, EVENT_GROUPS.find((g) => g.id === id)?.label ?? id);
export const groupOf = (e: MonitorEvent): Exclude<EventGroup, 'all'> => GROUP_OF[e.kind];

/** `live`: mark revisions "(updated)", since the earlier line is already on screen; history shows each event once. */
export function eventLine(e: MonitorEvent, colour: boolean, live = true, tr: Translator = ENGLISH): string {
  const c: Colour | undefined =
    e.kind === 'alert' ? 'red' : e.kind === 'switchover' ? 'bold' : e.kind === 'channel-down' || e.kind === 'device-unreachable' ? 'yellow' : undefined;
  const text = `${clock(e.time)} ${e.pair} ${describe(e, tr)}${live && e.rev > 0 ? tr.text('monitor.updated', {}, ' (updated)') : ''}`;
  return c ? paint(text, c, colour) : text;
}

/** The whole screen: header, pair rows, then the newest events that fit. */
export function screen(healths: readonly PairHealth[], events: readonly MonitorEvent[], opts: { colour: boolean; now: number; rows: number; title: string }): string {
  const head = [paint(opts.title, 'bold', opts.colour), ...healths.map((h) => pairRow(h, opts.colour, opts.now)), ''];
  const room = Math.max(3, opts.rows - head.length - 1);
  const tail = events.slice(-room).map((e) => eventLine(e, opts.colour));
  return [...head, ...tail].join('\n');
}
