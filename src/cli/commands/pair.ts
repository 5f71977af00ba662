/**
 * `hotpair pair <pair-file>`: preflight, plan, staged push, verify, save — with rollback. Also
 * the pieces `op` and `bundle apply` share: the session factory (over connect-session.ts),
 * confirmation rules and printing. Registration stays light: sessions, ssh2,
 * serialport and the workflow are imported inside the actions.
 */
import type { Command } from 'commander';
import { DEFAULT_SYSLOG_PORT, PRODUCT_NAME, PRODUCT_VERSION } from '../../core/base/product';
import type { DeviceKey, Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import type { SessionFactory, WorkflowEvent, WorkflowResult } from '../../core/provision/types';
import { addConnectOptions, type CliConnectFlags, type PromptIo, type TargetFlags } from '../credentials';
import { t } from '../i18n';

export interface PairFlags extends CliConnectFlags, TargetFlags {
  dryRun?: boolean;
  yes?: boolean;
  rollback?: boolean;
  pack?: string;
  verifyTimeout?: string;
  /** `HOST[:PORT]`: the devices' loghost (a HotPair monitor), set on the pair before planning. */
  loghost?: string;
  /** false (--no-probe): the devices are not asked to confirm the planned lines; the journal says so. */
  probe?: boolean;
  /** Push lines the devices did not confirm; the reason goes into the journal. */
  forceUnconfirmed?: string;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, rollbackIncomplete: 3 } as const;

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * The workflow's sessions through the CLI's connector (connect-session.ts): `--a/--b` and the
 * flags over the file's per-device settings, one known-hosts store, questions one at a time.
 */
export async function cliSessionFactory(pair: Pair, flags: PairFlags & { passwords?: Partial<Record<DeviceKey, string>> }, io?: PromptIo): Promise<SessionFactory> {
  const { pairDeviceSettings, pairOpener } = await import('../connect-session');
  const open = pairOpener(pairDeviceSettings(pair, flags.passwords), flags, io);
  return async (k, signal) => (await open(k, signal)).session;
}

export function printEvent(io: CliIo, names: Record<DeviceKey, string>) {
  return async (e: WorkflowEvent): Promise<void> => {
    const f = await import('../../core/provision/format');
    const { cliCore, cliFinding } = await import('../../i18n/node/cli-core');
    const tr = cliCore();
    if (e.kind === 'preflight') io.out(f.formatFindings(e.findings, tr, cliFinding));
    else if (e.kind === 'health') io.out(f.formatHealth(e.checks, t(`run.healthWhen.${e.when}`), tr));
    else if (e.kind === 'plan') io.out(`${f.formatPlan(e.plans, names, tr)}${e.nothingToDo ? `${t('run.nothingToDo')}\n` : ''}`);
    else {
      const text = f.formatEvent(e, tr);
      if (text) io.out(text);
    }
  };
}

/** Exit code and closing report of a run. */
export async function report(io: CliIo, r: WorkflowResult, journalPath: string | undefined): Promise<number> {
  const f = await import('../../core/provision/format');
  const { cliCore } = await import('../../i18n/node/cli-core');
  const tr = cliCore();
  if (r.error && r.outcome !== 'preflight-failed') {
    const { cliErrorText, cliFix } = await import('../../i18n/node/cli-core');
    const said = cliErrorText(r.error);
    io.err(`hotpair: ${r.error.code}: ${said.message}\n${said.fix ? `  ${cliFix(said.fix)}\n` : ''}`);
  }
  if (r.verifyFailures?.length) io.out(`${t('run.verifyFailed')}\n${f.formatVerify(r.verifyFailures, tr)}`);
  if (r.rollback) io.out(`${t('run.rollback')}\n${f.formatRollback(r.rollback, tr)}`);
  const says = t(`run.outcome.${r.outcome.replace(/-/g, '_')}`, { a: r.applied.a, b: r.applied.b });
  io.out(`${says}${journalPath ? `\n${t('journalLine', { path: journalPath })}` : ''}\n`);
  if (r.outcome === 'success' || r.outcome === 'nothing-to-do' || r.outcome === 'dry-run') return EXIT.ok;
  return r.outcome === 'rollback-incomplete' ? EXIT.rollbackIncomplete : EXIT.failed;
}

/** `[y/N]` on a terminal; without one, only --yes lets a push go ahead. */
export async function confirmer(yes: boolean | undefined, question: string): Promise<(() => Promise<boolean>) | undefined> {
  if (yes) return undefined;
  const { terminalPromptIo } = await import('../credentials');
  const io = terminalPromptIo();
  return async () => /^y(es)?$/i.test((await io.ask(t('run.yesNo', { question }))).trim());
}

export const canAsk = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

export interface RunOptions {
  pair: Pair;
  pack: PlatformPack;
  flags: PairFlags & { passwords?: Partial<Record<DeviceKey, string>> };
  pairFile?: string;
  io?: CliIo;
  open?: SessionFactory;
  /**
   * Offer the optional loghost question (only `hotpair pair`: a bundle's pair is signed as it is).
   * `true` asks on a terminal; a function is the question itself (tests).
   */
  askLoghost?: boolean | ((question: string) => Promise<string>);
}

/**
 * The pair as it will be planned: `--loghost` (or, on a terminal without --yes and with no loghost
 * in the file, an optional question) points the devices' loghost at a monitor. Done before
 * planning so the loghost line is in the plan, the push, the undo and the journal like any other.
 */
async function withLoghost(o: RunOptions, io: CliIo): Promise<{ ok: true; pair: Pair } | { ok: false }> {
  const { parseLoghost } = await import('../pair-file');
  let text = o.flags.loghost;
  if (text === undefined && o.askLoghost && !o.flags.yes && !o.pair.loghost) {
    const ask = typeof o.askLoghost === 'function' ? o.askLoghost : canAsk() ? (await import('../credentials')).terminalPromptIo().ask : undefined;
    const answer = ask ? (await ask(t('run.loghostAsk'))).trim() : '';
    if (answer !== '') text = answer;
  }
  if (text === undefined) return { ok: true, pair: o.pair };
  const r = parseLoghost(text);
  if (!r.ok) {
    io.err(`${t('error', { message: r.message })}\n`);
    return { ok: false };
  }
  if (o.pair.loghost && (o.pair.loghost.address !== r.loghost.address || o.pair.loghost.port !== r.loghost.port)) {
    io.err(`${t('run.loghostReplaces', { address: r.loghost.address, port: String(r.loghost.port), oldAddress: o.pair.loghost.address, oldPort: String(o.pair.loghost.port) })}\n`);
  }
  return { ok: true, pair: { ...o.pair, loghost: r.loghost } };
}

/** The whole `pair` run, shared with `bundle apply`. Returns the exit code. */
export async function runPairCli(o: RunOptions): Promise<number> {
  const io = o.io ?? stdio;
  const { pack, flags } = o;
  if (!flags.yes && !flags.dryRun && !canAsk()) {
    io.err(`${t('run.needsTerminal')}\n`);
    return EXIT.usage;
  }
  if (flags.forceUnconfirmed !== undefined && flags.forceUnconfirmed.trim() === '') {
    io.err(`${t('run.forceNeedsReason')}\n`);
    return EXIT.usage;
  }
  const withLog = await withLoghost(o, io);
  if (!withLog.ok) return EXIT.usage;
  const pair = withLog.pair;
  let verifyMs: number | undefined;
  if (flags.verifyTimeout !== undefined) {
    verifyMs = Number(flags.verifyTimeout) * 1000;
    if (!Number.isFinite(verifyMs) || verifyMs <= 0) {
      io.err(`${t('run.verifyTimeout')}\n`);
      return EXIT.usage;
    }
  }
  const { runPair } = await import('../../core/provision/workflow');
  const { probeStage } = await import('../../core/probe/pair');
  const { formatProbe } = await import('../../core/probe/format');
  const { cliCore } = await import('../../i18n/node/cli-core');
  const { JournalFile, newJournalPath } = await import('../../core/provision/node/journal-file');
  const { dataDir } = await import('../../core/base/node/paths');
  const { randomUUID } = await import('node:crypto');
  const { pairTargetsOrSay } = await import('../connect-session');
  const targets = pairTargetsOrSay(pair, flags, (message) => io.err(`${t('error', { message })}\n`));
  if (!targets) return EXIT.usage;
  const open = o.open ?? (await cliSessionFactory(pair, flags));
  const journalPath = newJournalPath(dataDir(), pair.name);
  const journal = new JournalFile(journalPath);
  const ctrl = new AbortController();
  const onSigint = () => ctrl.abort();
  process.once('SIGINT', onSigint);
  const names = { a: pair.devices.a.sysname, b: pair.devices.b.sysname };
  const print = printEvent(io, names);
  let chain = Promise.resolve();
  try {
    io.out(`${t('run.pairLine', { name: pair.name, a: names.a, aTarget: targets.a.text, b: names.b, bTarget: targets.b.text })}\n`);
    const confirm = await confirmer(flags.yes, t('run.confirmPush'));
    const result = await runPair({
      pair,
      pack,
      open,
      journal,
      signal: ctrl.signal,
      emit: (e) => void (chain = chain.then(() => print(e))),
      ...(flags.dryRun ? { dryRun: true } : {}),
      ...(flags.rollback === false ? { noRollback: true } : {}),
      ...(confirm ? { confirm: async () => (await chain, confirm()) } : {}),
      probe: probeStage({
        ...(flags.probe === false ? { skip: true } : {}),
        ...(flags.forceUnconfirmed !== undefined ? { forceReason: flags.forceUnconfirmed } : {}),
        onResult: (r) => void (chain = chain.then(() => io.out(formatProbe(r, names, cliCore())))),
      }),
      ...(verifyMs !== undefined ? { timeouts: { verifyMs } } : {}),
      meta: { runId: randomUUID(), targets: { a: targets.a.text, b: targets.b.text }, tool: `${PRODUCT_NAME} ${PRODUCT_VERSION}`, ...(o.pairFile ? { pairFile: o.pairFile } : {}) },
    });
    await chain;
    return await report(io, result, result.outcome === 'preflight-failed' || result.outcome === 'failed' ? undefined : journalPath);
  } finally {
    process.off('SIGINT', onSigint);
    journal.close();
  }
}

export function registerPair(program: Command): void {
  const cmd = program
    .command('pair <pair-file>')
    .description(t('pair.desc'))
    .option('--dry-run', t('pair.opt.dryRun'))
    .option('--yes', t('pair.opt.yes'))
    .option('--no-rollback', t('pair.opt.noRollback'))
    .option('--pack <FILE>', t('pair.opt.pack'))
    .option('--verify-timeout <SECONDS>', t('op.timeout'))
    .option('--no-probe', t('pair.opt.noProbe'))
    .option('--force-unconfirmed <REASON>', t('pair.opt.forceUnconfirmed'))
    .option('--loghost <HOST[:PORT]>', t('pair.opt.loghost', { port: String(DEFAULT_SYSLOG_PORT) }));
  cmd
    .option('--one-cable', t('pair.opt.oneCable'))
    .option('--console <URL>', t('pair.opt.console'))
    .option('--resume <journal>', t('pair.opt.resume'))
    .option('--json', t('pair.opt.json'))
    .option('--assume-moved-after <seconds>', t('pair.opt.assumeMoved'), '60');
  addConnectOptions(cmd, 'pair file').action(async (file: string, flags: PairFlags & { oneCable?: boolean; resume?: string }) => {
    const { readPairAndPack } = await import('../pair-file');
    const r = readPairAndPack(file, flags.pack);
    if (!r.ok) {
      process.stderr.write(r.message);
      process.exitCode = r.exit;
      return;
    }
    if (flags.oneCable || flags.resume !== undefined) {
      const { runOneCableCli } = await import('./pair-one-cable');
      process.exitCode = await runOneCableCli({ pair: r.pair, pack: r.pack, flags, pairFile: file });
      return;
    }
    process.exitCode = await runPairCli({ pair: r.pair, pack: r.pack, flags, pairFile: file, askLoghost: true });
  });
}
