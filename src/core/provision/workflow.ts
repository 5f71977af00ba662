/**
 * The commissioning workflow: connect → discover → preflight (+ health matrix) → plan → push in
 * explained stages under a commit delay → verify → confirm → save, and on any failure after the
 * first line: stop both devices, roll back, compare with the pre-push copies. Pure: sessions come
 * from the caller's factory, the journal and events go to the caller's sinks.
 */
import { abortError, sleep, withinLimit, withTimeout } from '../base/abort';
import type { Limit } from '../base/limit';
import { isAppError, toErrorInfo, type AppError } from '../base/errors';
import { discover } from '../discover/discover';
import type { DeviceFacts } from '../model/facts';
import type { DeviceKey, Pair } from '../model/pair';
import { parseCurrentConfig } from '../parse/current-config';
import type { PlatformPack } from '../platforms/pack';
import { planChanges } from '../render/diff';
import { syncSource } from '../render/sections';
import { hasErrors, RULE_IDS } from '../validate/index';
import { healthMatrix } from './health';
import { addSteps, isEmptyPlan, planDevice, stageSteps, syncLines, type DevicePlan, type Step } from './plan';
import type { ProbeStageContext } from '../probe/pair';
import { preflight } from './preflight';
import { confirmCommit, deviceFailed, pushSteps, readRunning, startCommitDelay, type PushContext, type StopReason } from './push';
import { rollbackDevices, rollbackComplete, undoLists } from './rollback';
import { copyMessage, describeCopy, fetchSavedConfig, SAVED_CONFIG_COPY_MS } from './saved-config';
import { STAGE_TEXT } from './stages';
import { DEFAULT_TIMEOUTS, type EventSink, type JournalSink, type Session, type SessionFactory, type StageName, type WorkflowResult, type WorkflowTimeouts } from './types';
import { readSeen, verifyPair, verifyTimeoutFor } from './verify';
import { errorEnglish, errorParam, progress } from './progress-message';

const KEYS: readonly DeviceKey[] = ['a', 'b'];
const iso = () => new Date().toISOString();

export interface RunPairInput {
  pair: Pair;
  pack: PlatformPack;
  open: SessionFactory;
  journal?: JournalSink;
  emit?: EventSink;
  signal?: AbortSignal;
  dryRun?: boolean;
  noRollback?: boolean;
  /** Asked after the plan is shown; false ends the run without touching a device. */
  confirm?: () => Promise<boolean>;
  /** Between plan and push: the devices confirm every planned line (core/probe/pair.ts); an error returned stops the run here. */
  probe?: (c: ProbeStageContext) => Promise<AppError | undefined>;
  timeouts?: Partial<WorkflowTimeouts>;
  now?: () => Date;
  meta: { runId: string; targets: Record<DeviceKey, string>; tool: string; pairFile?: string };
}

/** Runs `f` on both devices at once; the first failure stops the other between two lines. */
async function onBoth(f: (k: DeviceKey) => Promise<void>, stop: (why: StopReason) => void): Promise<void> {
  const rs = await Promise.allSettled(
    KEYS.map(async (k) => {
      try {
        await f(k);
      } catch (e) {
        stop(deviceFailed(k, e));
        throw e;
      }
    }),
  );
  const errors = rs.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  // Report the cause, not the device that was merely stopped because of it.
  const cause = errors.find((e) => !(isAppError(e) && e.details?.stopped === true)) ?? errors[0];
  if (cause !== undefined) throw cause;
}

