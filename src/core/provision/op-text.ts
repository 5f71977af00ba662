/**
 * The manual operations' sentences (src/core/provision/ops.ts) as messages of the `core`
 * catalogue (op.*) beside their English, so the CLI and the app say what was verified, what is
 * awaited and why an operation failed in the reader's language. Device values (running statuses,
 * the consistency result, differing lines) stay params, as the device printed them.
 */
import { formatMs } from '../base/abort';
import { AppError } from '../base/errors';
import type { Message, MessageParams } from '../base/message';
import type { DeviceKey } from '../model/pair';
import type { SyncCheck } from '../parse/sync-check';
import type { OpName } from './ops';
import type { Seen } from './verify';

/** A sentence: its English and its message. */
export interface OpSentence {
  text: string;
  said: Message;
}

const m = (code: string, params: MessageParams = {}): Message => ({ code: `op.${code}`, params });
const one = (said: Message) => ({ sep: 'comma' as const, items: [said] });

/** What each operation does, as its confirmation says it. */
export const OP_TEXT: Record<OpName, string> = {
  check: 'run a configuration consistency check now (on the primary) and read its result',
  sync: 'synchronise the configuration from the primary to the secondary now, then check consistency',
  switchover: 'swap the Active and Standby devices (active/standby and mirroring modes)',
  'peer-active': 'dual-active: make the peer (B) the only Active device, A goes Standby',
  'peer-standby': 'dual-active: put the peer (B) in Standby, A stays Active',
  reset: 'restart the role election (user view) and wait for the planned roles',
};

export const opWhat = (op: OpName): OpSentence => ({ text: OP_TEXT[op], said: m(`what.${op}`) });

const statusParams = (s: Record<DeviceKey, Seen>) => ({ a: s.a.rbm?.runningStatus ?? '?', b: s.b.rbm?.runningStatus ?? '?' });

/** "A Active, B Standby": both running statuses as the devices report them. */
export function statuses(s: Record<DeviceKey, Seen>): OpSentence {
  const p = statusParams(s);
  return { text: `A ${p.a}, B ${p.b}`, said: m('statuses', p) };
}

/** What an operation verified, in one sentence. */
export const verifiedCheck = (result: string): OpSentence => ({ text: `consistency check result: ${result}`, said: m('verified.check', { result }) });
export function verifiedStatuses(how: 'swapped' | 'statuses' | 'settled', after: Record<DeviceKey, Seen>): OpSentence {
  const p = statusParams(after);
  const head = { swapped: 'running statuses swapped', statuses: 'running statuses', settled: 'election settled as planned' }[how];
  return { text: `${head}: A ${p.a}, B ${p.b}`, said: m(`verified.${how}`, p) };
}

/** What an operation waits to see. */
export const awaitCheck = (): OpSentence => ({ text: 'a new consistency check result', said: m('wait.check') });
export function awaitStatuses(want: Record<DeviceKey, string | undefined>, swapped: boolean): OpSentence {
  const p = { a: want.a ?? '?', b: want.b ?? '?' };
  return swapped ? { text: `running statuses swapped (A ${p.a}, B ${p.b})`, said: m('wait.swapped', p) } : { text: `A ${p.a}, B ${p.b}`, said: m('statuses', p) };
}

/** The consistency result last read, while waiting for a fresh one. */
export function seenCheck(v: SyncCheck): OpSentence {
  return { text: `${v.result ?? 'no result'}${v.time ? ` (checked ${v.time})` : ''}`, said: m('seen.check', { result: v.result ?? 'none', time: v.time ?? 'none' }) };
}

/** The progress step while an operation waits for its result. */
export function waitingStep(what: OpSentence): OpSentence {
  return { text: `waiting for ${what.text}`, said: m('step.waiting', { what: one(what.said) }) };
}

/** The host's first step of an operation on a monitored pair. */
export const connectingStep = (): OpSentence => ({ text: 'connecting to both devices', said: m('step.connecting') });

/** The operation is not allowed for this pair; `reason` is the refusal (progress.op-refused.*). */
export function refusedError(reason: { text: string; code: string; params?: MessageParams }): AppError {
  return new AppError('VALIDATION', `refused: ${reason.text}`, { message: { key: 'op.error.refused', params: { reason: one({ code: reason.code, ...(reason.params ? { params: reason.params } : {}) }) } } });
}

export function unconfiguredError(devices: DeviceKey[]): AppError {
  const names = devices.map((k) => k.toUpperCase());
  return new AppError('VALIDATION', `refused: hot backup is not configured on device ${names.join(' and ')}`, {
    fix: 'commission the pair first (hotpair pair <file>)',
    message: { key: 'op.error.unconfigured', params: { devices: names } },
  });
}

/** What the operation waited for did not show within its limit; `seen` is what was read last. */
export function notSeenError(what: OpSentence, limitMs: number, seen: OpSentence): AppError {
  const [limit, unit] = limitMs < 1000 ? [String(limitMs), 'ms'] : [formatMs(limitMs).replace(/ s$/, ''), 's'];
  return new AppError('VERIFY_FAILED', `${what.text} not seen within ${formatMs(limitMs)}: ${seen.text}`, {
    fix: 'read both devices (display remote-backup-group status) and the switchover records',
    message: { key: 'op.error.not-seen', params: { what: one(what.said), limit, unit, seen: one(seen.said) } },
  });
}

/** The consistency check after check/sync did not come back Consistent; the first differing lines as the device listed them. */
export function inconsistentError(r: SyncCheck): AppError {
  const result = r.result ?? 'no result';
  const differences = r.differences.slice(0, 10).join('; ');
  return new AppError('VERIFY_FAILED', `consistency check: ${result}${differences ? ` — ${differences}` : ''}`, {
    fix: 'run `hotpair op <pair> sync`, or correct the listed lines on the secondary',
    message: { key: 'op.error.inconsistent', params: { result: r.result ?? 'none', differences: differences || 'none' } },
  });
}
