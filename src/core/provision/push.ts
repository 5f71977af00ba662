/**
 * Typing lines on one device: the journalled push (a record BEFORE and AFTER every line, so a
 * run killed at any instant says which lines may have landed), the tolerant typing of undo lines,
 * and small helpers every stage shares. Views are followed through the session's prompt.
 */
import { AppError, isAppError } from '../base/errors';
import type { MessageParam } from '../base/message';
import type { DeviceKey } from '../model/pair';
import type { PlatformPack } from '../platforms/pack';
import type { Session } from '../session/types';
import type { Step } from './plan';
import { errorEnglish, errorParam } from './progress-message';
import type { EventSink, JournalSink } from './types';

const iso = () => new Date().toISOString();

export interface PushContext {
  journal: JournalSink;
  emit: EventSink;
  signal: AbortSignal;
  /** Cooperative stop: checked between lines, so a line in progress on the other device completes. */
  stopped: () => StopReason | string | undefined;
  /** Steps done on this device, in order (the rollback undoes exactly these). */
  applied: Step[];
  /** A step whose fate is unknown (timeout, disconnect): it may have landed, so its undo is typed too. */
  uncertain: Step[];
}

/** Why a push stops before its next line: the English, and the same in the reader's language. */
export interface StopReason {
  text: string;
  said: MessageParam;
}

/** The other device failed: the stop that a device's failure puts on its peer's push. */
export const deviceFailed = (k: DeviceKey, e: unknown): StopReason => ({
  text: `device ${k.toUpperCase()} failed: ${errorEnglish(e)}`,
  said: { sep: 'comma', items: [{ code: 'error.push.device-failed', params: { device: k.toUpperCase(), error: errorParam(e) } }] },
});

/** Push steps in order from system view; stops at the first failure and throws it. */
export async function pushSteps(session: Session, steps: readonly Step[], stage: string, ctx: PushContext): Promise<void> {
  if (steps.length === 0) return;
  await session.enterSystemView({ signal: ctx.signal });
  for (const [index, s] of steps.entries()) {
    const stop = ctx.stopped();
    if (stop !== undefined) {
      const why = typeof stop === 'string' ? { text: stop, said: stop } : stop;
      throw new AppError('CANCELLED', `stopped before "${s.line}": ${why.text}`, { details: { stopped: true }, message: { key: 'error.push.stopped', params: { line: s.line, why: why.said } } });
    }
    const base = { type: 'step' as const, device: s.device, stage, index, line: s.line, undo: s.undo };
    ctx.journal.append({ ...base, phase: 'begin', time: iso() });
    try {
      await session.exec(s.line, { signal: ctx.signal });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      ctx.journal.append({ ...base, phase: 'failed', time: iso(), error: message });
      // A refused line changed nothing; any other failure leaves its fate unknown.
      if (!(isAppError(e) && e.code === 'COMMAND_REJECTED')) ctx.uncertain.push(s);
      if (!isAppError(e)) throw e;
      const params = { device: s.device.toUpperCase(), stage, line: s.line, index: String(index + 1), total: String(steps.length), error: errorParam(e) };
      throw new AppError(e.code, `device ${params.device}, ${stage} line ${params.index}/${params.total} "${s.line}": ${e.message}`, { details: { ...e.details, device: s.device, line: s.line, stage }, cause: e, message: { key: 'error.push.line', params } });
    }
    ctx.applied.push(s);
    ctx.journal.append({ ...base, phase: 'done', time: iso() });
    ctx.emit({ kind: 'line', device: s.device, stage, index, total: steps.length, line: s.line });
  }
}

export function rejection(pack: PlatformPack, output: string): string | undefined {
  const res = pack.errors.map((e) => new RegExp(e.pattern, 'm'));
  return output.split(/\r?\n/).find((l) => res.some((re) => re.test(l)))?.trim();
}

