/**
 * Reaching a device over the one cable: ask for the cable to be moved, wait for it (the port going
 * away and coming back, or the engineer's word), log in again, discover, and prove which device
 * answered (serial, else MAC, else sysname with boot time: sameDevice). The device the cable just
 * left, or one that is neither A nor B, is refused and the wait goes on.
 */
import { withTimeout } from '../../base/abort';
import type { Limit } from '../../base/limit';
import { sameDevice } from '../../discover/compare';
import { discover } from '../../discover/discover';
import type { DeviceFacts } from '../../model/facts';
import type { DeviceKey } from '../../model/pair';
import type { PlatformPack } from '../../platforms/pack';
import type { JournalSink, Session } from '../types';
import type { CableSeen, OneCableEvent, OneCableTimeouts } from './types';
import { progress } from '../progress-message';
import type { Message, MessageList } from '../../base/message';

const iso = () => new Date().toISOString();
const name = (k: DeviceKey) => k.toUpperCase();

export interface ReachDeps {
  open(signal: AbortSignal): Promise<Session>;
  waitForCable(to: DeviceKey, signal: AbortSignal): Promise<CableSeen | void>;
  journal: JournalSink;
  emit(e: OneCableEvent): void;
  signal: AbortSignal;
  t: OneCableTimeouts;
  pack: PlatformPack;
  /** What discovery read on each device so far (a resumed run: from the journal). */
  known: Partial<Record<DeviceKey, DeviceFacts>>;
}

export interface Reached {
  session: Session;
  facts: DeviceFacts;
}

/** The identity as sub-messages (oneCable.who.*), or the one saying none was readable. */
function whoParam(f: DeviceFacts): MessageList {
  const read: [string, string | undefined][] = [['sysname', f.sysname], ['serial', f.serialNumber], ['mac', f.mac]];
  const items: Message[] = read.filter(([, v]) => v).map(([k, v]) => ({ code: `oneCable.who.${k}`, params: { value: v as string } }));
  return { sep: 'comma', items: items.length > 0 ? items : [{ code: 'oneCable.who.none' }] };
}
const who = (f: DeviceFacts) => [f.sysname && `sysname ${f.sysname}`, f.serialNumber && `serial ${f.serialNumber}`, f.mac && `MAC ${f.mac}`].filter(Boolean).join(', ') || 'no identity readable';

/** Which known device these facts belong to; 'stranger' when device k is known and this is neither. */
export function identify(facts: DeviceFacts, k: DeviceKey, known: Partial<Record<DeviceKey, DeviceFacts>>): DeviceKey | 'stranger' | 'new' {
  for (const j of ['a', 'b'] as const) {
    const f = known[j];
    if (f && sameDevice(facts, f)) return j;
  }
  return known[k] ? 'stranger' : 'new';
}

async function bounded<T>(parent: AbortSignal, ms: number, limit: Limit, f: (s: AbortSignal) => Promise<T>): Promise<T> {
  const op = withTimeout(parent, ms, limit);
  try {
    return await f(op.signal);
  } finally {
    op.dispose();
  }
}

/**
 * The device k on the cable, logged in and discovered. `wait`: the cable must be moved first (it
 * is on another device, or its place is unknown); otherwise whatever is there now is tried first.
 */
export async function reach(d: ReachDeps, k: DeviceKey, wait: boolean): Promise<Reached> {
  for (let move = wait; ; move = true) {
    if (move) {
      const sysname = d.known[k]?.sysname;
      d.emit({
        kind: 'step',
        step: 'move-cable',
        to: k,
        text: `Move the console cable to device ${name(k)}${sysname ? ` (${sysname})` : ''}.`,
        ...(sysname ? { code: 'oneCable.step.move-named', params: { device: name(k), sysname } } : { code: 'oneCable.step.move', params: { device: name(k) } }),
      });
      d.journal.append({ type: 'cable', to: k, phase: 'wait', time: iso() });
      const seen = (await bounded(d.signal, d.t.cableMs, { limit: 'cable', device: k }, (s) => d.waitForCable(k, s))) ?? 'plugged';
      d.journal.append({ type: 'cable', to: k, phase: seen, time: iso() });
      const seconds = (d.t.cablePresumeMs ?? 0) / 1000;
      if (seen === 'presumed') d.emit(progress('warn', 'oneCable.presumed', { seconds, device: name(k) }, `the port never went away in ${seconds} s: trying the device on it; its identity decides whether it is ${name(k)}`));
    }
    const session = await bounded(d.signal, d.t.connectMs, { limit: 'cable-login' }, (s) => d.open(s));
    let facts: DeviceFacts;
    try {
      facts = await bounded(d.signal, d.t.discoverMs, { limit: 'cable-discover' }, (s) => discover(session, { signal: s, pack: d.pack }));
    } catch (e) {
      await session.close().catch(() => undefined);
      throw e;
    }
    const id = identify(facts, k, d.known);
    d.journal.append({
      type: 'answered',
      expected: k,
      ...(id === 'a' || id === 'b' ? { device: id } : id === 'new' ? { device: k } : {}),
      ...(facts.sysname !== undefined ? { sysname: facts.sysname } : {}),
      ...(facts.serialNumber !== undefined ? { serialNumber: facts.serialNumber } : {}),
      ...(facts.mac !== undefined ? { mac: facts.mac } : {}),
      time: iso(),
    });
    if (id === k || id === 'new') {
      d.emit(progress('info', 'oneCable.answered', { device: name(k), who: whoParam(facts) }, `device ${name(k)} answered on the cable: ${who(facts)}`, k));
      return { session, facts };
    }
    await session.close().catch(() => undefined);
    const what = id === 'stranger' ? `a device that is neither A nor B (${who(facts)})` : `device ${name(id)} again (${who(facts)})`;
    const params = { device: name(k), who: whoParam(facts), ...(id === 'stranger' ? {} : { other: name(id) }) };
    d.emit({ kind: 'step', step: 'wrong-device', device: k, text: `The cable is on ${what}, not on device ${name(k)}: waiting for the cable on ${name(k)}.`, code: `oneCable.step.${id === 'stranger' ? 'stranger' : 'same-again'}`, params });
  }
}
