/**
 * Reading both devices during a drill: one status poll (RBM status and VRRP, both devices at
 * once, each bounded by a named limit) and the session counters. A device that does not answer
 * becomes a reading with `error`, never an exception: the drill decides what that means.
 */
import { withTimeout } from '../base/abort';
import type { Message } from '../base/message';
import type { DeviceFacts, RbmFact, VrrpFact } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import { POLL_COMMANDS } from '../monitor/poller';
import { parseSessionStatistics } from '../monitor/session-stats';
import { errorEnglish, errorMessage } from '../provision/progress-message';
import type { Session } from '../provision/types';
import { readSeen } from '../provision/verify';
import { msg, readingError } from './run-text';
import type { DeviceReading, DeviceSnapshot, Sentence, StatusPoll } from './types';

export function reading(rbm: RbmFact | undefined, vrrp: readonly VrrpFact[]): DeviceReading {
  return {
    ...(rbm?.runningStatus ? { runningStatus: rbm.runningStatus } : {}),
    ...(rbm?.role ? { role: rbm.role } : {}),
    ...(rbm?.controlChannel ? { controlChannel: rbm.controlChannel } : {}),
    ...(rbm?.consistency ? { consistency: rbm.consistency } : {}),
    ...(rbm?.switchovers ? { switchovers: rbm.switchovers.length } : {}),
    vrrp: vrrp.map((v) => ({ interface: v.interface, vrid: v.vrid, state: v.state })),
  };
}

/** A reading of a device that did not answer; `limitMs` when it was the poll's own limit that ran out. */
function failed(e: unknown, limitMs?: number): DeviceReading {
  if (limitMs !== undefined) {
    const seconds = Math.round(limitMs / 1000);
    return { vrrp: [], error: `no answer within ${seconds} s`, errorSaid: msg('poll-timeout', { seconds }) };
  }
  const said = errorMessage(e);
  return { vrrp: [], error: errorEnglish(e), ...(said ? { errorSaid: said } : {}) };
}

async function readDevice(session: Session, withVrrp: boolean, signal: AbortSignal, limitMs: number): Promise<DeviceReading> {
  const t = withTimeout(signal, limitMs, { limit: 'status-poll' });
  try {
    const seen = await readSeen(session, withVrrp, t.signal);
    return reading(seen.rbm, seen.vrrp);
  } catch (e) {
    if (signal.aborted) throw e;
    return failed(e, t.signal.aborted ? limitMs : undefined);
  } finally {
    t.dispose();
  }
}

/** Both devices read at once; `now` is the clock the probes use. */
export async function pollBoth(sessions: Record<DeviceKey, Session>, withVrrp: boolean, signal: AbortSignal, limitMs: number, now: () => number): Promise<StatusPoll> {
  const start = now();
  const [a, b] = await Promise.all([readDevice(sessions.a, withVrrp, signal, limitMs), readDevice(sessions.b, withVrrp, signal, limitMs)]);
  return { start, end: now(), a, b };
}

/** Current sessions on one device (`display session statistics`); undefined when it cannot be read. */
export async function readSessions(session: Session, signal: AbortSignal, limitMs: number): Promise<number | undefined> {
  const t = withTimeout(signal, limitMs, { limit: 'session-statistics' });
  try {
    const r = await session.exec(POLL_COMMANDS.sessions, { signal: t.signal, check: false });
    return parseSessionStatistics(r.output)?.total;
  } catch (e) {
    if (signal.aborted) throw e;
    return undefined;
  } finally {
    t.dispose();
  }
}

export function snapshotOf(facts: DeviceFacts, sessions: number | undefined): DeviceSnapshot {
  return { ...reading(facts.rbm, facts.vrrp), ...(sessions !== undefined ? { sessions } : {}) };
}

/** Where a device stands, in words: from its last reading. */
export function standingText(k: DeviceKey, r: DeviceReading | undefined): string {
  return standing(k, r).text;
}

/** Where a device stands, with its message (drillRun.standing.*); device words (Active, Connected) stay as printed. */
export function standing(k: DeviceKey, r: DeviceReading | undefined): Sentence {
  const D = k.toUpperCase();
  if (!r) return { text: `device ${D}: not read`, code: 'drillRun.standing.unread', params: { device: D } };
  if (r.error) return { text: `device ${D}: unreachable (${r.error})`, code: 'drillRun.standing.unreachable', params: { device: D, error: readingError(r) } };
  const masters = r.vrrp.filter((v) => v.state === 'Master').map((v) => `${v.interface} vrid ${v.vrid}`);
  const params = { device: D, status: r.runningStatus ?? 'none', role: r.role ?? 'none', channel: r.controlChannel ?? 'none', vrrp: r.vrrp.length ? 'yes' : 'no', masters: masters.length ? masters.join(', ') : 'none' };
  return {
    text: `device ${D}: ${r.runningStatus ?? 'status unknown'}${r.role ? `, ${r.role}` : ''}, control channel ${r.controlChannel ?? 'unknown'}${r.vrrp.length ? `, VRRP master of ${masters.length ? masters.join(', ') : 'no group'}` : ''}`,
    code: 'drillRun.standing.read',
    params,
  };
}

/** Where both devices stand after a poll: the words and their messages (DrillRecord.standing / standingSaid). */
export function standingOf(p: Partial<Record<DeviceKey, DeviceReading>>): { standing: Record<DeviceKey, string>; standingSaid: Record<DeviceKey, Message> } {
  const [a, b] = [standing('a', p.a), standing('b', p.b)];
  const said = (x: Sentence): Message => ({ code: x.code, ...(x.params ? { params: x.params } : {}) });
  return { standing: { a: a.text, b: b.text }, standingSaid: { a: said(a), b: said(b) } };
}
