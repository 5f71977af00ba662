/**
 * Manual operations on a commissioned pair (`hotpair op`): each refused where the mode does not
 * allow it, run on the device that must run it, and verified afterwards by reading both devices.
 */
import { sleep } from '../base/abort';
import type { DeviceKey, Pair } from '../model/pair';
import { comware7 } from '../platforms/comware7';
import type { PlatformPack } from '../platforms/pack';
import { parseSyncCheck } from '../parse/sync-check';
import { syncSource } from '../render/sections';
import { display, runAction } from './push';
import type { EventSink, Session } from './types';
import { freshCheck, readSeen, verifyPair, verifyTimeoutFor, type Seen } from './verify';
import { progress } from './progress-message';
import type { Message, MessageParams } from '../base/message';
import { awaitCheck, awaitStatuses, inconsistentError, notSeenError, refusedError, seenCheck, statuses, unconfiguredError, verifiedCheck, verifiedStatuses, waitingStep, type OpSentence } from './op-text';

export const OPS = ['check', 'sync', 'switchover', 'peer-active', 'peer-standby', 'reset'] as const;
export type OpName = (typeof OPS)[number];

const KEY: Record<OpName, string> = { check: 'opCheck', sync: 'opSync', switchover: 'opSwitchover', 'peer-active': 'opPeerActive', 'peer-standby': 'opPeerStandby', reset: 'opReset' };

export { OP_TEXT } from './op-text';

/**
 * Why an operation is not allowed for this pair (with this pack), or undefined when it is. `reset`
 * types a command found in no vendor text (the vendor CLI notes): refused until a pack corrected for
 * the release marks its template verified.
 */
export function refusal(pair: Pair, op: OpName, pack: PlatformPack = comware7): string | undefined {
  return refusalSaid(pair, op, pack)?.text;
}

/** `refusal` with its message of the `core` catalogue (progress.op-refused.*). */
export function refusalSaid(pair: Pair, op: OpName, pack: PlatformPack = comware7): { text: string; code: string; params: MessageParams } | undefined {
  if (op === 'reset' && pack.commands[KEY.reset]?.verified !== true) {
    const command = pack.commands[KEY.reset]?.template ?? 'nothing';
    return {
      text: `reset types "${command}", which no vendor document names; confirm the command on the device (context help ?) and mark commands.${KEY.reset} verified in a platform pack (--pack) to use it`,
      code: 'progress.op-refused.reset',
      params: { command, key: `commands.${KEY.reset}` },
    };
  }
  const dual = pair.mode === 'dual-active';
  if ((op === 'peer-active' || op === 'peer-standby') && !dual) return { text: `${op} exists only in dual-active mode; this pair runs ${pair.mode}`, code: 'progress.op-refused.dual-only', params: { op, mode: pair.mode } };
  if (op === 'switchover' && dual) return { text: 'switchover does not apply in dual-active mode (both devices are Active); use peer-active or peer-standby', code: 'progress.op-refused.switchover-dual', params: {} };
  return undefined;
}

export interface OpOptions {
  pair: Pair;
  sessions: Record<DeviceKey, Session>;
  signal: AbortSignal;
  emit?: EventSink;
  timeoutMs?: number;
  pollMs?: number;
}

export interface OpResult {
  op: OpName;
  device: DeviceKey;
  output: string;
  before: Record<DeviceKey, Seen>;
  after: Record<DeviceKey, Seen>;
  /** What was verified, in one sentence. */
  verified: string;
  /** `verified` as a message of the `core` catalogue (op.verified.*). */
  verifiedSaid: Message;
}

const both = async (o: OpOptions): Promise<Record<DeviceKey, Seen>> => {
  const withVrrp = o.pair.vrrp.length > 0;
  const [a, b] = await Promise.all((['a', 'b'] as const).map((k) => readSeen(o.sessions[k], withVrrp, o.signal)));
  return { a: a as Seen, b: b as Seen };
};

