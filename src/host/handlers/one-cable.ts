/**
 * oneCable.* : the one-cable commissioning run (core/provision/one-cable) driven from the app. The
 * host holds the console port and the login for the whole run (each device is logged in to again
 * after each move), watches the port for the cable's move, and asks the page only what the
 * engineer must answer: the cable is on B (when the port never went away), and whether to undo A.
 * Steps, messages and push progress go out as batched oneCable.progress events.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { relative, resolve, isAbsolute } from 'node:path';
import { abortError } from '../../core/base/abort';
import { AppError } from '../../core/base/errors';
import type { MessageParams } from '../../core/base/message';
import { formatConnectTarget } from '../../core/model/connect';
import type { DeviceKey } from '../../core/model/pair';
import { probePart } from '../../core/provision/one-cable/probe';
import { portIdentity, waitForCableMove } from '../../core/provision/one-cable/node/replug';
import type { OneCableEvent, OneCableTimeouts } from '../../core/provision/one-cable/types';
import { runOneCable } from '../../core/provision/one-cable/workflow';
import { errorEnglish, errorParam } from '../../core/provision/progress-message';
import { JournalFile, journalDir, newJournalPath } from '../../core/provision/node/journal-file';
import type { HostEvent, OneCableAnswer, OneCableOutput, OneCableProgress } from '../../contract/index';
import type { DeviceDeps } from '../device-deps';
import { reopenDevice, resolveDevice } from '../devices/connect';
import { requireValidPair } from '../pair-text';
import type { Handlers } from '../types';
import { progressStep } from '../progress-step';

/** At most this often a batch of messages and line counters; steps and questions go at once. */
const PROGRESS_BATCH_MS = 100;

export interface OneCableHandlerOptions {
  /** Tests: shorter verification and cable waits. */
  timeouts?: Partial<OneCableTimeouts>;
}

type Batch = Omit<OneCableProgress, 'opId'>;

/** Collects a run's events into oneCable.progress batches. */
function reporter(opId: string, emit: (e: HostEvent) => void) {
  let b: Batch = { steps: [], messages: [] };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (b.steps.length === 0 && b.messages.length === 0 && !b.line && b.portGone === undefined && !b.question && !b.settled) return;
    emit({ event: 'oneCable.progress', payload: { opId, ...b } });
    b = { steps: [], messages: [] };
  };
  const later = () => void (timer ??= setTimeout(flush, PROGRESS_BATCH_MS));
  const say = (level: 'info' | 'warn' | 'error', text: string, device?: DeviceKey, m?: { code?: string; params?: MessageParams }) =>
    b.messages.push({ level, text, ...(device ? { device } : {}), ...(m?.code ? { code: m.code, params: m.params ?? {} } : {}) });
  return {
    flush,
    ask(question: Batch['question']) {
      b.question = question;
      flush();
    },
    settle() {
      b.settled = true;
      flush();
    },
    portGone() {
      b.portGone = true;
      flush();
    },
    onEvent(e: OneCableEvent) {
      switch (e.kind) {
        case 'step':
          b.steps.push({ step: e.step, text: e.text, ...(e.to ? { to: e.to } : {}), ...(e.device ? { device: e.device } : {}), ...(e.code ? { code: e.code, params: e.params ?? {} } : {}) });
          return flush();
        case 'message':
          say(e.level, e.text, e.device, e);
          break;
        case 'line':
          b.line = { device: e.device, done: e.index + 1, total: e.total, line: e.line };
          break;
        case 'stage':
          if (e.phase === 'begin') say('info', e.title, undefined, { code: `stage.${e.stage}.title`, params: {} });
          break;
        case 'device-plan':
          say('info', `Plan for device ${e.device.toUpperCase()}: ${e.plan.add.length} line${e.plan.add.length === 1 ? '' : 's'} to add, ${e.plan.remove.length} to remove, ${e.plan.unchanged} already in place`, e.device, {
            code: 'oneCable.plan',
            params: { device: e.device.toUpperCase(), add: e.plan.add.length, remove: e.plan.remove.length, unchanged: e.plan.unchanged },
          });
          break;
        case 'verify':
          if (e.failures.length > 0) say('info', `verification #${e.attempt}: waiting for ${e.failures.length} expectation${e.failures.length === 1 ? '' : 's'}`, undefined, { code: 'oneCable.verify-waiting', params: { attempt: e.attempt, count: e.failures.length } });
          break;
        default:
          return;
      }
      later();
    },
  };
}

/** An unexpected failure of the run as the page reads it: the console, and the error as it was said (its own message when it has one). */
export function runFailed(target: string, e: unknown): AppError {
  return new AppError('INTERNAL', `One-cable run on ${target}: ${errorEnglish(e)}`, { message: { key: 'host.one-cable-failed', params: { target, error: errorParam(e) } } });
}

