/**
 * Manual operations on a commissioned pair (`hotpair op`): each refused where the mode does not
 * allow it, run on the device that must run it, and verified afterwards by reading both devices.
 */
import { formatMs, sleep } from '../base/abort';
import { AppError } from '../base/errors';
import type { DeviceKey, Pair } from '../model/pair';
import { comware7 } from '../platforms/comware7';
import type { PlatformPack } from '../platforms/pack';
import { parseSyncCheck } from '../parse/sync-check';
import { syncSource } from '../render/sections';
import { display, runAction } from './push';
import type { EventSink, Session } from './types';
import { freshCheck, readSeen, verifyPair, verifyTimeoutFor, type Seen } from './verify';
import { progress } from './progress-message';
import type { MessageParams } from '../base/message';

export const OPS = ['check', 'sync', 'switchover', 'peer-active', 'peer-standby', 'reset'] as const;
export type OpName = (typeof OPS)[number];

const KEY: Record<OpName, string> = { check: 'opCheck', sync: 'opSync', switchover: 'opSwitchover', 'peer-active': 'opPeerActive', 'peer-standby': 'opPeerStandby', reset: 'opReset' };

export const OP_TEXT: Record<OpName, string> = {
  check: 'run a configuration consistency check now (on the primary) and read its result',
  sync: 'synchronise the configuration from the primary to the secondary now, then check consistency',
  switchover: 'swap the Active and Standby devices (active/standby and mirroring modes)',
  'peer-active': 'dual-active: make the peer (B) the only Active device, A goes Standby',
  'peer-standby': 'dual-active: put the peer (B) in Standby, A stays Active',
  reset: 'restart the role election (user view) and wait for the planned roles',
};

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

async function until<T>(o: OpOptions, what: string, read: () => Promise<T>, ok: (v: T) => boolean, describe: (v: T) => string): Promise<T> {
  const limit = o.timeoutMs ?? verifyTimeoutFor(o.pair);
  const deadline = Date.now() + limit;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new AppError('VERIFY_FAILED', `${what} not seen within ${formatMs(limit)}: ${describe(v)}`, { fix: 'read both devices (display remote-backup-group status) and the switchover records' });
    await sleep(o.pollMs ?? 1000, o.signal);
  }
}

const statuses = (s: Record<DeviceKey, Seen>) => `A ${s.a.rbm?.runningStatus ?? '?'}, B ${s.b.rbm?.runningStatus ?? '?'}`;

export async function runOp(op: OpName, o: OpOptions): Promise<OpResult> {
  const no = refusal(o.pair, op, o.sessions.a.pack);
  if (no) throw new AppError('VALIDATION', `refused: ${no}`);
  const before = await both(o);
  const unconfigured = (['a', 'b'] as const).filter((k) => !before[k].rbm?.configured);
  if (unconfigured.length > 0) throw new AppError('VALIDATION', `refused: hot backup is not configured on device ${unconfigured.map((k) => k.toUpperCase()).join(' and ')}`, { fix: 'commission the pair first (hotpair pair <file>)' });
  // peer-active/standby act on "the peer" of the device they run on: run them on A so B is the peer.
  const device: DeviceKey = op === 'peer-active' || op === 'peer-standby' ? 'a' : primaryOf(o.pair, before);
  const s = o.sessions[device];
  const command = s.pack.commands[KEY[op]]?.template ?? op;
  o.emit?.(progress('info', 'progress.op-running', { command, device: device.toUpperCase() }, `running ${command} on device ${device.toUpperCase()}`, device));
  const checkBefore = op === 'check' || op === 'sync' ? parseSyncCheck(await display(s, 'syncCheck', o.signal, false)).value : undefined;
  const ranAt = Date.now();
  const output = await runAction(s, KEY[op], o.signal);
  let verified: string;
  let after: Record<DeviceKey, Seen>;
  switch (op) {
    case 'check':
    case 'sync': {
      if (op === 'sync') await runAction(s, 'opCheck', o.signal);
      const r = await until(o, 'a new consistency check result', async () => parseSyncCheck(await display(s, 'syncCheck', o.signal, false)).value, (v) => freshCheck(checkBefore, v, ranAt), (v) => `${v.result ?? 'no result'}${v.time ? ` (checked ${v.time})` : ''}`);
      if (r.result !== 'Consistent') throw new AppError('VERIFY_FAILED', `consistency check: ${r.result}${r.differences.length ? ` — ${r.differences.slice(0, 10).join('; ')}` : ''}`, { fix: 'run `hotpair op <pair> sync`, or correct the listed lines on the secondary' });
      after = await both(o);
      verified = `consistency check result: ${r.result}`;
      break;
    }
    case 'switchover': {
      const want = { a: before.b.rbm?.runningStatus, b: before.a.rbm?.runningStatus };
      after = await until(o, `running statuses swapped (A ${want.a}, B ${want.b})`, () => both(o), (v) => v.a.rbm?.runningStatus === want.a && v.b.rbm?.runningStatus === want.b, statuses);
      verified = `running statuses swapped: ${statuses(after)}`;
      break;
    }
    case 'peer-active':
    case 'peer-standby': {
      const want = op === 'peer-active' ? { a: 'Standby', b: 'Active' } : { a: 'Active', b: 'Standby' };
      after = await until(o, `A ${want.a}, B ${want.b}`, () => both(o), (v) => v.a.rbm?.runningStatus === want.a && v.b.rbm?.runningStatus === want.b, statuses);
      verified = `running statuses: ${statuses(after)}`;
      break;
    }
    case 'reset': {
      await verifyPair({ pair: o.pair, sessions: o.sessions, primary: syncSource(o.pair), signal: o.signal, timeoutMs: o.timeoutMs ?? verifyTimeoutFor(o.pair), pollMs: o.pollMs ?? 1000, emit: o.emit ?? (() => undefined) });
      after = await both(o);
      verified = `election settled as planned: ${statuses(after)}`;
      break;
    }
  }
  return { op, device, output, before, after, verified };
}
