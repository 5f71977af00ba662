/**
 * Commissioning a new pair with one console cable: A's part with the cable on A (checked alone,
 * its commit delay confirmed there, saved if the engineer agrees), the cable moved to B and the
 * device that answers proven to be B, then B's part, the verification from B's side and B's save;
 * optionally back to A for a look from its side. A failure on B rolls B back at once and leaves
 * A's part named, undone from the journal once the cable is back on A. The journal records every
 * line, cable move and answering device, so an interrupted run is taken up where it stopped.
 */
import { abortError, withinLimit } from '../../base/abort';
import type { Limit } from '../../base/limit';
import { AppError, isAppError, toErrorInfo } from '../../base/errors';
import { discover } from '../../discover/discover';
import type { DeviceFacts } from '../../model/facts';
import type { DeviceKey } from '../../model/pair';
import { syncSource } from '../../render/sections';
import { hasErrors, RULE_IDS, validatePair } from '../../validate/index';
import { healthMatrix } from '../health';
import { planDevice, type DevicePlan, type Step } from '../plan';
import { deviceFindings, preflight } from '../preflight';
import { confirmCommit, readRunning, startCommitDelay, type PushContext } from '../push';
import { differencesParam, rollbackDevice, undoLists } from '../rollback';
import { SAVED_CONFIG_COPY_MS } from '../saved-config';
import { DEFAULT_TIMEOUTS, type DeviceRollback, type JournalSink, type Session } from '../types';
import { verifyPair, verifyTimeoutFor } from '../verify';
import { keepSavedConfig } from '../workflow';
import { checkAlone, pushPart, waitSynced } from './part';
import { partStage, readProgress } from './progress';
import { reach, type ReachDeps } from './reach';
import { ONE_CABLE_TIMEOUTS, type OneCableEvent, type OneCableInput, type OneCableResult, type OneCableStep, type OneCableTimeouts } from './types';
import { errorEnglish, errorParam, progress } from '../progress-message';
import type { Message, MessageList } from '../../base/message';

const iso = () => new Date().toISOString();
const viewOf = (p: DevicePlan) => ({ add: p.plan.add.map((l) => l.text), remove: [...p.plan.remove], unchanged: p.plan.unchanged });
/** An outcome inside a sentence, said by its own message (oneCable.outcome.*). */
const outcomeParam = (outcome: string): MessageList => ({ sep: 'comma', items: [{ code: `oneCable.outcome.${outcome}` }] });