/** A journal the page names must be one of ours: inside the data dir's journal folder. */
function ownJournal(base: string, path: string): string {
  const dir = journalDir(base);
  const p = resolve(path);
  const rel = relative(dir, p);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new AppError('VALIDATION', `${path} is not a journal of this app.`, { fix: `Pick a run from ${dir}.`, message: { key: 'host.not-journal', params: { path, dir } } });
  return p;
}

export function oneCableHandlers(device: DeviceDeps, emit: (e: HostEvent) => void, o: OneCableHandlerOptions = {}): Handlers {
  /** The running flows' pending questions, by opId: the page's answer resolves them. */
  const waiting = new Map<string, { want: OneCableAnswer[]; answer(a: OneCableAnswer): void }>();

  const askPage = (opId: string, want: OneCableAnswer[], signal: AbortSignal) =>
    new Promise<OneCableAnswer>((res, rej) => {
      const done = () => {
        waiting.delete(opId);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => (done(), rej(abortError(signal)));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      waiting.set(opId, { want, answer: (a) => (done(), res(a)) });
    });

  return {
    'oneCable.answer': ({ opId, answer }) => {
      const w = waiting.get(opId);
      if (!w || !w.want.includes(answer)) return { accepted: false };
      w.answer(answer);
      return { accepted: true };
    },

    'oneCable.run': async (input, ctx) => {
      const opId = input.opId;
      const { pair, pack } = requireValidPair(input.text, 'untouched', 'beside');
      const resumePath = input.resume !== undefined ? ownJournal(device.journalBase, input.resume) : undefined;
      let resumeText: string | undefined;
      if (resumePath) {
        try {
          resumeText = readFileSync(resumePath, 'utf8');
        } catch (e) {
          const reason = (e as NodeJS.ErrnoException).code ?? String(e);
          throw new AppError('NOT_FOUND', `Cannot read the journal ${resumePath}: ${reason}.`, { message: { key: 'host.journal-unreadable', params: { path: resumePath, reason } } });
        }
      }
      const { target, credentials } = await resolveDevice({ url: input.url, ...(input.username ? { username: input.username } : {}), ...(input.password ? { password: input.password } : {}) }, device);
      const path = target.kind === 'serial' ? target.path : undefined;
      const journalPath = resumePath ?? newJournalPath(device.journalBase, pair.name);
      const journal = new JournalFile(journalPath);
      const r = reporter(opId, emit);
      let since: string | undefined;
      let logins = 0;
      try {
        const result = await runOneCable({
          pair,
          pack,
          journal,
          signal: ctx.signal,
          emit: (e) => r.onEvent(e),
          async open(signal) {
            const s = await reopenDevice(target, credentials, device, { signal, label: `one-cable-${++logins}`, onStatus: progressStep(ctx) });
            if (path) since = await portIdentity(path);
            return s.session;
          },
          async waitForCable(to, signal) {
            r.ask('cable');
            try {
              // The page's "the cable is on B" is the engineer's word; a port that goes and comes back needs none.
              if (!path) return (await askPage(opId, ['cable-moved'], signal), 'confirmed');
              return await waitForCableMove(path, since, { signal, confirm: (s) => askPage(opId, ['cable-moved'], s).then(() => undefined), onGone: () => r.portGone() });
            } finally {
              waiting.delete(opId);
              r.settle();
            }
          },
          async undoA() {
            r.ask('undo-a');
            try {
              return (await askPage(opId, ['undo-a', 'keep-a'], ctx.signal)) === 'undo-a';
            } finally {
              r.settle();
            }
          },
          probe: probePart({}),
          ...(resumeText !== undefined ? { resume: resumeText } : {}),
          ...(o.timeouts ? { timeouts: o.timeouts } : {}),
          meta: { runId: randomUUID(), target: input.url, tool: 'hotpair app' },
        });
        const out: OneCableOutput = {
          outcome: result.outcome,
          saved: result.saved === true,
          journal: journalPath,
          applied: result.applied,
          ...(result.leftOnA ? { leftOnA: result.leftOnA } : {}),
          ...(result.health.after ? { healthAfter: result.health.after } : {}),
          ...(result.error ? { error: result.error } : {}),
        };
        if (result.outcome === 'failed' && ctx.signal.aborted) throw abortError(ctx.signal);
        return out;
      } catch (e) {
        throw e instanceof AppError ? e : runFailed(formatConnectTarget(target), e);
      } finally {
        r.flush();
        waiting.delete(opId);
        journal.close();
      }
    },
  };
}
