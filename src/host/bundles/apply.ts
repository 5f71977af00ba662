import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AppError } from '../../core/base/errors';
import type { MessageParams } from '../../core/base/message';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../../core/base/product';
import { readBundle } from '../../core/bundle/node/container';
import { unseal, type SealedSecret } from '../../core/bundle/node/crypto';
import { loadPairText } from '../../core/model/load';
import type { DeviceKey, Pair } from '../../core/model/pair';
import { parsePack, type PlatformPack } from '../../core/platforms/pack';
import { JournalFile, newJournalPath } from '../../core/provision/node/journal-file';
import { formatEvent } from '../../core/provision/format';
import type { WorkflowEvent, WorkflowResult } from '../../core/provision/types';
import { failureMessage } from '../../core/provision/verify-text';
import { runPair } from '../../core/provision/workflow';
import { renderPairText } from '../../core/render/index';
import type { HandlerContext } from '../types';
import { openDevice, type DeviceLogin, type OpenDeviceDeps } from '../devices/connect';

const KEYS: readonly DeviceKey[] = ['a', 'b'];

export interface ApplyInput {
  data: string;
  a: Partial<DeviceLogin>;
  b: Partial<DeviceLogin>;
  bundlePassphrase?: string;
  rollback: boolean;
  dryRun: boolean;
}

/**
 * The pair of a signed bundle, checked as `hotpair bundle apply` checks it: intact, signed by a
 * trusted key, and its pair re-rendered with its own pack must give exactly the signed scripts
 * (otherwise this build would push something other than what was signed).
 */
export function openForApply(data: string, isTrusted: (fp: string) => boolean): { pair: Pair; pack: PlatformPack; passwords?: string; signer: string } {
  const b = readBundle(Buffer.from(data, 'base64'), { isTrusted });
  const packR = parsePack(b.members['pack.json']?.toString('utf8') ?? '');
  if (!packR.ok) {
    const issues = packR.issues.join('; ');
    throw new AppError('BUNDLE_INVALID', `The bundle's platform pack is unreadable: ${issues}`, { message: { key: 'bundle.pack-unreadable', params: { issues } } });
  }
  const loaded = loadPairText(b.members['pair.json']?.toString('utf8') ?? '', 'pair.json');
  if (!loaded.ok) {
    const errors = loaded.errors.map((e) => e.message).join('; ');
    throw new AppError('BUNDLE_INVALID', `The bundle's pair.json does not load: ${errors}`, { message: { key: 'bundle.pair-unloadable', params: { errors } } });
  }
  const rendered = renderPairText(loaded.pair, packR.pack);
  for (const k of KEYS) {
    if (`${rendered[k].join('\n')}\n` !== (b.members[`${k}.cfg`]?.toString('utf8') ?? '')) {
      throw new AppError('BUNDLE_INVALID', `${k}.cfg in the bundle differs from what its pair.json renders to with its pack.`, {
        fix: 'Recreate the bundle with this HotPair version.',
        message: { key: 'bundle.cfg-differs', params: { device: k } },
      });
    }
  }
  const secrets = b.members['secrets.enc']?.toString('utf8');
  return { pair: loaded.pair, pack: packR.pack, signer: b.manifest.signer.fingerprint, ...(secrets ? { passwords: secrets } : {}) };
}

function bundlePasswords(sealedText: string | undefined, passphrase: string | undefined): Partial<Record<DeviceKey, string>> {
  if (!sealedText || !passphrase) return {};
  const plain = JSON.parse(unseal(JSON.parse(sealedText) as SealedSecret, passphrase)) as Record<string, { password?: string }>;
  const out: Partial<Record<DeviceKey, string>> = {};
  for (const k of KEYS) if (typeof plain[k]?.password === 'string') out[k] = plain[k].password;
  return out;
}

/** Workflow events → op.progress (stage names, and per-line push progress), each with its message for the reader's language. */
function progressOf(e: WorkflowEvent, ctx: HandlerContext): void {
  if (e.kind === 'stage' && e.phase === 'begin') ctx.progress({ step: e.title, code: `stage.${e.stage}.title` });
  else if (e.kind === 'line') {
    const device = e.device.toUpperCase();
    ctx.progress({ step: `device ${device} ${e.stage}`, code: 'host.status.device-stage', params: { device, stage: e.stage }, done: e.index + 1, total: e.total, line: e.line });
  }
  else {
    const text = formatEvent(e);
    if (text) ctx.progress({ step: text.split('\n')[0]!.trim().slice(0, 200), ...eventSaid(e) });
  }
}

/** The message of an event formatEvent writes as one line (verify rounds, the workflow's notes); none for the rest. */
function eventSaid(e: WorkflowEvent): { code: string; params?: MessageParams } | Record<string, never> {
  if (e.kind === 'verify') {
    if (e.failures.length === 0) return { code: 'format.verify.met', params: { attempt: e.attempt } };
    return { code: 'format.verify.waiting', params: { attempt: e.attempt, count: e.failures.length, failures: { sep: 'semicolon', items: e.failures.slice(0, 3).map(failureMessage) } } };
  }
  if (e.kind !== 'message' || e.code === undefined) return {};
  const said = { code: e.code, ...(e.params ? { params: e.params } : {}) };
  return e.level === 'info' ? said : { code: `host.status.level-${e.level}`, params: { text: { sep: 'comma', items: [said] } } };
}

