import { randomUUID } from 'node:crypto';
import { AppError, type ErrorInfo } from '../../core/base/errors';
import { dataDir as defaultDataDir } from '../../core/base/node/paths';
import type { Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import { JournalFile, newJournalPath } from '../../core/provision/node/journal-file';
import { preflight } from '../../core/provision/preflight';
import type { DevicePlanView, WorkflowResult } from '../../core/provision/types';
import { runPair, type RunPairInput } from '../../core/provision/workflow';
import { internalError } from '../../core/transport/internal-error';
import { describeVerdict, probeStage, verdictMessage } from '../../core/probe/pair';
import { unconfirmed } from '../../core/probe/types';
import { validatePair } from '../../core/validate/index';
import type { ApplyOutput, HostEvent, PlanOutput } from '../../contract/index';
import type { DeviceManager } from '../devices/manager';
import { stagedLines } from '../devices/plan-lines';
import { PushReporter } from '../devices/push-reporter';
import { checkPairText, requireValidPair } from '../pair-text';
import type { HandlerContext, Handlers } from '../types';

const KEYS = ['a', 'b'] as const;

/** A pair file the workflow may run: loaded, every rule passed, with its platform's pack. */
const validPair = (text: string) => requireValidPair(text, 'untouched', 'step3');

export interface PairHandlerOptions {
  /** Journals go to <journalBase>/journal (as for `hotpair pair`); absent = the user's data dir. */
  journalBase?: string;
  /** Tests: shorter verification. */
  timeouts?: RunPairInput['timeouts'];
}

/** pair.* : core's commissioning workflow over the devices the wizard connected. */
export function pairHandlers(devices: DeviceManager, emit: (e: HostEvent) => void, o: PairHandlerOptions = {}): Handlers {
  const run = ({ pair, pack }: { pair: Pair; pack: PlatformPack }, ctx: HandlerContext, extra: Partial<RunPairInput>, reporter?: PushReporter) => {
    for (const k of KEYS) if (!devices.connected(k)) throw new AppError('DISCONNECTED', `Device ${k.toUpperCase()} is not connected.`, { fix: `Connect device ${k.toUpperCase()} in step 1.`, message: { key: 'host.not-connected', params: { device: k.toUpperCase() } } });
    return devices.exclusive(KEYS, extra.dryRun ? 'planning' : 'pushing', () =>
      runPair({
        pair,
        pack,
        open: (k, s) => devices.sessionFor(k, s),
        signal: ctx.signal,
        emit: (e) => {
          if (e.kind === 'stage' && e.phase === 'begin') ctx.progress({ step: e.title, code: `stage.${e.stage}.title` });
          reporter?.onEvent(e);
        },
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
      if (!base.pair || !base.pack || (!facts.a && !facts.b)) return { diagnostics: base.diagnostics, valid: !base.diagnostics.some((d) => d.severity === 'error'), checked: base.checked };
      // Both read: preflight (the rules with facts + what only facts show); one read: the rules with its facts.
      const withFacts = facts.a && facts.b ? preflight(base.pair, { a: facts.a, b: facts.b }, base.pack) : validatePair(base.pair, facts, base.pack);
      const diagnostics = [...base.fileWarnings, ...withFacts].map((d) => ({ ...d }));
      return { diagnostics, valid: !diagnostics.some((d) => d.severity === 'error'), checked: 'facts' as const };
    },

    'pair.plan': async ({ text }, ctx) => {
      const valid = validPair(text);
      const { pair, pack } = valid;
      const r = await run(valid, ctx, { dryRun: true });
      if (r.outcome === 'failed') throw fromInfo(r.error);
      const out: PlanOutput = {
        outcome: r.outcome === 'preflight-failed' ? 'preflight-failed' : r.outcome === 'nothing-to-do' ? 'nothing-to-do' : 'dry-run',
        nothingToDo: r.outcome === 'nothing-to-do',
        findings: r.findings,
        health: r.health.before ?? [],
        ...(r.plans ? { devices: { a: planView(pair, pack, 'a', r.plans.a), b: planView(pair, pack, 'b', r.plans.b) } } : {}),
      };
      return out;
    },

    'pair.apply': async ({ text, rollback, forceUnconfirmed }, ctx) => {
      const valid = validPair(text);
      const journalPath = newJournalPath(o.journalBase ?? defaultDataDir(), valid.pair.name);
      const journal = new JournalFile(journalPath);
      const reporter = new PushReporter(ctx.opId ?? 'pair-apply', emit);
      // The host asks the devices itself: a renderer's earlier pair.probe may describe other devices or another plan.
      let probe: ApplyOutput['probe'];
      const reason = forceUnconfirmed?.reason.trim();
      const stage = probeStage({
        ...(reason !== undefined ? { forceReason: reason } : {}),
        onLine: (k, v, i, total) => {
          const device = k.toUpperCase();
          ctx.progress({ step: `Checking the syntax on device ${device}: ${i + 1}/${total} ${v.line}`, code: 'host.status.checking-syntax', params: { device, index: String(i + 1), total: String(total), line: v.line } });
        },
        onResult: (res) => {
          const found = unconfirmed(res);
          const bad = found.map((u) => describeVerdict(u.device, u.verdict));
          const said = found.map((u) => verdictMessage(u.device, u.verdict));
          probe = { status: bad.length === 0 ? 'confirmed' : reason !== undefined ? 'forced' : 'refused', unconfirmed: bad, ...(bad.length ? { unconfirmedSaid: said } : {}), ...(bad.length && reason !== undefined ? { reason } : {}) };
        },
      });
      try {
        const r = await run(valid, ctx, { journal, probe: stage, ...(rollback ? {} : { noRollback: true }) }, reporter);
        const out = applyOutput(r, r.outcome === 'failed' || r.outcome === 'preflight-failed' ? undefined : journalPath);
        if (!probe) return out;
        // The core's fix names the CLI's flag; the wizard's override is a tick box and a reason.
        const error = probe.status === 'refused' && out.error ? wizardRefusal(out.error) : out.error;
        return { ...out, probe, ...(error ? { error } : {}) };
      } finally {
        reporter.flush();
        journal.close();
      }
    },
  };
}

/** The workflow's ErrorInfo back into an error, so the call fails with the same code, message, fix and message key. */
function fromInfo(e: WorkflowResult['error']): AppError {
  if (!e) return internalError('the plan ended without a result');
  return new AppError(e.code, e.message, { ...(e.fix ? { fix: e.fix } : {}), ...(e.details ? { details: e.details } : {}), ...(e.key !== undefined ? { message: { key: e.key, ...(e.params ? { params: e.params } : {}) } } : {}) });
}

/** The probe's refusal with the wizard's fix; its own key keeps the message and says that fix in the reader's language. */
function wizardRefusal(e: ErrorInfo): ErrorInfo {
  const fix = 'Check the lines marked unknown in the plan: correct the pair file or the pack for this release, or tick "Push anyway" and give the reason, which goes into the journal.';
  return { ...e, fix, ...(e.key === 'probe.refused' ? { key: 'host.probe-refused' } : {}) };
}

function planView(pair: Pair, pack: PlatformPack, k: 'a' | 'b', v: DevicePlanView) {
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
  return { typed: d.typed, errors: d.errors, ...(d.errorsSaid ? { errorsSaid: d.errorsSaid } : {}), differences: d.differences, ...(d.unreachable ? { unreachable: d.unreachable } : {}) };
}