/**
 * Types undo lists (each starting in system view) in the order given. A refused line is noted
 * and the rest still typed: a rollback does as much as it can and the final comparison tells
 * what is left. A `quit` is only typed inside a sub-view (in user view it would log out).
 */
export async function typeUndo(session: Session, lists: readonly string[][], signal: AbortSignal): Promise<{ typed: number; errors: string[] }> {
  const pack = session.pack;
  const errors: string[] = [];
  let typed = 0;
  for (const list of lists) {
    if (list.length === 0) continue;
    if (session.prompt.view !== 'system') await session.enterSystemView({ signal });
    for (const line of list) {
      if (line.trim() === pack.session.quit && session.prompt.view !== 'subview') continue;
      const r = await session.exec(line, { signal, check: false });
      typed++;
      const bad = rejection(pack, r.output);
      if (bad !== undefined) errors.push(`${line}: ${bad}`);
    }
  }
  await session.returnToUser({ signal });
  return { typed, errors };
}

export async function readRunning(session: Session, signal: AbortSignal): Promise<string> {
  const cmd = session.pack.displays.currentConfig ?? 'display current-configuration';
  if (session.prompt.view !== 'user') await session.returnToUser({ signal });
  return (await session.exec(cmd, { signal, expectBytes: 200_000 })).output;
}

export async function display(session: Session, key: string, signal: AbortSignal, check = true): Promise<string> {
  const cmd = session.pack.displays[key];
  if (cmd === undefined) throw new AppError('UNSUPPORTED', `the platform pack "${session.pack.id}" has no "${key}" display`, { message: { key: 'error.push.no-display', params: { pack: session.pack.id, key } } });
  return (await session.exec(cmd, { signal, check })).output;
}

/** Runs a pack command in the view its template names (RBM view entered and left again). */
export async function runAction(session: Session, key: string, signal: AbortSignal): Promise<string> {
  const pack = session.pack;
  const t = pack.commands[key];
  if (!t) throw new AppError('UNSUPPORTED', `the platform pack "${pack.id}" has no "${key}" command`, { message: { key: 'error.push.no-command', params: { pack: pack.id, key } } });
  let out: string;
  if (t.view === 'user') {
    await session.returnToUser({ signal });
    out = (await session.exec(t.template, { signal })).output;
  } else if (t.view === 'rbm') {
    await session.enterView(pack.commands.rbmEnter?.template ?? 'remote-backup group', { signal });
    out = (await session.exec(t.template, { signal })).output;
  } else {
    await session.enterSystemView({ signal });
    out = (await session.exec(t.template, { signal })).output;
  }
  await session.returnToUser({ signal });
  return out;
}

/** Starts the commit-confirmed window: the device reverts by itself unless confirmed in time. */
export async function startCommitDelay(session: Session, device: DeviceKey, journal: JournalSink, signal: AbortSignal, now: () => Date): Promise<string | undefined> {
  const cd = session.pack.commitDelay;
  if (!cd) return undefined;
  await session.enterSystemView({ signal });
  await session.exec(cd.start.replace('{minutes}', String(cd.minutes)), { signal });
  const deadline = new Date(now().getTime() + cd.minutes * 60_000).toISOString();
  journal.append({ type: 'commit-delay', device, phase: 'start', minutes: cd.minutes, deadline, time: iso() });
  return deadline;
}

/** Confirms (ends) the commit-delay window; `strict` throws when the device refuses. */
export async function confirmCommit(session: Session, device: DeviceKey, journal: JournalSink, signal: AbortSignal, strict: boolean): Promise<void> {
  const cd = session.pack.commitDelay;
  if (!cd) return;
  await session.enterSystemView({ signal });
  const r = await session.exec(cd.confirm, { signal, check: strict });
  await session.returnToUser({ signal });
  if (rejection(session.pack, r.output) === undefined) journal.append({ type: 'commit-delay', device, phase: 'confirm', time: iso() });
}