/** The device that runs the operation: the primary as the devices report it, else as planned. */
function primaryOf(pair: Pair, seen: Record<DeviceKey, Seen>): DeviceKey {
  return (['a', 'b'] as const).find((k) => seen[k].rbm?.role === 'primary') ?? syncSource(pair);
}

async function until<T>(o: OpOptions, what: OpSentence, read: () => Promise<T>, ok: (v: T) => boolean, describe: (v: T) => OpSentence): Promise<T> {
  const limit = o.timeoutMs ?? verifyTimeoutFor(o.pair);
  const deadline = Date.now() + limit;
  const step = waitingStep(what);
  o.emit?.(progress('info', step.said.code, step.said.params ?? {}, step.text));
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw notSeenError(what, limit, describe(v));
    await sleep(o.pollMs ?? 1000, o.signal);
  }
}

export async function runOp(op: OpName, o: OpOptions): Promise<OpResult> {
  const no = refusalSaid(o.pair, op, o.sessions.a.pack);
  if (no) throw refusedError(no);
  const before = await both(o);
  const unconfigured = (['a', 'b'] as const).filter((k) => !before[k].rbm?.configured);
  if (unconfigured.length > 0) throw unconfiguredError(unconfigured);
  // peer-active/standby act on "the peer" of the device they run on: run them on A so B is the peer.
  const device: DeviceKey = op === 'peer-active' || op === 'peer-standby' ? 'a' : primaryOf(o.pair, before);
  const s = o.sessions[device];
  const command = s.pack.commands[KEY[op]]?.template ?? op;
  o.emit?.(progress('info', 'progress.op-running', { command, device: device.toUpperCase() }, `running ${command} on device ${device.toUpperCase()}`, device));
  const checkBefore = op === 'check' || op === 'sync' ? parseSyncCheck(await display(s, 'syncCheck', o.signal, false)).value : undefined;
  const ranAt = Date.now();
  const output = await runAction(s, KEY[op], o.signal);
  let verified: OpSentence;
  let after: Record<DeviceKey, Seen>;
  switch (op) {
    case 'check':
    case 'sync': {
      if (op === 'sync') await runAction(s, 'opCheck', o.signal);
      const r = await until(o, awaitCheck(), async () => parseSyncCheck(await display(s, 'syncCheck', o.signal, false)).value, (v) => freshCheck(checkBefore, v, ranAt), seenCheck);
      if (r.result !== 'Consistent') throw inconsistentError(r);
      after = await both(o);
      verified = verifiedCheck(r.result);
      break;
    }
    case 'switchover': {
      const want = { a: before.b.rbm?.runningStatus, b: before.a.rbm?.runningStatus };
      after = await until(o, awaitStatuses(want, true), () => both(o), (v) => v.a.rbm?.runningStatus === want.a && v.b.rbm?.runningStatus === want.b, statuses);
      verified = verifiedStatuses('swapped', after);
      break;
    }
    case 'peer-active':
    case 'peer-standby': {
      const want = op === 'peer-active' ? { a: 'Standby', b: 'Active' } : { a: 'Active', b: 'Standby' };
      after = await until(o, awaitStatuses(want, false), () => both(o), (v) => v.a.rbm?.runningStatus === want.a && v.b.rbm?.runningStatus === want.b, statuses);
      verified = verifiedStatuses('statuses', after);
      break;
    }
    case 'reset': {
      await verifyPair({ pair: o.pair, sessions: o.sessions, primary: syncSource(o.pair), signal: o.signal, timeoutMs: o.timeoutMs ?? verifyTimeoutFor(o.pair), pollMs: o.pollMs ?? 1000, emit: o.emit ?? (() => undefined) });
      after = await both(o);
      verified = verifiedStatuses('settled', after);
      break;
    }
  }
  return { op, device, output, before, after, verified: verified.text, verifiedSaid: verified.said };
}
