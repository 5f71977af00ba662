/**
 * `hotpair pair <pair-file>`: preflight, plan, staged push, verify, save — with rollback. Also
 * the pieces `op`, `recover` and `bundle apply` share: device targets from the file or flags, the
 * session factory, confirmation rules and printing. Registration stays light: sessions, ssh2,
 * serialport and the workflow are imported inside the actions.
 */
import type { Command } from 'commander';
import type { DeviceKey, Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import type { SessionFactory, WorkflowEvent, WorkflowResult } from '../../core/provision/types';
import { addConnectOptions, type CliConnectFlags, type PromptIo } from '../credentials';

export interface PairFlags extends CliConnectFlags {
  a?: string;
  b?: string;
  dryRun?: boolean;
  yes?: boolean;
  rollback?: boolean;
  pack?: string;
  verifyTimeout?: string;
  /** `HOST[:PORT]`: the devices' loghost (a HotPair monitor), set on the pair before planning. */
  loghost?: string;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, rollbackIncomplete: 3 } as const;

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Device targets: `--a/--b` override the file's `connect` URLs. */
export async function resolveTargets(pair: Pair, flags: { a?: string; b?: string }) {
  const { parseConnectUrl, formatConnectTarget } = await import('../../core/model/connect');
  const { AppError } = await import('../../core/base/errors');
  const out = {} as Record<DeviceKey, { target: import('../../core/model/connect').ConnectTarget; text: string }>;
  for (const k of ['a', 'b'] as const) {
    const url = flags[k] ?? pair.devices[k].connect;
    const r = parseConnectUrl(url);
    if (!r.ok) throw new AppError('VALIDATION', `device ${k.toUpperCase()}: ${r.message}`);
    out[k] = { target: r.target, text: formatConnectTarget(r.target) };
  }
  return out;
}

/**
 * Sessions through the shared CLI path (known hosts, transcripts); per-device password/identity
 * from the file unless a flag is given. Both devices are opened at once, so first-contact host
 * keys are recorded one at a time (one store, its `add` serialised): two concurrent adds to the
 * same known_hosts file would race on its temporary file and lose one key.
 */
export async function cliSessionFactory(pair: Pair, flags: PairFlags & { passwords?: Partial<Record<DeviceKey, string>> }, io?: PromptIo): Promise<SessionFactory> {
  const targets = await resolveTargets(pair, flags);
  const { openSession } = await import('../../core/session/node/open');
  const { openKnownHosts } = await import('../../core/transport/node/known-hosts-file');
  const { hostKeyPolicy, resolveCredentials, terminalPromptIo } = await import('../credentials');
  const prompt = io ?? terminalPromptIo();
  const store = flags.knownHosts ? openKnownHosts(flags.knownHosts) : openKnownHosts();
  let queue: Promise<unknown> = Promise.resolve();
  let asking: Promise<unknown> = Promise.resolve();
  const add = store.add.bind(store);
  store.add = (...args) => {
    const next = queue.then(() => add(...args));
    queue = next.catch(() => undefined);
    return next;
  };
  return async (k, signal) => {
    const d = pair.devices[k];
    const f: CliConnectFlags = { ...flags };
    if (!f.passwordEnv && d.passwordEnv) f.passwordEnv = d.passwordEnv;
    if (!f.identity && d.identityFile) f.identity = d.identityFile;
    const pw = flags.passwords?.[k];
    if (pw !== undefined) {
      // A password from an unsealed bundle: handed over through a process-local variable, never a flag.
      const name = `HOTPAIR_BUNDLE_PW_${k.toUpperCase()}`;
      process.env[name] = pw;
      f.passwordEnv = name;
    }
    const t = targets[k].target;
    // Password prompts, if any, one device after the other.
    const asked = asking.then(() => resolveCredentials(t, f, prompt));
    asking = asked.catch(() => undefined);
    const credentials = await asked;
    const o = await openSession({ target: t, credentials, knownHosts: store, hostKeyPolicy: hostKeyPolicy(f, prompt), signal, deviceLabel: `${pair.name}-${d.sysname}`, onStatus: (m) => prompt.err(`${m}\n`) });
    return o.session;
  };
}

export function printEvent(io: CliIo, names: Record<DeviceKey, string>) {
  return async (e: WorkflowEvent): Promise<void> => {
    const f = await import('../../core/provision/format');
    if (e.kind === 'preflight') io.out(f.formatFindings(e.findings));
    else if (e.kind === 'health') io.out(f.formatHealth(e.checks, { before: 'before the push', after: 'after the push', now: 'where the devices stand now' }[e.when]));
    else if (e.kind === 'plan') io.out(`${f.formatPlan(e.plans, names)}${e.nothingToDo ? 'Nothing to do: both devices already match the pair file.\n' : ''}`);
    else {
      const t = f.formatEvent(e);
      if (t) io.out(t);
    }
  };
}

/** Exit code and closing report of a run. */
export async function report(io: CliIo, r: WorkflowResult, journalPath: string | undefined): Promise<number> {
  const f = await import('../../core/provision/format');
  if (r.error && r.outcome !== 'preflight-failed') io.err(`hotpair: ${r.error.code}: ${r.error.message}\n${r.error.fix ? `  fix: ${r.error.fix}\n` : ''}`);
  if (r.verifyFailures?.length) io.out(`Verification failed:\n${f.formatVerify(r.verifyFailures)}`);
  if (r.rollback) io.out(`Rollback:\n${f.formatRollback(r.rollback)}`);
  const says: Record<WorkflowResult['outcome'], string> = {
    success: 'Done: verified and saved on both devices.',
    'nothing-to-do': 'Nothing to do.',
    'dry-run': 'Dry run: nothing was pushed.',
    declined: 'Not confirmed: nothing was pushed.',
    'preflight-failed': 'Preflight found errors: nothing was pushed. Correct the findings above.',
    'rolled-back': 'Failed; both devices were rolled back to their configuration before the push.',
    'rollback-incomplete': 'Failed, and the rollback is INCOMPLETE: see the lines above.',
    'failed-kept': `Failed; --no-rollback kept what was applied (A ${r.applied.a} line(s), B ${r.applied.b}) and ended the commit-delay window.`,
    recovered: 'Recovered.',
    failed: 'Failed before anything was pushed.',
  };
  io.out(`${says[r.outcome]}${journalPath ? `\nJournal: ${journalPath}` : ''}\n`);
  if (r.outcome === 'success' || r.outcome === 'nothing-to-do' || r.outcome === 'dry-run') return EXIT.ok;
  return r.outcome === 'rollback-incomplete' ? EXIT.rollbackIncomplete : EXIT.failed;
}

/** `[y/N]` on a terminal; without one, only --yes lets a push go ahead. */
export async function confirmer(yes: boolean | undefined, question: string): Promise<(() => Promise<boolean>) | undefined> {
  if (yes) return undefined;
  const { terminalPromptIo } = await import('../credentials');
  const io = terminalPromptIo();
  return async () => /^y(es)?$/i.test((await io.ask(`${question} [y/N] `)).trim());
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
    const answer = ask ? (await ask("Point the devices' loghost at a HotPair monitor? HOST[:PORT], or Enter to skip: ")).trim() : '';
    if (answer !== '') text = answer;
  }
  if (text === undefined) return { ok: true, pair: o.pair };
  const r = parseLoghost(text);
  if (!r.ok) {
    io.err(`hotpair: ${r.message}\n`);
    return { ok: false };
  }
  if (o.pair.loghost && (o.pair.loghost.address !== r.loghost.address || o.pair.loghost.port !== r.loghost.port)) {
    io.err(`hotpair: note: --loghost ${r.loghost.address} port ${r.loghost.port} replaces the pair file's loghost ${o.pair.loghost.address} port ${o.pair.loghost.port}\n`);
  }
  return { ok: true, pair: { ...o.pair, loghost: r.loghost } };
}

