/**
 * Rollback: type the undo of exactly the lines applied, newest first, then read the running
 * configuration again and compare it, as text, with the copy taken before the push. A device
 * that cannot be reached is reported with the commit-delay deadline at which it reverts itself.
 * `recover` does the same from a journal, for a run that was killed mid-push.
 */
import { withTimeout } from '../base/abort';
import { AppError, isAppError } from '../base/errors';
import type { DeviceKey } from '../model/pair';
import type { JournalSummary } from './journal';
import type { Step } from './plan';
import { confirmCommit, readRunning, typeUndo } from './push';
import { configDifferences } from './config-text';
import { restoreLists } from './restore';
import type { DeviceRollback, EventSink, JournalSink, Session, SessionFactory } from './types';
import { progress } from './progress-message';

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

async function oneDevice(i: RollbackInput, o: RollbackOptions): Promise<DeviceRollback> {
  const { device } = i;
  o.journal.append({ type: 'rollback', device, phase: 'begin', time: iso() });
  // Its own limit, never the run's signal: a cancelled run still gets its rollback.
  const op = withTimeout(undefined, o.timeoutMs, 'rollback timeout');
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
        result.differences = i.before !== undefined ? configDifferences(i.before, after) : i.undo.length > 0 ? ['(no pre-push copy to compare with)'] : [];
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
    const reason = e instanceof Error ? e.message : String(e);
    result.unreachable = i.revertsAt === undefined ? { reason } : { reason, revertsAt: i.revertsAt };
    result.differences = ['(not compared: the device could not be reached)'];
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
  const op = withTimeout(undefined, o.timeoutMs, 'rollback timeout');
  try {
    o.emit(progress('info', 'progress.rollback-second-pass', { device: i.device.toUpperCase(), count: r.differences.length }, `device ${i.device.toUpperCase()}: ${r.differences.length} line(s) still differ after the undo; typing them back from the pre-push copy`, i.device));
    const t = await typeUndo(session, lists, op.signal);
    r.typed += t.typed;
    r.errors.push(...t.errors);
    r.differences = configDifferences(i.before, await readRunning(session, op.signal));
    if (r.differences.length === 0) await confirmCommit(session, i.device, o.journal, op.signal, false);
    if (unknown.length > 0 && r.differences.length > 0) r.errors.push(`no undo form known for: ${unknown.join('; ')}`);
    o.journal.append({ type: 'rollback', device: i.device, phase: r.differences.length === 0 ? 'done' : 'failed', time: iso(), differences: r.differences });
  } catch (e) {
    r.errors.push(`second pass: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    op.dispose();
  }
}

export const rollbackComplete = (r: Record<DeviceKey, DeviceRollback>): boolean => KEYS.every((k) => r[k].differences.length === 0);

export function rollbackError(r: Record<DeviceKey, DeviceRollback>): AppError {
  const parts = KEYS.filter((k) => r[k].differences.length > 0).map((k) => {
    const d = r[k];
    if (d.unreachable) return `device ${k.toUpperCase()} unreachable (${d.unreachable.reason})${d.unreachable.revertsAt ? `; it reverts itself at ${d.unreachable.revertsAt} (commit delay)` : ''}`;
    return `device ${k.toUpperCase()} differs from before the push in ${d.differences.length} line(s): ${d.differences.slice(0, 8).join('; ')}`;
  });
  return new AppError('ROLLBACK_FAILED', `rollback incomplete: ${parts.join(' | ')}`, {
    fix: 'type the listed lines by hand (a "-" line is missing, a "+" line is left over), or `hotpair recover <journal>` once the device is reachable',
    details: { rollback: r },
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