export async function runPair(input: RunPairInput): Promise<WorkflowResult> {
  const { pair, pack } = input;
  const t: WorkflowTimeouts = { ...DEFAULT_TIMEOUTS, ...input.timeouts };
  const emit: EventSink = input.emit ?? (() => undefined);
  const journal: JournalSink = input.journal ?? { append: () => undefined };
  const signal = input.signal ?? new AbortController().signal;
  const now = input.now ?? (() => new Date());
  const sessions: Partial<Record<DeviceKey, Session>> = {};
  // Every session of the run, rollback's re-opened ones too: each transcript is named in the journal.
  const everyOpened: [DeviceKey, Session][] = [];
  const open: SessionFactory = async (k, s) => {
    const session = await input.open(k, s);
    everyOpened.push([k, session]);
    return session;
  };
  const result: WorkflowResult = { outcome: 'failed', findings: [], health: {}, applied: { a: 0, b: 0 } };
  const stage = async <T>(name: StageName, f: () => Promise<T>): Promise<T> => {
    emit({ kind: 'stage', stage: name, phase: 'begin', ...STAGE_TEXT[name] });
    const r = await f();
    emit({ kind: 'stage', stage: name, phase: 'end', title: STAGE_TEXT[name].title });
    return r;
  };
  const bounded = <T>(ms: number, limit: Limit, f: (s: AbortSignal) => Promise<T>): Promise<T> => withinLimit(signal, ms, limit, f);
  const discoverBoth = async (): Promise<Record<DeviceKey, DeviceFacts>> => {
    const [a, b] = await Promise.all(KEYS.map((k) => bounded(t.discoverMs, { limit: 'discover', device: k }, (s) => discover(sessions[k] as Session, { signal: s, pack }))));
    return { a: a as DeviceFacts, b: b as DeviceFacts };
  };

  let plans: Record<DeviceKey, DevicePlan> | undefined;
  let pushing = false;
  let journalled = false;
  const work = { a: { applied: [] as Step[], uncertain: [] as Step[] }, b: { applied: [] as Step[], uncertain: [] as Step[] } };
  const deadlines: Partial<Record<DeviceKey, string>> = {};
  try {
    await stage('connect', async () => {
      const rs = await Promise.allSettled(KEYS.map((k) => bounded(t.connectMs, { limit: 'connect', device: k }, (s) => open(k, s))));
      rs.forEach((r, i) => r.status === 'fulfilled' && (sessions[KEYS[i] as DeviceKey] = r.value));
      const bad = rs.findIndex((r) => r.status === 'rejected');
      if (bad >= 0) throw (rs[bad] as PromiseRejectedResult).reason;
    });
    const facts = await stage('discover', discoverBoth);
    result.facts = facts;
    await stage('preflight', async () => {
      result.findings = preflight(pair, facts, pack);
      emit({ kind: 'preflight', findings: result.findings });
      result.health.before = healthMatrix(pair, facts.a, facts.b, now());
      emit({ kind: 'health', when: 'before', checks: result.health.before });
    });
    if (hasErrors(result.findings)) {
      result.outcome = 'preflight-failed';
      return result;
    }
    plans = await stage('plan', async () => {
      const texts = await Promise.all(KEYS.map((k) => readRunning(sessions[k] as Session, signal)));
      return { a: planDevice(pair, pack, 'a', texts[0] as string), b: planDevice(pair, pack, 'b', texts[1] as string) };
    });
    const p = plans;
    const nothingToDo = KEYS.every((k) => isEmptyPlan(p[k]));
    result.plans = { a: view(p.a), b: view(p.b) };
    emit({ kind: 'plan', plans: result.plans, nothingToDo });

    journalled = true;
    journal.append({ type: 'run-start', runId: input.meta.runId, pair: pair.name, time: iso(), targets: input.meta.targets, tool: input.meta.tool, pack: { id: pack.id, version: pack.version }, ...(input.meta.pairFile ? { pairFile: input.meta.pairFile } : {}) });
    for (const k of KEYS) journal.append({ type: 'facts', device: k, facts: facts[k], time: iso() });
    journal.append({ type: 'preflight', rules: [...RULE_IDS], findings: result.findings, time: iso() });
    if (result.health.before) journal.append({ type: 'health', when: 'before', checks: result.health.before, time: iso() });
    for (const k of KEYS) journal.append({ type: 'pre-config', device: k, text: p[k].running });
    for (const k of KEYS) journal.append({ type: 'plan', device: k, add: p[k].plan.add.map((l) => l.text), remove: p[k].plan.remove });
    const end = (outcome: WorkflowResult['outcome'] & string, message?: string) => {
      if (outcome !== 'failed' && outcome !== 'preflight-failed') journal.append({ type: 'run-end', outcome, time: iso(), ...(message ? { message } : {}) });
      result.outcome = outcome;
      return result;
    };
    if (nothingToDo) return end('nothing-to-do');
    const refused = await input.probe?.({ pair, pack, plans: p, sessions: sessions as Record<DeviceKey, Session>, journal, emit, signal });
    if (refused) {
      result.error = toErrorInfo(refused);
      return end('declined', refused.message);
    }
    if (input.dryRun) return end('dry-run');
    if (input.confirm) {
      // A question interrupted (Ctrl-C) is a "no": the journal still gets its run-end.
      const yes = await input.confirm().catch((e: unknown) => {
        end('declined', e instanceof Error ? e.message : String(e));
        throw e;
      });
      if (!yes) return end('declined');
    }

    // Before the first line: what the devices would boot from, for a full restore by hand.
    await Promise.all(KEYS.map((k) => keepSavedConfig(k, sessions[k] as Session, journal, emit, (s) => bounded(SAVED_CONFIG_COPY_MS, { limit: 'saved-config', device: k }, s))));

    pushing = true;
    let stopReason: StopReason | undefined;
    const stop = (why: StopReason) => void (stopReason ??= why);
    const ctx = (k: DeviceKey): PushContext => ({ journal, emit, signal, stopped: () => stopReason, applied: work[k].applied, uncertain: work[k].uncertain });
    const sess = (k: DeviceKey) => sessions[k] as Session;
    const pushStage = (name: 'prepare' | 'local') =>
      stage(name, async () => {
        journal.append({ type: 'stage', name, phase: 'begin', time: iso() });
        await onBoth((k) => pushSteps(sess(k), stageSteps(p[k], name), name, ctx(k)), stop);
        journal.append({ type: 'stage', name, phase: 'done', time: iso() });
      });

    if (pack.commitDelay) await onBoth(async (k) => void (deadlines[k] = await startCommitDelay(sess(k), k, journal, signal, now)), stop);
    await pushStage('prepare');
    // The primary's channel first: it waits alone (Active once the keepalive budget passes) and the
    // secondary joins it as Standby. Typed on both at once, a secondary whose channel came up first
    // could take over alone and keep Active when the primary came up second: verification failed.
    await stage('channel', async () => {
      journal.append({ type: 'stage', name: 'channel', phase: 'begin', time: iso() });
      const first = syncSource(pair);
      for (const k of [first, first === 'a' ? 'b' : 'a'] as const) await pushSteps(sess(k), stageSteps(p[k], 'channel'), 'channel', ctx(k));
      journal.append({ type: 'stage', name: 'channel', phase: 'done', time: iso() });
    });
    const planned = syncSource(pair);
    let primary = planned;
    await stage('sync', async () => {
      const planLines = stageSteps(p[planned], 'sync');
      if (planLines.length === 0) return;
      // Automatic roles: the election decides the primary, and the primary's configuration wins.
      if (pair.roles === 'auto') primary = await bounded(t.syncMs, { limit: 'role-election' }, (s) => electedPrimary(sessions as Record<DeviceKey, Session>, s, t.pollMs));
      const secondary: DeviceKey = primary === 'a' ? 'b' : 'a';
      // Mirrored lines are the same on both devices (rule mirroring.same-ips): re-derived against the elected primary's configuration.
      const lines = primary === planned ? planLines : addSteps(primary, syncLines(p[planned]), parseCurrentConfig(p[primary].running), pack);
      journal.append({ type: 'stage', name: 'sync', phase: 'begin', time: iso() });
      await pushSteps(sess(primary), lines, 'sync', ctx(primary));
      await sess(primary).returnToUser({ signal });
      await bounded(t.syncMs, { limit: 'sync', device: secondary }, async (s) => {
        const want = { lines: syncLines(p[planned]) };
        for (;;) {
          const missing = planChanges(want, parseCurrentConfig(await readRunning(sess(secondary), s)), pack).add.filter((l) => l.kind === 'command');
          if (missing.length === 0) return;
          emit(progress('info', 'progress.sync-wait', { count: missing.length, line: missing[0]?.text ?? '' }, `waiting for ${missing.length} synchronised line${missing.length === 1 ? '' : 's'}, e.g. "${missing[0]?.text}"`, secondary));
          await sleep(t.pollMs, s);
        }
      });
      journal.append({ type: 'stage', name: 'sync', phase: 'done', time: iso() });
    });
    await pushStage('local');
    await Promise.all(KEYS.map((k) => sess(k).returnToUser({ signal })));
    await stage('verify', () =>
      verifyPair({ pair, sessions: { a: sess('a'), b: sess('b') }, primary, signal, timeoutMs: t.verifyMs ?? verifyTimeoutFor(pair), pollMs: t.pollMs, emit, journal }),
    );
    if (pack.commitDelay) await stage('commit', () => onBoth((k) => confirmCommit(sess(k), k, journal, signal, true), stop));
    pushing = false;
    await stage('save', () =>
      onBoth(async (k) => {
        try {
          await sess(k).save({ signal });
          journal.append({ type: 'save', device: k, ok: true, time: iso() });
        } catch (e) {
          journal.append({ type: 'save', device: k, ok: false, time: iso(), error: e instanceof Error ? e.message : String(e) });
          throw e;
        }
      }, stop),
    );
    result.saved = true;
    result.applied = { a: work.a.applied.length, b: work.b.applied.length };
    // Verified and saved: a failure to read the devices once more must not turn that into a failure.
    try {
      const after = await discoverBoth();
      result.health.after = healthMatrix(pair, after.a, after.b, now());
      emit({ kind: 'health', when: 'after', checks: result.health.after });
      journal.append({ type: 'health', when: 'after', checks: result.health.after, time: iso() });
    } catch (e) {
      emit(progress('warn', 'progress.health-after-unread', { error: errorParam(e) }, `could not read the devices for the health matrix after the push: ${errorEnglish(e)}`));
    }
    return end('success');
  } catch (e) {
    result.error = toErrorInfo(signal.aborted && !isAppError(e) ? abortError(signal) : e);
    result.applied = { a: work.a.applied.length, b: work.b.applied.length };
    if (isAppError(e) && e.code === 'VERIFY_FAILED') result.verifyFailures = (e.details?.failures ?? []) as WorkflowResult['verifyFailures'];
    if (!pushing || !plans) return result;
    emit(progress('error', 'progress.push-failed', { error: errorParam(result.error) }, `push failed: ${result.error.message}`));
    const p = plans;
    if (input.noRollback) {
      // Keeping what was applied means ending the commit-delay window too, or the device would revert by itself.
      await Promise.all(KEYS.map((k) => (sessions[k] && !sessions[k].closed ? withinLimit(undefined, 30_000, { limit: 'commit' }, (sig) => confirmCommit(sessions[k]!, k, journal, sig, false)).catch(() => undefined) : undefined)));
      emit(progress('warn', 'progress.kept', { a: result.applied.a, b: result.applied.b }, `rollback turned off: kept ${result.applied.a} line${result.applied.a === 1 ? '' : 's'} on A and ${result.applied.b} on B as applied`));
      journal.append({ type: 'run-end', outcome: 'failed-kept', time: iso(), message: result.error.message });
      result.outcome = 'failed-kept';
      return result;
    }
    emit({ kind: 'stage', stage: 'rollback', phase: 'begin', ...STAGE_TEXT.rollback });
    const opened: Partial<Record<DeviceKey, Session>> = {};
    const inputs = Object.fromEntries(
      KEYS.map((k) => [k, { device: k, undo: undoLists([...work[k].applied, ...work[k].uncertain]), before: p[k].running, ...(sessions[k] ? { session: sessions[k] } : {}), ...(deadlines[k] ? { revertsAt: deadlines[k] } : {}) }]),
    ) as Record<DeviceKey, Parameters<typeof rollbackDevices>[0]['a']>;
    result.rollback = await rollbackDevices(inputs, { open, journal, emit, timeoutMs: t.rollbackMs, opened });
    for (const k of KEYS) if (opened[k]) sessions[k] = opened[k];
    emit({ kind: 'stage', stage: 'rollback', phase: 'end', title: STAGE_TEXT.rollback.title });
    const complete = rollbackComplete(result.rollback);
    result.outcome = complete ? 'rolled-back' : 'rollback-incomplete';
    journal.append({ type: 'run-end', outcome: result.outcome, time: iso(), message: result.error.message });
    await standing(result, pair, sessions, pack, now, emit);
    if (result.health.now) journal.append({ type: 'health', when: 'now', checks: result.health.now, time: iso() });
    return result;
  } finally {
    await Promise.all(KEYS.map((k) => sessions[k]?.close().catch(() => undefined)));
    await Promise.all(everyOpened.map(([, x]) => x.close().catch(() => undefined)));
    // A run that stopped before its run-start has no journal to name them in.
    if (journalled) for (const [k, x] of everyOpened) if (x.transcriptLocation && x.transcriptLocation !== 'memory') journal.transcript?.(k, x.transcriptLocation);
  }
}

