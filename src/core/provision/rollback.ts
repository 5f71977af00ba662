/**
 * Rollback: type the undo of exactly the lines applied, newest first, then read the running
 * configuration again and compare it, as text, with the copy taken before the push. A device
 * that cannot be reached is reported with the commit-delay deadline at which it reverts itself.
 * `recover` does the same from a journal, for a run that was killed mid-push.
 */
import { withTimeout } from '../base/abort';
import { AppError, isAppError } from '../base/errors';
import type { Message, MessageList, MessageParam } from '../base/message';
import type { DeviceKey } from '../model/pair';
import type { JournalSummary } from './journal';
import type { Step } from './plan';
import { confirmCommit, readRunning, typeUndo } from './push';
import { configDifferences } from './config-text';
import { restoreLists } from './restore';
import type { DeviceRollback, EventSink, JournalSink, Session, SessionFactory } from './types';
import { errorEnglish, errorMessage, progress } from './progress-message';
import { differenceMessage, NO_COPY, NOT_COMPARED, noUndoForm, secondPassFailed, type RollbackNote } from './rollback-text';

export { differenceMessage } from './rollback-text';

const iso = () => new Date().toISOString();
const KEYS: readonly DeviceKey[] = ['a', 'b'];

export interface RollbackInput {
  device: DeviceKey;
  /** The session used for the push, if it is still usable. */
  session?: Session;
  /** Undo lists in apply order (reversed here). */
  undo: string[][];
  /** The running configuration before the push. */
  before?: string;
  revertsAt?: string;
}

export interface RollbackOptions {
  open: SessionFactory;
  journal: JournalSink;
  emit: EventSink;
  timeoutMs: number;
  /** Sessions opened here are handed back so the caller closes them with the rest. */
  opened: Partial<Record<DeviceKey, Session>>;
}

const usable = (s: Session | undefined): s is Session => s !== undefined && !s.closed;

/** Adds one of HotPair's notes to `errors`, its message at the same index of `errorsSaid` (a device's refusal has none). */
function note(r: DeviceRollback, [english, said]: RollbackNote): void {
  const all: (Message | null)[] = [...(r.errorsSaid ?? [])];
  while (all.length < r.errors.length) all.push(null);
  r.errorsSaid = [...all, said];
  r.errors.push(english);
}

async function oneDevice(i: RollbackInput, o: RollbackOptions): Promise<DeviceRollback> {
  const { device } = i;
  o.journal.append({ type: 'rollback', device, phase: 'begin', time: iso() });
  // Its own limit, never the run's signal: a cancelled run still gets its rollback.
  const op = withTimeout(undefined, o.timeoutMs, { limit: 'rollback' });
  const result: DeviceRollback = { device, typed: 0, errors: [], differences: [] };
  try {
    let session = usable(i.session) ? i.session : undefined;
    for (let tries = 0; ; tries++) {
      try {
        if (!session) {
          o.emit(progress('info', 'progress.rollback-reconnect', { device: device.toUpperCase() }, `reconnecting to device ${device.toUpperCase()} for the rollback`, device));
          session = await o.open(device, op.signal);
          o.opened[device] = session;
        }
        const r = await typeUndo(session, [...i.undo].reverse(), op.signal);
        result.typed = r.typed;
        result.errors = r.errors;
        const after = await readRunning(session, op.signal);
        result.differences = i.before !== undefined ? configDifferences(i.before, after) : i.undo.length > 0 ? [NO_COPY] : [];
        // Restored: end the commit-delay window so the device does not revert again later.
        if (result.differences.length === 0) await confirmCommit(session, device, o.journal, op.signal, false);
        break;
      } catch (e) {
        const lost = isAppError(e) && (e.code === 'DISCONNECTED' || e.code === 'TIMEOUT' || e.code === 'CONNECT_FAILED');
        if (lost && tries === 0 && session !== undefined) {
          session = undefined; // the push session died under us: one fresh connection
          continue;
        }
        throw e;
      }
    }
  } catch (e) {
    const reason = errorEnglish(e);
    const said = errorMessage(e);
    result.unreachable = { reason, ...(said ? { reasonSaid: said } : {}), ...(i.revertsAt !== undefined ? { revertsAt: i.revertsAt } : {}) };
    result.differences = [NOT_COMPARED];
  } finally {
    op.dispose();
  }
  const ok = result.differences.length === 0;
  o.journal.append({ type: 'rollback', device, phase: ok ? 'done' : 'failed', time: iso(), differences: result.differences, ...(result.unreachable ? { error: result.unreachable.reason } : {}) });
  return result;
}

/**
 * Both devices in parallel; every device gets its attempt whatever happens to the other. Then,
 * once neither device runs hot backup any more (nothing synchronises behind the tool's back),
 * a second pass types what the comparison still names (restore.ts).
 */
export async function rollbackDevices(inputs: Record<DeviceKey, RollbackInput>, o: RollbackOptions): Promise<Record<DeviceKey, DeviceRollback>> {
  const [a, b] = await Promise.all(KEYS.map((k) => oneDevice(inputs[k], o)));
  const r = { a: a as DeviceRollback, b: b as DeviceRollback };
  await Promise.all(KEYS.map((k) => secondPass(r[k], inputs[k], o)));
  return r;
}

/** One device alone (one console cable: the other device is not reachable now): the undo, then the second pass. */
export async function rollbackDevice(input: RollbackInput, o: RollbackOptions): Promise<DeviceRollback> {
  const r = await oneDevice(input, o);
  await secondPass(r, input, o);
  return r;
}