const OUTCOME_TEXT: Record<string, string> = {
  success: 'Applied, verified and saved on both devices.',
  'nothing-to-do': 'Both devices already run this configuration: nothing was changed.',
  'dry-run': 'Dry run: the plan was made, nothing was pushed.',
  'rolled-back': 'The push failed and both devices were rolled back to their previous configuration.',
  'rollback-incomplete': 'The push failed and the rollback did not restore everything: see the journal.',
  'failed-kept': 'The push failed; what was applied was kept (rollback off).',
  'preflight-failed': 'Preflight found problems; nothing was pushed.',
  failed: 'The run failed before anything was pushed.',
};

/** bundles.apply: the commissioning workflow (src/core/provision) from a verified bundle. */
export async function applyBundle(input: ApplyInput, isTrusted: (fp: string) => boolean, deps: OpenDeviceDeps & { journalBase: string }, ctx: HandlerContext) {
  ctx.progress({ step: 'checking the bundle', code: 'host.status.checking-bundle' });
  const { pair, pack, passwords: sealed, signer } = openForApply(input.data, isTrusted);
  if (sealed && !input.bundlePassphrase && KEYS.some((k) => !input[k].password && !input[k].credentialId)) {
    throw new AppError('AUTH_FAILED', 'The bundle carries encrypted device passwords.', { fix: 'Enter the bundle passphrase, or type each device password.', message: { key: 'bundle.sealed-passwords' } });
  }
  const fromBundle = bundlePasswords(sealed, input.bundlePassphrase);
  const login = (k: DeviceKey): DeviceLogin => {
    const d = input[k];
    const url = d.url ?? pair.devices[k].connect;
    if (!url) {
      throw new AppError('VALIDATION', `Device ${k.toUpperCase()} has no connect URL in the bundle.`, {
        fix: 'Enter its URL (ssh://… or serial://…).',
        message: { key: 'bundle.no-url', params: { device: k.toUpperCase() } },
      });
    }
    const password = d.password ?? fromBundle[k];
    return { url, ...(d.credentialId ? { credentialId: d.credentialId } : {}), ...(password ? { password } : {}), ...(d.acceptHostKey ? { acceptHostKey: d.acceptHostKey } : {}) };
  };
  const logins = { a: login('a'), b: login('b') };
  const journalPath = newJournalPath(deps.journalBase, pair.name);
  const journal = new JournalFile(journalPath);
  let result: WorkflowResult;
  try {
    result = await runPair({
      pair,
      pack,
      open: async (k, signal) => (await openDevice(logins[k], deps, { signal, label: `${pair.name}-${k}` })).session,
      journal,
      emit: (e) => progressOf(e, ctx),
      signal: ctx.signal,
      dryRun: input.dryRun,
      noRollback: !input.rollback,
      meta: { runId: randomUUID(), targets: { a: logins.a.url, b: logins.b.url }, tool: `${PRODUCT_NAME} ${PRODUCT_VERSION} (app)`, pairFile: `bundle signed by ${signer}` },
    });
  } finally {
    journal.close();
  }
  // A run that never reached a device has nothing in its journal worth pointing at.
  if (result.error && (result.outcome === 'failed' || result.outcome === 'preflight-failed') && result.applied.a + result.applied.b === 0 && !result.plans) {
    const e = result.error;
    // The workflow's own error, as it came: its key says it in the reader's language.
    throw new AppError(e.code, e.message, {
      ...(e.fix ? { fix: e.fix } : {}),
      ...(e.details ? { details: e.details } : {}),
      ...(e.key ? { message: { key: e.key, ...(e.params ? { params: e.params } : {}) } } : {}),
    });
  }
  const errors = result.findings.filter((d) => d.severity === 'error');
  const findings = errors.map((d) => d.message);
  return {
    verified: result.outcome === 'success',
    saved: result.saved === true,
    outcome: result.outcome,
    // a run that stopped before the plan wrote no journal: say so rather than name a missing file
    journal: existsSync(journalPath) ? journalPath : '',
    message: [OUTCOME_TEXT[result.outcome] ?? result.outcome, ...findings, result.error?.message].filter(Boolean).join(' '),
    // The same sentence in parts, so the page says it in the reader's language (src/i18n/bundle-apply.ts).
    said: {
      outcome: { code: `bundle.outcome.${result.outcome}` },
      findings: errors.map(({ rule, code, params, path, severity, message, fix, reason }) => ({ rule, path, severity, message, fix, ...(code ? { code } : {}), ...(params ? { params } : {}), ...(reason ? { reason } : {}) })),
      ...(result.error ? { error: result.error } : {}),
    },
  };
}