/** Copies one device's saved configuration into the journal's folder and says how it was taken. */
export async function keepSavedConfig(k: DeviceKey, session: Session, journal: JournalSink, emit: EventSink, run: <T>(f: (s: AbortSignal) => Promise<T>) => Promise<T>): Promise<void> {
  const copy = await run((s) => fetchSavedConfig(session, s));
  const kept = journal.keep?.(`saved-${k}.${copy.method === 'sftp' ? 'cfg' : 'txt'}`, copy.bytes);
  journal.append({
    type: 'saved-config',
    device: k,
    method: copy.method,
    bytes: copy.bytes.length,
    time: iso(),
    ...(copy.path !== undefined ? { path: copy.path } : {}),
    ...(kept ?? {}),
    ...(copy.reason !== undefined ? { reason: copy.reason } : {}),
  });
  emit({ kind: 'message', level: copy.method === 'sftp' ? 'info' : 'warn', device: k, text: describeCopy(k.toUpperCase(), copy), ...copyMessage(k.toUpperCase(), copy) });
}

/**
 * The device the election made primary (automatic roles): both devices must agree (one primary,
 * one secondary, channel up) on two readings in a row, so a role that is still settling is not used.
 */
async function electedPrimary(sessions: Record<DeviceKey, Session>, signal: AbortSignal, pollMs: number): Promise<DeviceKey> {
  let last: DeviceKey | undefined;
  for (;;) {
    const seen = await Promise.all(KEYS.map((k) => readSeen(sessions[k], false, signal)));
    const up = seen.every((x) => x.rbm?.controlChannel === 'Connected');
    const roles = seen.map((x) => x.rbm?.role);
    const k = roles[0] === 'primary' && roles[1] === 'secondary' ? 'a' : roles[0] === 'secondary' && roles[1] === 'primary' ? 'b' : undefined;
    if (up && k !== undefined && k === last) return k;
    last = up ? k : undefined;
    await sleep(pollMs, signal);
  }
}

/** After a rollback: where each reachable device stands now (the health matrix again). */
async function standing(result: WorkflowResult, pair: Pair, sessions: Partial<Record<DeviceKey, Session>>, pack: PlatformPack, now: () => Date, emit: EventSink): Promise<void> {
  const op = withTimeout(undefined, 60_000, { limit: 'standing' });
  try {
    const read = async (k: DeviceKey) => (sessions[k] && !sessions[k].closed ? discover(sessions[k], { signal: op.signal, pack }) : undefined);
    const [a, b] = await Promise.all(KEYS.map((k) => read(k).catch(() => undefined)));
    if (!a || !b) return;
    result.health.now = healthMatrix(pair, a, b, now());
    emit({ kind: 'health', when: 'now', checks: result.health.now });
  } finally {
    op.dispose();
  }
}

function view(p: DevicePlan) {
  return { add: p.plan.add.map((l) => l.text), remove: [...p.plan.remove], unchanged: p.plan.unchanged };
}