async function secondPass(r: DeviceRollback, i: RollbackInput, o: RollbackOptions): Promise<void> {
  const session = o.opened[i.device] ?? i.session;
  if (r.unreachable || r.differences.length === 0 || i.before === undefined || !usable(session)) return;
  const { lists, unknown } = restoreLists(r.differences, session.pack);
  if (lists.length === 0) return;
  const op = withTimeout(undefined, o.timeoutMs, { limit: 'rollback' });
  try {
    o.emit(progress('info', 'progress.rollback-second-pass', { device: i.device.toUpperCase(), count: r.differences.length }, `device ${i.device.toUpperCase()}: ${r.differences.length} line${r.differences.length === 1 ? ' still differs' : 's still differ'} after the undo; typing them back from the pre-push copy`, i.device));
    const t = await typeUndo(session, lists, op.signal);
    r.typed += t.typed;
    r.errors.push(...t.errors);
    r.differences = configDifferences(i.before, await readRunning(session, op.signal));
    if (r.differences.length === 0) await confirmCommit(session, i.device, o.journal, op.signal, false);
    if (unknown.length > 0 && r.differences.length > 0) note(r, noUndoForm(unknown));
    o.journal.append({ type: 'rollback', device: i.device, phase: r.differences.length === 0 ? 'done' : 'failed', time: iso(), differences: r.differences });
  } catch (e) {
    note(r, secondPassFailed(e));
  } finally {
    op.dispose();
  }
}

export const rollbackComplete = (r: Record<DeviceKey, DeviceRollback>): boolean => KEYS.every((k) => r[k].differences.length === 0);

/** The first lines that differ: device lines as they are; a placeholder (it stands alone) in the reader's language. */
export function differencesParam(lines: readonly string[]): MessageParam {
  const said = lines.map(differenceMessage);
  return said.every((m): m is Message => m !== undefined) ? { sep: 'semicolon', items: said } : lines.join('; ');
}

/** One device's part of ROLLBACK_FAILED: its English and its message. */
function rollbackPart(k: DeviceKey, d: DeviceRollback): [string, Message] {
  const device = k.toUpperCase();
  const u = d.unreachable;
  if (u) {
    const reason: MessageParam = u.reasonSaid ? { sep: 'comma', items: [u.reasonSaid] } : u.reason;
    return u.revertsAt
      ? [`device ${device} unreachable (${u.reason}); it reverts itself at ${u.revertsAt} (commit delay)`, { code: 'rollback.part.unreachable-reverts', params: { device, reason, at: u.revertsAt } }]
      : [`device ${device} unreachable (${u.reason})`, { code: 'rollback.part.unreachable', params: { device, reason } }];
  }
  const first = d.differences.slice(0, 8);
  return [`device ${device} differs from before the push in ${d.differences.length} line${d.differences.length === 1 ? '' : 's'}: ${first.join('; ')}`, { code: 'rollback.part.differs', params: { device, count: d.differences.length, lines: differencesParam(first) } }];
}

export function rollbackError(r: Record<DeviceKey, DeviceRollback>): AppError {
  const parts = KEYS.filter((k) => r[k].differences.length > 0).map((k) => rollbackPart(k, r[k]));
  const one = (n: number): MessageList => ({ sep: 'comma', items: parts[n] ? [parts[n][1]] : [] });
  return new AppError('ROLLBACK_FAILED', `rollback incomplete: ${parts.map(([english]) => english).join(' | ')}`, {
    fix: 'type the listed lines by hand (a "-" line is missing, a "+" line is left over), or `hotpair recover <journal>` once the device is reachable',
    details: { rollback: r },
    message: { key: 'error.rollback-failed.incomplete', params: { first: one(0), second: one(1), both: parts.length > 1 ? 'yes' : 'no' } },
  });
}

export const undoLists = (steps: readonly Step[]): string[][] => steps.map((s) => s.undo);

/**
 * Finishes the rollback of a run the journal shows as interrupted: the applied lines and the one
 * in flight (it may have landed) are undone on both devices, and the result compared with the
 * journal's pre-push copies. Writes the rollback records and the run-end to the same journal.
 */
export async function recover(summary: JournalSummary, o: Omit<RollbackOptions, 'opened'> & { sessions?: Partial<Record<DeviceKey, Session>> }): Promise<{ outcome: 'recovered' | 'rollback-incomplete'; rollback: Record<DeviceKey, DeviceRollback> }> {
  const opened: Partial<Record<DeviceKey, Session>> = {};
  const input = (k: DeviceKey): RollbackInput => {
    const undo = [...summary.applied[k].map((s) => s.undo), ...summary.inFlight.filter((f) => f.device === k).map((f) => f.undo)];
    const r: RollbackInput = { device: k, undo };
    const s = o.sessions?.[k];
    if (s) r.session = s;
    if (summary.preConfig[k] !== undefined) r.before = summary.preConfig[k];
    const cd = summary.commitDelay[k];
    if (cd?.deadline && !cd.confirmed) r.revertsAt = cd.deadline;
    return r;
  };
  try {
    const rollback = await rollbackDevices({ a: input('a'), b: input('b') }, { ...o, opened });
    const outcome = rollbackComplete(rollback) ? 'recovered' : 'rollback-incomplete';
    o.journal.append({ type: 'run-end', outcome, time: iso(), message: outcome === 'recovered' ? 'finished by hotpair recover' : rollbackError(rollback).message });
    return { outcome, rollback };
  } finally {
    await Promise.all(Object.values(opened).map((s) => s?.close().catch(() => undefined)));
  }
}
