import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/base/errors';
import { dataDir as defaultDataDir } from '../../core/base/node/paths';
import { loadPairText } from '../../core/model/load';
import type { Pair } from '../../core/model/pair';
import { comware7 } from '../../core/platforms/comware7';
import { JournalFile, newJournalPath } from '../../core/provision/node/journal-file';
import { preflight } from '../../core/provision/preflight';
import type { DevicePlanView, WorkflowResult } from '../../core/provision/types';
import { runPair, type RunPairInput } from '../../core/provision/workflow';
import { validatePair } from '../../core/validate/index';
import type { ApplyOutput, HostEvent, PlanOutput } from '../../contract/index';
import type { DeviceManager } from '../devices/manager';
import { stagedLines } from '../devices/plan-lines';
import { PushReporter } from '../devices/push-reporter';
import { checkPairText } from '../pair-text';
import type { HandlerContext, Handlers } from '../types';

const KEYS = ['a', 'b'] as const;
const pack = comware7;

/** A pair file the workflow may run: loaded, every rule passed, a platform this build has. */
function validPair(text: string): Pair {
  const { pair, diagnostics } = checkPairText(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!pair || errors.length > 0)
    throw new AppError('VALIDATION', `The pair file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was read from or pushed to the devices.`, {
      fix: 'Fix the findings shown beside the fields (step 3).',
      details: { diagnostics: errors },
    });
  if (pair.platform !== 'comware7') throw new AppError('UNSUPPORTED', `No platform pack "${pair.platform}" in this build.`, { fix: 'Use platform: comware7.' });
  return pair;
}

export interface PairHandlerOptions {
  /** Journals go to <journalBase>/journal (as for `hotpair pair`); absent = the user's data dir. */
  journalBase?: string;
  /** Tests: shorter verification. */
  timeouts?: RunPairInput['timeouts'];
}

/** pair.* : core's commissioning workflow over the devices the wizard connected. */
export function pairHandlers(devices: DeviceManager, emit: (e: HostEvent) => void, o: PairHandlerOptions = {}): Handlers {
  const run = (pair: Pair, ctx: HandlerContext, extra: Partial<RunPairInput>, reporter?: PushReporter) => {
    for (const k of KEYS) if (!devices.connected(k)) throw new AppError('DISCONNECTED', `Device ${k.toUpperCase()} is not connected.`, { fix: `Connect device ${k.toUpperCase()} in step 1.` });
    return devices.exclusive(KEYS, extra.dryRun ? 'planning' : 'pushing', () =>
      runPair({
        pair,
        pack,
        open: (k, s) => devices.sessionFor(k, s),
        signal: ctx.signal,
        emit: (e) => (reporter ? reporter.onEvent(e) : e.kind === 'stage' && e.phase === 'begin' && ctx.progress({ step: e.title })),
        ...(o.timeouts ? { timeouts: o.timeouts } : {}),
        meta: { runId: randomUUID(), targets: { a: pair.devices.a.connect, b: pair.devices.b.connect }, tool: 'hotpair app' },
        ...extra,
      }),
    );
  };

  return {
    'pair.check': ({ text }) => {
      const base = checkPairText(text);
      const facts = { a: devices.facts('a'), b: devices.facts('b') };
      if (!base.pair || (!facts.a && !facts.b)) return { diagnostics: base.diagnostics, valid: !base.diagnostics.some((d) => d.severity === 'error'), checked: base.checked };
      const loaded = loadPairText(text);
      const warnings = loaded.ok ? (loaded.diagnostics ?? []) : [];
      // Both read: preflight (the rules with facts + what only facts show); one read: the rules with its facts.
      const withFacts = facts.a && facts.b ? preflight(base.pair, { a: facts.a, b: facts.b }, pack) : validatePair(base.pair, facts, pack);
      const diagnostics = [...warnings, ...withFacts].map((d) => ({ ...d }));
      return { diagnostics, valid: !diagnostics.some((d) => d.severity === 'error'), checked: 'facts' as const };
    },

    'pair.plan': async ({ text }, ctx) => {
      const pair = validPair(text);
      const r = await run(pair, ctx, { dryRun: true });
      if (r.outcome === 'failed') throw fromInfo(r.error);
      const out: PlanOutput = {
        outcome: r.outcome === 'preflight-failed' ? 'preflight-failed' : r.outcome === 'nothing-to-do' ? 'nothing-to-do' : 'dry-run',
        nothingToDo: r.outcome === 'nothing-to-do',
        findings: r.findings,
        health: r.health.before ?? [],
        ...(r.plans ? { devices: { a: planView(pair, 'a', r.plans.a), b: planView(pair, 'b', r.plans.b) } } : {}),
      };
      return out;
    },

    'pair.apply': async ({ text, rollback }, ctx) => {
      const pair = validPair(text);
      const journalPath = newJournalPath(o.journalBase ?? defaultDataDir(), pair.name);
      const journal = new JournalFile(journalPath);
      const reporter = new PushReporter(ctx.opId ?? 'pair-apply', emit, (title) => ctx.progress({ step: title }));
      try {
        const r = await run(pair, ctx, { journal, ...(rollback ? {} : { noRollback: true }) }, reporter);
        return applyOutput(r, r.outcome === 'failed' || r.outcome === 'preflight-failed' ? undefined : journalPath);
      } finally {
        reporter.flush();
        journal.close();
      }
    },
  };
}

/** The workflow's ErrorInfo back into an error, so the call fails with the same code, message and fix. */
function fromInfo(e: WorkflowResult['error']): AppError {
  if (!e) return new AppError('INTERNAL', 'The plan ended without a result.');
  return new AppError(e.code, e.message, { ...(e.fix ? { fix: e.fix } : {}), ...(e.details ? { details: e.details } : {}) });
}

function planView(pair: Pair, k: 'a' | 'b', v: DevicePlanView) {
  return { add: stagedLines(pair, pack, k, v.add), remove: v.remove, unchanged: v.unchanged };
}

function applyOutput(r: WorkflowResult, journal: string | undefined): ApplyOutput {
  return {
    outcome: r.outcome,
    verified: r.outcome === 'success',
    saved: r.saved === true,
    ...(journal ? { journal } : {}),
    applied: r.applied,
    findings: r.findings,
    ...(r.health.before ? { healthBefore: r.health.before } : {}),
    ...(r.health.after ? { healthAfter: r.health.after } : {}),
    ...(r.verifyFailures ? { verifyFailures: r.verifyFailures } : {}),
    ...(r.rollback ? { rollback: { a: rollbackView(r.rollback.a), b: rollbackView(r.rollback.b) } } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

function rollbackView(d: NonNullable<WorkflowResult['rollback']>['a']) {
  return { typed: d.typed, errors: d.errors, differences: d.differences, ...(d.unreachable ? { unreachable: d.unreachable } : {}) };
}