/** The whole `pair` run, shared with `bundle apply`. Returns the exit code. */
export async function runPairCli(o: RunOptions): Promise<number> {
  const io = o.io ?? stdio;
  const { pack, flags } = o;
  if (!flags.yes && !flags.dryRun && !canAsk()) {
    io.err('hotpair: refusing to push without a terminal to confirm on; pass --yes (or --dry-run)\n');
    return EXIT.usage;
  }
  const withLog = await withLoghost(o, io);
  if (!withLog.ok) return EXIT.usage;
  const pair = withLog.pair;
  let verifyMs: number | undefined;
  if (flags.verifyTimeout !== undefined) {
    verifyMs = Number(flags.verifyTimeout) * 1000;
    if (!Number.isFinite(verifyMs) || verifyMs <= 0) {
      io.err('hotpair: --verify-timeout takes a number of seconds\n');
      return EXIT.usage;
    }
  }
  const { runPair } = await import('../../core/provision/workflow');
  const { JournalFile, newJournalPath } = await import('../../core/provision/node/journal-file');
  const { dataDir } = await import('../../core/base/node/paths');
  const { randomUUID } = await import('node:crypto');
  let targets;
  try {
    targets = await resolveTargets(pair, flags);
  } catch (e) {
    io.err(`hotpair: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
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
    io.out(`Pair ${pair.name}: A ${names.a} at ${targets.a.text}, B ${names.b} at ${targets.b.text}\n`);
    const confirm = await confirmer(flags.yes, 'Push this plan to both devices?');
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
      ...(verifyMs !== undefined ? { timeouts: { verifyMs } } : {}),
      meta: { runId: randomUUID(), targets: { a: targets.a.text, b: targets.b.text }, tool: 'hotpair 0.1.0', ...(o.pairFile ? { pairFile: o.pairFile } : {}) },
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
    .description('commission a pair: preflight, plan, staged push with commit delay, verify, save; rollback on failure')
    .option('--a <url>', "device A's connect URL (overrides the pair file)")
    .option('--b <url>', "device B's connect URL (overrides the pair file)")
    .option('--dry-run', 'stop after printing the plan')
    .option('--yes', 'push without asking (required without a terminal)')
    .option('--no-rollback', 'on failure keep what was applied (and end the commit-delay window)')
    .option('--pack <FILE>', 'platform pack JSON (hotpair pack dump) instead of the built-in one')
    .option('--verify-timeout <SECONDS>', 'verification limit (default: 2 × keepalive interval × count + 20 s)')
    .option('--loghost <HOST[:PORT]>', "point both devices' loghost at a HotPair monitor (port 5514, the monitor's default, unless given); asked on a terminal without --yes");
  addConnectOptions(cmd).action(async (file: string, flags: PairFlags) => {
    const { readPackFile } = await import('../pack-file');
    const pack = readPackFile(flags.pack);
    if (!pack.ok) {
      process.stderr.write(`hotpair: ${pack.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const { readValidPair } = await import('../pair-file');
    const r = readValidPair(file, pack.pack);
    if (!r.ok) {
      process.stderr.write(r.message);
      process.exitCode = r.exit;
      return;
    }
    process.exitCode = await runPairCli({ pair: r.pair, pack: pack.pack, flags, pairFile: file, askLoghost: true });
  });
}