/** A failure on one device: the run's error, kept while the undo runs. */
class PartFailed extends Error {
  constructor(
    readonly device: DeviceKey,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export async function runOneCable(input: OneCableInput): Promise<OneCableResult> {
  const { pair, pack, journal } = input;
  const t: OneCableTimeouts = { ...DEFAULT_TIMEOUTS, ...ONE_CABLE_TIMEOUTS, ...input.timeouts };
  const emit = (e: OneCableEvent) => input.emit?.(e);
  const signal = input.signal ?? new AbortController().signal;
  const now = input.now ?? (() => new Date());
  /** `code` is the step's sentence in the `core` catalogue (oneCable.*); `text` its English. */
  const say = (step: OneCableStep, text: string, extra: { to?: DeviceKey; device?: DeviceKey } = {}, m?: Message) => emit({ kind: 'step', step, text, ...extra, ...(m ? { code: m.code, params: m.params ?? {} } : {}) });
  const result: OneCableResult = { outcome: 'failed', findings: [], health: {}, applied: { a: 0, b: 0 } };
  const prog = input.resume !== undefined ? readProgress(input.resume) : undefined;
  const known: Partial<Record<DeviceKey, DeviceFacts>> = { ...prog?.facts };
  const deps: ReachDeps = { open: input.open, waitForCable: input.waitForCable, journal, emit, signal, t, pack, known };
  const work = { a: { applied: [] as Step[], uncertain: [] as Step[] }, b: { applied: [] as Step[], uncertain: [] as Step[] } };
  /** Undo lists of lines applied by the interrupted run this one takes up. */
  const earlier: Record<DeviceKey, string[][]> = { a: [...(prog?.undo.a ?? [])], b: [...(prog?.undo.b ?? [])] };
  const undoOf = (k: DeviceKey) => [...earlier[k], ...undoLists([...work[k].applied, ...work[k].uncertain])];
  const before: Partial<Record<DeviceKey, string>> = { ...prog?.preConfig };
  const saved = { a: prog?.saved.a ?? false, b: prog?.saved.b ?? false };
  const deadlines: Partial<Record<DeviceKey, string>> = {};
  let session: Session | undefined;
  let on: DeviceKey | undefined;
  const drop = async () => {
    await session?.close().catch(() => undefined);
    session = undefined;
    on = undefined;
  };
  const goTo = async (k: DeviceKey) => {
    if (on === k && session && !session.closed) return session;
    const wait = on !== undefined || session !== undefined || moved;
    await drop();
    const r = await reach(deps, k, wait);
    moved = true;
    session = r.session;
    on = k;
    known[k] = r.facts;
    journal.append({ type: 'facts', device: k, facts: r.facts, time: iso() });
    return session;
  };
  let moved = false;
  /** `message` goes into the journal; the step says `said` (English `text`, else `message`) in the reader's language. */
  const end = (outcome: OneCableResult['outcome'] & string, message?: string, said?: Message, text = message ?? outcome): OneCableResult => {
    if (outcome !== 'failed' && outcome !== 'preflight-failed') journal.append({ type: 'run-end', outcome, time: iso(), ...(message ? { message } : {}) });
    else journal.append({ type: 'run-end', outcome: 'declined', time: iso(), message: message ?? outcome });
    result.outcome = outcome;
    result.applied = { a: work.a.applied.length, b: work.b.applied.length };
    say('done', text, {}, said ?? { code: `oneCable.outcome.${outcome}` });
    return result;
  };
  /** The run's end on an error: the step names the outcome and the error by their own messages. */
  const endOn = (outcome: OneCableResult['outcome'] & string, e: unknown, message = errorEnglish(e)): OneCableResult =>
    end(outcome, message, { code: 'oneCable.outcome.ended', params: { outcome: outcomeParam(outcome), error: errorParam(e) } }, `${outcome}: ${errorEnglish(e)}`);
  const ctx = (k: DeviceKey): PushContext => ({ journal, emit, signal, stopped: () => undefined, applied: work[k].applied, uncertain: work[k].uncertain });
  const bounded = <T>(ms: number, limit: Limit, f: (s: AbortSignal) => Promise<T>): Promise<T> => withinLimit(signal, ms, limit, f);
  const save = async (k: DeviceKey, s: Session) => {
    try {
      await s.save({ signal });
      journal.append({ type: 'save', device: k, ok: true, time: iso() });
      saved[k] = undoOf(k).length > 0;
    } catch (e) {
      journal.append({ type: 'save', device: k, ok: false, time: iso(), error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  };
  /** Undoes device k's lines with the cable on it; a device saved with them is saved again once restored. */
  const undo = async (k: DeviceKey): Promise<DeviceRollback> => {
    const s = await goTo(k);
    const r = await rollbackDevice(
      { device: k, session: s, undo: undoOf(k), ...(before[k] !== undefined ? { before: before[k] } : {}), ...(deadlines[k] ? { revertsAt: deadlines[k] } : {}) },
      { open: () => goTo(k), journal, emit, timeoutMs: t.rollbackMs, opened: {} },
    );
    result.rollback = { ...result.rollback, [k]: r } as OneCableResult['rollback'];
    if (r.differences.length === 0) {
      if (saved[k]) await save(k, session ?? s).catch(() => undefined);
      earlier[k] = [];
      work[k] = { applied: [], uncertain: [] };
      saved[k] = false;
    }
    return r;
  };

  try {
    if (prog) {
      if (!prog.oneCable || prog.pair !== pair.name) throw new AppError('VALIDATION', `the journal is not a one-cable run of pair ${pair.name}`, { message: { key: 'oneCable.not-this-run', params: { pair: pair.name } } });
      const run = prog.runId ?? '';
      say(
        'resume',
        prog.ended ? `Run ${run} ended (${prog.ended}); undoing what it left on the devices.` : `Taking up run ${run}: ${prog.partDone.a ? "A's part is done" : "A's part is not finished"}${prog.partDone.b ? ", B's part is done" : ''}.`,
        {},
        prog.ended ? { code: 'oneCable.step.resume-ended', params: { run, outcome: outcomeParam(prog.ended) } } : { code: 'oneCable.step.resume', params: { run, a: prog.partDone.a ? 'done' : 'open', b: prog.partDone.b ? 'done' : 'open' } },
      );
      if (prog.ended) return await undoLeft();
    } else {
      journal.append({ type: 'run-start', runId: input.meta.runId, pair: pair.name, time: iso(), targets: { a: input.meta.target, b: input.meta.target }, tool: input.meta.tool, mode: 'one-cable', pack: { id: pack.id, version: pack.version }, ...(input.meta.pairFile ? { pairFile: input.meta.pairFile } : {}) });
    }
    let planA: DevicePlan | undefined = before.a !== undefined ? planDevice(pair, pack, 'a', before.a) : undefined;
    if (!prog?.partDone.a) {
      say('on-a', 'Cable on device A: log in, read it, check what A alone can show, push all of A\u2019s part.', { device: 'a' }, { code: 'oneCable.step.on-a' });
      const s = await goTo('a');
      if (earlier.a.length > 0) {
        emit(progress('info', 'oneCable.left-undo', { count: earlier.a.length, device: 'A' }, `the interrupted run left ${earlier.a.length} line${earlier.a.length === 1 ? '' : 's'} on A: undoing them before starting A's part again`, 'a'));
        await undo('a');
      }
      const fa = known.a as DeviceFacts;
      result.findings = [...validatePair(pair, { a: fa }, pack), ...deviceFindings(pair, 'a', fa)];
      emit({ kind: 'preflight', findings: result.findings });
      journal.append({ type: 'preflight', rules: [...RULE_IDS], findings: result.findings, time: iso() });
      if (hasErrors(result.findings)) return end('preflight-failed', 'preflight found errors on device A: nothing was pushed', { code: 'oneCable.outcome.preflight-a' });
      const running = await readRunning(s, signal);
      planA = planDevice(pair, pack, 'a', running);
      before.a ??= running;
      journal.append({ type: 'pre-config', device: 'a', text: running });
      journal.append({ type: 'plan', device: 'a', add: planA.plan.add.map((l) => l.text), remove: planA.plan.remove });
      emit({ kind: 'device-plan', device: 'a', plan: viewOf(planA) });
      if (pack.commitDelay) {
        const minutes = pack.commitDelay.minutes;
        emit(progress('info', 'oneCable.commit-delay', { minutes }, `Commit delay: ${minutes} min on A while A's part is typed, confirmed as soon as A checks out alone, because moving the cable can take longer than that; on B it runs until B is verified.`));
      }
      const minutes = Math.round(t.cableMs / 60_000);
      const presume = t.cablePresumeMs !== undefined ? t.cablePresumeMs / 1000 : undefined;
      emit(
        presume === undefined
          ? progress('info', 'oneCable.moving', { minutes }, `Moving the cable: HotPair waits up to ${minutes} min for the port to go away and come back, or for your word. The device that answers must prove it is B (serial, MAC, sysname and boot time).`)
          : progress('info', 'oneCable.moving-presume', { minutes, seconds: presume }, `Moving the cable: HotPair waits up to ${minutes} min for the port to go away and come back, or for your word; with nobody to confirm, a port that stays put ${presume} s (only the far end moved) is tried anyway. The device that answers must prove it is B (serial, MAC, sysname and boot time).`),
      );
      const refusedA = await input.probe?.({ device: 'a', pair, pack, plan: planA, session: s, journal, emit, signal });
      if (refusedA) {
        result.error = toErrorInfo(refusedA);
        return endOn('declined', refusedA);
      }
      if (input.dryRun) return end('dry-run');
      if (input.confirm && !(await input.confirm('a'))) return end('declined', "A's part was not confirmed: nothing was pushed", { code: 'oneCable.outcome.a-not-confirmed' });
      await keepSavedConfig('a', s, journal, emit, (f) => bounded(SAVED_CONFIG_COPY_MS, { limit: 'saved-config', device: 'a' }, f));
      try {
        deadlines.a = await startCommitDelay(s, 'a', journal, signal, now);
        journal.append({ type: 'stage', name: partStage('a'), phase: 'begin', time: iso() });
        await pushPart(pair, 'a', s, planA, ctx('a'));
        emit({ kind: 'message', level: 'info', device: 'a', ...(await checkAlone(pair, 'a', s, journal, signal)) });
        await confirmCommit(s, 'a', journal, signal, true);
        delete deadlines.a;
      } catch (e) {
        throw new PartFailed('a', e);
      }
      if (!input.saveAFirst || (await input.saveAFirst())) await save('a', s);
      journal.append({ type: 'stage', name: partStage('a'), phase: 'done', time: iso() });
    }
    if (!planA) throw new AppError('NOT_FOUND', "the journal has no copy of A's configuration before the push", { message: { key: 'oneCable.no-copy-a' } });
    const plannedA = planA;

    say('on-b', 'Cable on device B: read it, run the pair checks with A\u2019s facts, push B\u2019s part, verify the pair from B\u2019s side, save B.', { device: 'b' }, { code: 'oneCable.step.on-b' });
    try {
      const s = await goTo('b');
      if (earlier.b.length > 0) {
        emit(progress('info', 'oneCable.left-undo', { count: earlier.b.length, device: 'B' }, `the interrupted run left ${earlier.b.length} line${earlier.b.length === 1 ? '' : 's'} on B: undoing them before starting B's part again`, 'b'));
        await undo('b');
      }
      const facts = { a: known.a as DeviceFacts, b: known.b as DeviceFacts };
      result.facts = facts;
      result.findings = preflight(pair, facts, pack);
      emit({ kind: 'preflight', findings: result.findings });
      journal.append({ type: 'preflight', rules: [...RULE_IDS], findings: result.findings, time: iso() });
      result.health.before = healthMatrix(pair, facts.a, facts.b, now());
      emit({ kind: 'health', when: 'before', checks: result.health.before });
      if (hasErrors(result.findings)) throw new AppError('VALIDATION', 'preflight found errors with both devices\u2019 facts: nothing was pushed to B', { message: { key: 'oneCable.preflight-b' } });
      const running = await readRunning(s, signal);
      const planB = planDevice(pair, pack, 'b', running);
      before.b ??= running;
      journal.append({ type: 'pre-config', device: 'b', text: running });
      journal.append({ type: 'plan', device: 'b', add: planB.plan.add.map((l) => l.text), remove: planB.plan.remove });
      emit({ kind: 'device-plan', device: 'b', plan: viewOf(planB) });
      result.plans = { a: viewOf(plannedA), b: viewOf(planB) };
      const refusedB = await input.probe?.({ device: 'b', pair, pack, plan: planB, session: s, journal, emit, signal });
      if (refusedB) throw refusedB;
      if (input.confirm && !(await input.confirm('b'))) throw new AppError('CANCELLED', "B's part was not confirmed", { message: { key: 'oneCable.b-not-confirmed' } });
      await keepSavedConfig('b', s, journal, emit, (f) => bounded(SAVED_CONFIG_COPY_MS, { limit: 'saved-config', device: 'b' }, f));
      deadlines.b = await startCommitDelay(s, 'b', journal, signal, now);
      journal.append({ type: 'stage', name: partStage('b'), phase: 'begin', time: iso() });
      await pushPart(pair, 'b', s, planB, ctx('b'), async (stage) => {
        if (stage === 'sync' && syncSource(pair) === 'a') await bounded(t.syncMs, { limit: 'sync', device: 'b' }, (x) => waitSynced('b', s, plannedA, pack, emit, x, t.pollMs));
      });
      await verifyPair({ pair, sessions: { b: s }, from: 'b', primary: syncSource(pair), signal, timeoutMs: t.verifyMs ?? verifyTimeoutFor(pair), pollMs: t.pollMs, emit, journal });
      await confirmCommit(s, 'b', journal, signal, true);
      delete deadlines.b;
      await save('b', s);
      journal.append({ type: 'stage', name: partStage('b'), phase: 'done', time: iso() });
    } catch (e) {
      throw new PartFailed('b', e);
    }
    result.saved = saved.a;
    if (!saved.a || (input.finalLook && (await input.finalLook()))) {
      say('back-on-a', `Back to device A: the pair verified from A's side${saved.a ? '' : ", then A's save"}.`, { device: 'a' }, { code: saved.a ? 'oneCable.step.back-on-a' : 'oneCable.step.back-on-a-save' });
      const s = await goTo('a');
      await verifyPair({ pair, sessions: { a: s }, from: 'a', primary: syncSource(pair), signal, timeoutMs: t.verifyMs ?? verifyTimeoutFor(pair), pollMs: t.pollMs, emit, journal });
      if (!saved.a) await save('a', s);
    }
    result.saved = true;
    try {
      const b = on === 'b' && session ? await discover(session, { signal, pack }) : known.b;
      // Read from B's side, A's hot backup state is the peer block B shows (its other facts as read on A).
      const peer = b?.rbm?.peer;
      const a = on === 'a' && session ? await discover(session, { signal, pack }) : known.a && peer ? { ...known.a, rbm: { configured: true, ...peer } } : known.a;
      if (a && b) {
        result.health.after = healthMatrix(pair, a, b, now());
        emit({ kind: 'health', when: 'after', checks: result.health.after });
      }
    } catch (e) {
      emit(progress('warn', 'oneCable.health-after-unread', { error: errorParam(e) }, `could not read the device for the health matrix after the push: ${errorEnglish(e)}`));
    }
    const cableOn = (on ?? 'b').toUpperCase();
    return end('success', `Verified and saved on both devices; the cable is on device ${cableOn}.`, { code: 'oneCable.outcome.verified', params: { device: cableOn } });
  } catch (e) {
    const cause = e instanceof PartFailed ? e.cause : e;
    result.error = toErrorInfo(signal.aborted && !isAppError(cause) ? abortError(signal) : cause);
    if (isAppError(cause) && cause.code === 'VERIFY_FAILED') result.verifyFailures = (cause.details?.failures ?? []) as OneCableResult['verifyFailures'];
    emit(progress('error', 'oneCable.failed', { error: errorParam(result.error) }, `failed: ${result.error.message}`));
    if (signal.aborted || !(e instanceof PartFailed)) {
      // Interrupted (or lost before any part): the journal is where a resume takes it up.
      result.applied = { a: work.a.applied.length, b: work.b.applied.length };
      return result;
    }
    return await failedOn(e.device);
  } finally {
    await drop();
  }

  /** A part failed: that device is rolled back at once; B failing leaves A's part, undone once the cable is back on A. */
  async function failedOn(k: DeviceKey): Promise<OneCableResult> {
    const message = result.error?.message ?? 'failed';
    const r = undoOf(k).length > 0 || k === 'a' ? await undo(k) : undefined;
    if (k === 'b') {
      const diffs = r?.differences.slice(0, 5) ?? [];
      const [text, code] = !r ? ['Nothing was pushed to device B.', 'undo-b-none'] : diffs.length === 0 ? ['Device B was rolled back to its configuration before the push.', 'undo-b'] : [`Device B's rollback is incomplete: ${diffs.join('; ')}`, 'undo-b-incomplete'];
      say('undo-b', text, { device: 'b' }, { code: `oneCable.step.${code}`, params: { lines: differencesParam(diffs) } });
    }
    if (k === 'a' || undoOf('a').length === 0) return endOn(r && r.differences.length > 0 ? 'rollback-incomplete' : 'rolled-back', result.error ?? 'failed', message);
    return await offerUndoA(message, r === undefined || r.differences.length === 0);
  }

  async function offerUndoA(message: string, bClean: boolean): Promise<OneCableResult> {
    const error = result.error ?? 'failed';
    const lines = undoOf('a').length;
    result.leftOnA = { lines, saved: saved.a };
    say(
      'left-on-a',
      `Device A keeps its part: ${lines} line${lines === 1 ? '' : 's'}${saved.a ? ', saved' : ' (not saved)'}, channel waiting for B. To undo it, move the cable back to A: HotPair types A's undo from the journal (now, or later with hotpair recover <journal>).`,
      { device: 'a' },
      { code: saved.a ? 'oneCable.step.left-on-a-saved' : 'oneCable.step.left-on-a', params: { count: lines } },
    );
    if (input.undoA && !(await input.undoA())) {
      const kept = `${message}; device A keeps its part (${lines} line${lines === 1 ? '' : 's'}): hotpair recover <journal> undoes it with the cable on A`;
      return end('rollback-incomplete', kept, { code: 'oneCable.outcome.kept-a', params: { outcome: outcomeParam('rollback-incomplete'), error: errorParam(error), count: lines } }, `rollback-incomplete: ${kept}`);
    }
    const r = await undo('a').catch((e: unknown) => {
      emit(progress('error', 'oneCable.undo-a-failed', { error: errorParam(e) }, `A's undo failed: ${errorEnglish(e)}`, 'a'));
      return undefined;
    });
    const clean = r !== undefined && r.differences.length === 0;
    if (clean) result.leftOnA = undefined;
    say('undo-a', clean ? "Device A's part was undone from the journal: A is back to its configuration before the push." : "Device A's undo is incomplete: see the rollback report.", { device: 'a' }, { code: clean ? 'oneCable.step.undo-a' : 'oneCable.step.undo-a-incomplete' });
    return endOn(clean && bClean ? 'rolled-back' : 'rollback-incomplete', error, message);
  }

  /** A run that ended with lines left on the devices (B failed, A's undo declined): undo them now. */
  async function undoLeft(): Promise<OneCableResult> {
    const left = (['b', 'a'] as const).filter((k) => earlier[k].length > 0);
    if (left.length === 0) {
      result.outcome = 'nothing-to-do';
      say('done', 'Nothing is left to undo.', {}, { code: 'oneCable.step.nothing-left' });
      return result;
    }
    const rs = [];
    for (const k of left) rs.push(await undo(k));
    const clean = rs.every((r) => r.differences.length === 0);
    say('undo-a', clean ? 'What the run left is undone: the devices are back to their configuration before the push.' : 'The undo is incomplete: see the rollback report.', {}, { code: clean ? 'oneCable.step.left-undone' : 'oneCable.step.left-undo-incomplete' });
    return clean ? end('recovered', 'finished by hotpair recover over one cable', { code: 'oneCable.outcome.recovered-one-cable' }) : end('rollback-incomplete', 'undo incomplete', { code: 'oneCable.outcome.undo-incomplete' });
  }
}

export type { JournalSink };
